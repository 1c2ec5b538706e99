import { readFile } from 'node:fs/promises';
import { IMPORT_KINDS, applyImport, isImportKind, previewImport, type Database } from '@shian/core';
import { SYSTEM_ACTOR, isAppError } from '@shian/domain';
import { errorMessage } from '../http/localise.ts';
import { localiseImportFailure, presentCellError } from '../routes/registry/import.routes.ts';

/**
 * `shian import FILE --kind K [--apply]`: previews the file as the system (the whole city), prints the counts
 * and every bad cell in zh-CN, and with --apply applies it when it has no errors. Exit code 1 when the file
 * has errors or cannot be read, 2 on wrong usage.
 */
export async function runImportCommand(database: Database, file: string | undefined, kind: string | undefined, apply: boolean): Promise<number> {
  if (!file || !kind || !isImportKind(kind)) {
    console.error(`usage: import FILE --kind ${IMPORT_KINDS.join('|')} [--apply]`);
    return 2;
  }
  const ctx = { db: database.db, actor: SYSTEM_ACTOR };
  try {
    const buffer = await readFile(file);
    const preview = await previewImport(ctx, { kind, filename: file, buffer });
    const { create, update, unchanged, error } = preview.counts;
    console.log(`${preview.filename}: create ${create}, update ${update}, unchanged ${unchanged}, error ${error}`);
    for (const warning of preview.warnings) {
      const w = presentCellError(kind, warning, 'zh-CN');
      console.log(`warning: column ${w.column} (${w.columnLabel}): ${w.message}`);
    }
    for (const row of preview.rows) {
      for (const cell of row.errors) {
        const e = presentCellError(kind, cell, 'zh-CN');
        console.log(`row ${row.row}, column ${e.column} (${e.columnLabel}): ${e.message}`);
      }
    }
    if (error > 0) {
      console.error(apply ? 'not applied: fix the errors and run again' : 'the file has errors');
      return 1;
    }
    if (!apply) {
      console.log(`previewed as import ${preview.id}; run again with --apply to apply it`);
      return 0;
    }
    const { applied } = await applyImport(ctx, preview.id);
    console.log(`applied: created ${applied.created}, updated ${applied.updated}, unchanged ${applied.unchanged}`);
    return 0;
  } catch (caught) {
    const failure = localiseImportFailure(caught, 'zh-CN');
    if (!isAppError(failure)) throw caught;
    console.error(errorMessage(failure.code, 'zh-CN', { count: failure.details.length, ...failure.params }));
    return 1;
  }
}
