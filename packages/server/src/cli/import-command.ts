import type { Database } from '@shian/core';

/** `shian import FILE --kind K [--apply]`: filled in with the spreadsheet import. */
export async function runImportCommand(_database: Database, file: string | undefined, kind: string | undefined, _apply: boolean): Promise<number> {
  console.error(`import of ${file ?? '(no file)'} as ${kind ?? '(no kind)'} is not available yet`);
  return 2;
}
