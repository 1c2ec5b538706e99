import { randomUUID } from 'node:crypto';
import { defaultValidUntil, inScope, licenceCreateSchema, normaliseIdentifier, parseLicenceNumber, type Actor } from '@shian/domain';
import type { AuditInput } from '../../audit/record-audit.ts';
import type { Ctx, TrxCtx } from '../../db/transaction.ts';
import type { EnterpriseRow, LicenceRow } from '../../db/schema.ts';
import type { PlanRow, RowWrite, StoredPlanRow } from './import-plan.ts';
import {
  type BulkColumn,
  chunks,
  findEnterprisesByUscc,
  findLicencesByNumber,
  stalePreview,
  updateRowsFromJson,
  freshChildRows,
} from './import-queries.ts';
import { refreshSearchColumns } from '../search-index.ts';
import { type RowDraft, diffRecord, duplicateTracker, reportIssues } from './row-draft.ts';

const FIELDS = ['uscc', 'number', 'categories', 'issuingAuthority', 'issuedOn', 'validUntil', 'status'] as const;

interface LicenceRecord {
  uscc: string;
  number: string;
  kind: 'SC' | 'JY';
  categories: string[];
  issuingAuthority: string;
  issuedOn: string;
  validUntil: string;
  status: LicenceRow['status'];
  jurisdictionCode: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');


/** The categories, unique, with an SC number's own category first when it was missing. */
const withOwnCategory = (categories: readonly string[], own: string | null): string[] => [...new Set(own === null ? categories : [own, ...categories])];

/** Classifies licence rows: the holders by credit code and the stored licences by number, once for the file. */
export async function planLicenceRows(ctx: Ctx, drafts: readonly RowDraft[]): Promise<PlanRow[]> {
  const [enterprises, licences] = await Promise.all([
    findEnterprisesByUscc(ctx.db, drafts.map((d) => normaliseIdentifier(text(d.values.get('uscc'))))),
    findLicencesByNumber(ctx.db, drafts.map((d) => normaliseIdentifier(text(d.values.get('number'))))),
  ]);
  const noteKey = duplicateTracker();
  return drafts.map((draft) => planRow(ctx.actor, draft, enterprises, licences, noteKey));
}

function planRow(
  actor: Actor,
  draft: RowDraft,
  enterprises: ReadonlyMap<string, EnterpriseRow>,
  licences: ReadonlyMap<string, LicenceRow>,
  noteKey: ReturnType<typeof duplicateTracker>,
): PlanRow {
  const v = draft.values;
  const uscc = normaliseIdentifier(text(v.get('uscc')));
  const number = normaliseIdentifier(text(v.get('number')));
  if (!uscc) draft.fail('uscc', 'field.required');
  if (!number) draft.fail('number', 'field.required');
  if (v.get('issuedOn') === undefined) draft.fail('issuedOn', 'field.required');
  const result = licenceCreateSchema.safeParse({
    number: text(v.get('number')),
    categories: v.get('categories') ?? [],
    issuingAuthority: text(v.get('issuingAuthority')),
    issuedOn: v.get('issuedOn') ?? '',
    validUntil: v.get('validUntil'),
    status: v.get('status'),
  });
  if (!result.success) reportIssues(draft, result.error.issues);

  const found = enterprises.get(uscc);
  const enterprise = found && inScope(actor, { jurisdictionCode: found.jurisdictionCode, enterpriseId: found.id }) ? found : undefined;
  if (uscc && !enterprise) draft.fail('uscc', 'field.enterprise_unknown');
  const stored = licences.get(number);
  if (!draft.failed('number') && number) {
    noteKey(draft, 'number', number);
    if (stored && enterprise && stored.enterpriseId !== enterprise.id) draft.fail('number', 'field.import_licence_elsewhere', { number });
  }
  const parsedNumber = parseLicenceNumber(number);
  if (!result.success || !enterprise || !parsedNumber.ok || draft.errors.length > 0) {
    return { row: draft.row, action: 'error', key: number, changes: [], errors: draft.errors, write: null };
  }

  const data = result.data;
  const own = parsedNumber.kind === 'SC' ? parsedNumber.categoryCode : null;
  const categories = draft.has('categories') || !stored ? withOwnCategory(data.categories, own) : stored.categories;
  const validUntil = data.validUntil ?? stored?.validUntil ?? defaultValidUntil(data.issuedOn);
  if (validUntil <= data.issuedOn) {
    draft.fail(data.validUntil ? 'validUntil' : 'issuedOn', 'field.date_order');
    return { row: draft.row, action: 'error', key: number, changes: [], errors: draft.errors, write: null };
  }
  const record: LicenceRecord = {
    uscc,
    number: parsedNumber.number,
    kind: parsedNumber.kind,
    categories,
    issuingAuthority: data.issuingAuthority,
    issuedOn: data.issuedOn,
    validUntil,
    status: data.status ?? stored?.status ?? 'valid',
    jurisdictionCode: enterprise.jurisdictionCode,
  };
  const base = { version: null, updatedAt: null, enterpriseId: enterprise.id, enterpriseJurisdiction: enterprise.jurisdictionCode, record: { ...record } };
  if (!stored) {
    const write: RowWrite = { ...base, id: randomUUID() };
    return { row: draft.row, action: 'create', key: number, changes: diffRecord(null, { ...record }, FIELDS), errors: [], write };
  }
  const changes = diffRecord({ ...stored, uscc }, { ...record }, FIELDS);
  if (changes.length === 0) return { row: draft.row, action: 'unchanged', key: number, changes, errors: [], write: null };
  const write: RowWrite = { ...base, id: stored.id, version: stored.version, updatedAt: stored.updatedAt.toISOString() };
  return { row: draft.row, action: 'update', key: number, changes, errors: [], write };
}

// The plan is JSON this module wrote at preview time.
const recordOf = (write: RowWrite): LicenceRecord => write.record as unknown as LicenceRecord;

const UPDATE_COLUMNS: readonly BulkColumn[] = [
  ['categories', 'text[]'],
  ['issuing_authority', 'text'],
  ['issued_on', 'date'],
  ['valid_until', 'date'],
  ['status', 'text'],
];

/**
 * Writes the plan's licence rows inside the caller's transaction. Stale when a number to create is now
 * registered, a licence to update changed, or its holder moved to another jurisdiction since the preview.
 */
export async function applyLicenceRows(trx: TrxCtx, rows: readonly StoredPlanRow[]): Promise<AuditInput[]> {
  const { creates, updates, current } = await freshChildRows(trx.db, 'licences', rows);

  const audits: AuditInput[] = [];
  for (const chunk of chunks(creates, 1000)) {
    const values = chunk.flatMap((r) => {
      if (!r.write?.enterpriseId) return [];
      const l = recordOf(r.write);
      return [{ id: r.write.id, enterpriseId: r.write.enterpriseId, number: l.number, kind: l.kind, categories: l.categories, issuingAuthority: l.issuingAuthority, issuedOn: l.issuedOn, validUntil: l.validUntil, status: l.status, jurisdictionCode: l.jurisdictionCode }];
    });
    const inserted = await trx.db.insertInto('licences').values(values).returningAll().execute();
    for (const l of inserted) audits.push(licenceAudit('licence.import_create', null, l));
  }
  const records = updates.flatMap((r) => {
    if (!r.write) return [];
    const l = recordOf(r.write);
    return [{ id: r.write.id, version: r.write.version, categories: l.categories, issuing_authority: l.issuingAuthority, issued_on: l.issuedOn, valid_until: l.validUntil, status: l.status }];
  });
  const updated = await updateRowsFromJson<LicenceRow>(trx.db, 'licences', UPDATE_COLUMNS, records);
  if (updated.length !== records.length) throw stalePreview(updates.filter((r) => !updated.some((u) => u.id === r.write?.id)).map((r) => r.row));
  for (const after of updated) audits.push(licenceAudit('licence.import_update', current.get(after.id) ?? null, after));
  // New numbers are search keys of their holders.
  await refreshSearchColumns(trx.db, creates.map((r) => r.write?.enterpriseId ?? ''));
  return audits;
}

function licenceAudit(action: string, before: LicenceRow | null, after: LicenceRow): AuditInput {
  return { action, entityType: 'licence', entityId: after.id, jurisdictionCode: after.jurisdictionCode, enterpriseId: after.enterpriseId, before, after };
}
