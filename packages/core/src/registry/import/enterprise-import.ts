import { randomUUID } from 'node:crypto';
import { enterpriseCreateSchema, findJurisdiction, inScope, isWithin, nameGrams, normaliseIdentifier, normaliseSearchText, validateUscc, type Actor } from '@shian/domain';
import type { AuditInput } from '../../audit/record-audit.ts';
import type { Ctx, TrxCtx } from '../../db/transaction.ts';
import type { EnterpriseRow } from '../../db/schema.ts';
import type { PlanRow, RowWrite, StoredPlanRow } from './import-plan.ts';
import {
  type BulkColumn,
  chunks,
  findEnterprisesByUscc,
  findExistingKeys,
  lockRowsById,
  stalePreview,
  updateRowsFromJson,
} from './import-queries.ts';
import { type RowDraft, diffRecord, duplicateTracker, reportIssues } from './row-draft.ts';

/** The fields an enterprise row sets, in column order. */
const FIELDS = ['uscc', 'name', 'legalRepresentative', 'kinds', 'jurisdictionCode', 'address', 'phone'] as const;

/** The record an enterprise row writes (an apply reads it back from the stored plan). */
interface EnterpriseRecord {
  uscc: string;
  name: string;
  legalRepresentative: string;
  kinds: string[];
  jurisdictionCode: string;
  address: string;
  phone: string | null;
  usccCheckFailed?: boolean;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const snapshot = (e: EnterpriseRow): Record<string, unknown> => ({ ...e });

/** Classifies enterprise rows: one lookup of every credit code in the file, then row by row in memory. */
export async function planEnterpriseRows(ctx: Ctx, drafts: readonly RowDraft[]): Promise<PlanRow[]> {
  const stored = await findEnterprisesByUscc(
    ctx.db,
    drafts.map((d) => normaliseIdentifier(text(d.values.get('uscc')))),
  );
  const noteKey = duplicateTracker();
  return drafts.map((draft) => planRow(ctx.actor, draft, stored, noteKey));
}

/** The jurisdiction code of a row: the code column, else the resolved name; when both are given they must agree. */
function resolveJurisdiction(draft: RowDraft): string | undefined {
  const typed = draft.values.get('jurisdictionCode');
  const fromName = draft.values.get('jurisdictionName');
  if (typeof typed === 'string') {
    const code = normaliseIdentifier(typed);
    if (!findJurisdiction(code)) {
      draft.fail('jurisdictionCode', 'field.jurisdiction_unknown');
      return undefined;
    }
    // The name may be the code's own node or an ancestor (a street's code beside its district's name).
    if (typeof fromName === 'string' && !isWithin(code, fromName)) draft.fail('jurisdictionName', 'field.import_jurisdiction_mismatch', { code });
    return code;
  }
  if (typeof fromName === 'string') return fromName;
  if (!draft.failed('jurisdictionCode') && !draft.failed('jurisdictionName')) draft.fail('jurisdictionCode', 'field.required');
  return undefined;
}

function planRow(actor: Actor, draft: RowDraft, storedByUscc: ReadonlyMap<string, EnterpriseRow>, noteKey: ReturnType<typeof duplicateTracker>): PlanRow {
  const v = draft.values;
  const uscc = normaliseIdentifier(text(v.get('uscc')));
  const jurisdictionCode = resolveJurisdiction(draft);
  const confirm = v.get('confirmUscc') === true;
  if (!uscc) draft.fail('uscc', 'field.required');
  const result = enterpriseCreateSchema.safeParse({
    uscc: text(v.get('uscc')),
    confirmUscc: confirm,
    name: text(v.get('name')),
    legalRepresentative: text(v.get('legalRepresentative')),
    kinds: v.get('kinds') ?? [],
    // A jurisdiction already reported stands in as valid, so that its cell is not reported twice.
    jurisdictionCode: jurisdictionCode ?? '310000',
    address: text(v.get('address')),
    phone: v.get('phone') ?? null,
  });
  if (!result.success) reportIssues(draft, result.error.issues);

  const stored = storedByUscc.get(uscc);
  const check = validateUscc(uscc);
  if (!draft.failed('uscc')) {
    noteKey(draft, 'uscc', uscc);
    if (stored && !inScope(actor, { jurisdictionCode: stored.jurisdictionCode, enterpriseId: stored.id })) {
      draft.fail('uscc', 'field.import_registered_elsewhere');
    } else if (!stored && check.problem === 'check_character' && !confirm) {
      draft.fail('uscc', 'field.import_uscc_unconfirmed', { expected: check.expectedCheckChar });
    }
  }
  if (jurisdictionCode && !draft.failed('jurisdictionCode') && !inScope(actor, { jurisdictionCode, enterpriseId: null })) {
    draft.fail('jurisdictionCode', 'registry.out_of_jurisdiction');
  }
  if (draft.errors.length > 0 || !result.success) return { row: draft.row, action: 'error', key: uscc, changes: [], errors: draft.errors, write: null };

  const data = result.data;
  const record: EnterpriseRecord = {
    uscc: data.uscc,
    name: data.name,
    legalRepresentative: data.legalRepresentative,
    kinds: data.kinds,
    jurisdictionCode: data.jurisdictionCode,
    address: data.address,
    phone: draft.has('phone') ? data.phone : (stored?.phone ?? null),
  };
  if (!stored) {
    const write: RowWrite = {
      id: randomUUID(),
      version: null,
      updatedAt: null,
      enterpriseId: null,
      enterpriseJurisdiction: null,
      record: { ...record, usccCheckFailed: check.problem === 'check_character' },
    };
    return { row: draft.row, action: 'create', key: uscc, changes: diffRecord(null, { ...record }, FIELDS), errors: [], write };
  }
  const changes = diffRecord(snapshot(stored), { ...record }, FIELDS);
  if (changes.length === 0) return { row: draft.row, action: 'unchanged', key: uscc, changes, errors: [], write: null };
  const write: RowWrite = {
    id: stored.id,
    version: stored.version,
    updatedAt: stored.updatedAt.toISOString(),
    enterpriseId: stored.id,
    enterpriseJurisdiction: stored.jurisdictionCode,
    record: { ...record },
  };
  return { row: draft.row, action: 'update', key: uscc, changes, errors: [], write };
}

// The plan is JSON this module wrote at preview time.
const recordOf = (write: RowWrite): EnterpriseRecord => write.record as unknown as EnterpriseRecord;

const UPDATE_COLUMNS: readonly BulkColumn[] = [
  ['name', 'text'],
  ['legal_representative', 'text'],
  ['kinds', 'text[]'],
  ['jurisdiction_code', 'text'],
  ['address', 'text'],
  ['phone', 'text'],
  ['search_name', 'text'],
  ['search_grams', 'text[]'],
];

/**
 * Writes the plan's enterprise rows inside the caller's transaction: refuses a stale plan (a code to create
 * now registered, a record to update changed since), inserts the new enterprises with their registered
 * premises and search columns, updates the changed ones in one statement, moves the records of enterprises
 * that changed jurisdiction, and answers the audit entries.
 */
export async function applyEnterpriseRows(trx: TrxCtx, rows: readonly StoredPlanRow[]): Promise<AuditInput[]> {
  const creates = rows.filter((r) => r.action === 'create' && r.write);
  const updates = rows.filter((r) => r.action === 'update' && r.write);
  const taken = await findExistingKeys(trx.db, 'enterprises', creates.map((r) => r.key));
  const current = await lockRowsById(trx.db, 'enterprises', updates.map((r) => r.write?.id ?? ''));
  const stale = [
    ...creates.filter((r) => taken.has(r.key)),
    ...updates.filter((r) => {
      const row = r.write ? current.get(r.write.id) : undefined;
      return !row || row.version !== r.write?.version || row.updatedAt.toISOString() !== r.write.updatedAt;
    }),
  ];
  if (stale.length > 0) throw stalePreview(stale.map((r) => r.row));

  const audits: AuditInput[] = [];
  const inserted: EnterpriseRow[] = [];
  for (const chunk of chunks(creates, 1000)) {
    const values = chunk.flatMap((r) => {
      if (!r.write) return [];
      const e = recordOf(r.write);
      const flagged = e.usccCheckFailed === true;
      return [{ id: r.write.id, uscc: e.uscc, usccCheckFailed: flagged, needsReview: flagged, name: e.name, legalRepresentative: e.legalRepresentative, kinds: e.kinds, jurisdictionCode: e.jurisdictionCode, address: e.address, phone: e.phone, searchName: normaliseSearchText(e.name), searchGrams: nameGrams(e.name), searchKeys: [e.uscc] }];
    });
    inserted.push(...(await trx.db.insertInto('enterprises').values(values).returningAll().execute()));
    await trx.db
      .insertInto('premises')
      .values(values.map((e) => ({ id: randomUUID(), enterpriseId: e.id, name: e.name, address: e.address, kind: 'registered' as const, jurisdictionCode: e.jurisdictionCode })))
      .execute();
  }
  for (const e of inserted) audits.push(enterpriseAudit('enterprise.import_create', null, e));

  const records = updates.flatMap((r) => {
    if (!r.write) return [];
    const e = recordOf(r.write);
    return [{ id: r.write.id, version: r.write.version, name: e.name, legal_representative: e.legalRepresentative, kinds: e.kinds, jurisdiction_code: e.jurisdictionCode, address: e.address, phone: e.phone, search_name: normaliseSearchText(e.name), search_grams: nameGrams(e.name) }];
  });
  const updated = await updateRowsFromJson<EnterpriseRow>(trx.db, 'enterprises', UPDATE_COLUMNS, records);
  if (updated.length !== records.length) throw stalePreview(updates.filter((r) => !updated.some((u) => u.id === r.write?.id)).map((r) => r.row));
  const moved: string[] = [];
  for (const after of updated) {
    const before = current.get(after.id);
    if (before && before.jurisdictionCode !== after.jurisdictionCode) moved.push(after.id);
    audits.push(enterpriseAudit('enterprise.import_update', before ?? null, after));
  }
  await moveRecordsWithEnterprises(trx, moved);
  return audits;
}

/** Records carry their enterprise's jurisdiction: after a move they follow it, as `updateEnterprise` does. */
async function moveRecordsWithEnterprises(trx: TrxCtx, enterpriseIds: readonly string[]): Promise<void> {
  if (enterpriseIds.length === 0) return;
  for (const table of ['licences', 'products', 'people'] as const) {
    await trx.db
      .updateTable(table)
      .set((eb) => ({ jurisdictionCode: eb.selectFrom('enterprises').select('enterprises.jurisdictionCode').whereRef('enterprises.id', '=', `${table}.enterpriseId`) }))
      .where(`${table}.enterpriseId`, 'in', enterpriseIds)
      .execute();
  }
  await trx.db
    .updateTable('premises')
    .set((eb) => ({ jurisdictionCode: eb.selectFrom('enterprises').select('enterprises.jurisdictionCode').whereRef('enterprises.id', '=', 'premises.enterpriseId') }))
    .where('premises.enterpriseId', 'in', enterpriseIds)
    .where('premises.kind', '=', 'registered')
    .execute();
}

function enterpriseAudit(action: string, before: EnterpriseRow | null, after: EnterpriseRow): AuditInput {
  return { action, entityType: 'enterprise', entityId: after.id, jurisdictionCode: after.jurisdictionCode, enterpriseId: after.id, before, after };
}
