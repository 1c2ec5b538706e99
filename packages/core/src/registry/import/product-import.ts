import { randomUUID } from 'node:crypto';
import {
  KINDS_OF_CATEGORY,
  PERMITTED_FUNCTIONS,
  PRODUCT_CATEGORIES,
  inScope,
  licenceCoversProduct,
  normaliseIdentifier,
  parseProductNumber,
  productCreateSchema,
  requiredLicenceCategory,
  type Actor,
  type ProductCategory,
  type ProductNumberKind,
} from '@shian/domain';
import type { AuditInput } from '../../audit/record-audit.ts';
import type { Ctx, TrxCtx } from '../../db/transaction.ts';
import type { EnterpriseRow, LicenceRow, ProductRow } from '../../db/schema.ts';
import type { PlanRow, RowWrite, StoredPlanRow } from './import-plan.ts';
import {
  type BulkColumn,
  chunks,
  findEnterprisesByUscc,
  findLicencesById,
  findLicencesByNumber,
  findProductsByNumber,
  stalePreview,
  updateRowsFromJson,
  freshChildRows,
} from './import-queries.ts';
import { refreshSearchColumns } from '../search-index.ts';
import { type RowDraft, diffRecord, duplicateTracker, reportIssues } from './row-draft.ts';

const FIELDS = ['uscc', 'name', 'category', 'registrationNumber', 'functions', 'gtins', 'specification', 'licenceNumber'] as const;

interface ProductRecord {
  uscc: string;
  name: string;
  category: ProductCategory;
  registrationNumber: string;
  registrationKind: ProductNumberKind;
  legacy: boolean;
  functions: string[];
  gtins: string[];
  specification: string | null;
  licenceId: string | null;
  licenceNumber: string | null;
  jurisdictionCode: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

interface Lookups {
  enterprises: ReadonlyMap<string, EnterpriseRow>;
  products: ReadonlyMap<string, ProductRow>;
  /** Licences named in the file, by number. */
  licences: ReadonlyMap<string, LicenceRow>;
  /** Licences of the stored products, by id (to show the current licence number). */
  storedLicences: ReadonlyMap<string, LicenceRow>;
}

/** Classifies product rows: holders, stored products and the licences named, each fetched once for the file. */
export async function planProductRows(ctx: Ctx, drafts: readonly RowDraft[]): Promise<PlanRow[]> {
  const keyOf = (draft: RowDraft, field: string) => normaliseIdentifier(text(draft.values.get(field)));
  const [enterprises, products, licences] = await Promise.all([
    findEnterprisesByUscc(ctx.db, drafts.map((d) => keyOf(d, 'uscc'))),
    findProductsByNumber(ctx.db, drafts.map((d) => keyOf(d, 'registrationNumber'))),
    findLicencesByNumber(ctx.db, drafts.map((d) => keyOf(d, 'licenceNumber'))),
  ]);
  const storedLicences = await findLicencesById(ctx.db, [...products.values()].map((p) => p.licenceId ?? ''));
  const noteKey = duplicateTracker();
  return drafts.map((draft) => planRow(ctx.actor, draft, { enterprises, products, licences, storedLicences }, noteKey));
}

function planRow(actor: Actor, draft: RowDraft, lookups: Lookups, noteKey: ReturnType<typeof duplicateTracker>): PlanRow {
  const v = draft.values;
  const uscc = normaliseIdentifier(text(v.get('uscc')));
  const number = normaliseIdentifier(text(v.get('registrationNumber')));
  if (!uscc) draft.fail('uscc', 'field.required');
  if (!number) draft.fail('registrationNumber', 'field.required');
  if (v.get('category') === undefined) draft.fail('category', 'field.required');
  const result = productCreateSchema.safeParse({
    name: text(v.get('name')),
    category: v.get('category') ?? '',
    registrationNumber: text(v.get('registrationNumber')),
    functions: v.get('functions') ?? [],
    gtins: v.get('gtins') ?? [],
    specification: v.get('specification') ?? null,
  });
  if (!result.success) reportIssues(draft, result.error.issues);

  const found = lookups.enterprises.get(uscc);
  const enterprise = found && inScope(actor, { jurisdictionCode: found.jurisdictionCode, enterpriseId: found.id }) ? found : undefined;
  if (uscc && !enterprise) draft.fail('uscc', 'field.enterprise_unknown');
  const stored = lookups.products.get(number);
  const parsedNumber = parseProductNumber(number);
  const category = PRODUCT_CATEGORIES.find((c) => c === v.get('category'));
  if (!draft.failed('registrationNumber') && number) {
    noteKey(draft, 'registrationNumber', number);
    if (stored && enterprise && stored.enterpriseId !== enterprise.id) draft.fail('registrationNumber', 'field.import_product_elsewhere', { number });
    if (!stored && parsedNumber.ok && parsedNumber.legacy) draft.fail('registrationNumber', 'field.import_legacy_number', { number });
  }
  if (category && parsedNumber.ok) {
    if (stored && stored.category !== category) draft.fail('category', 'field.import_category_fixed');
    else if (!KINDS_OF_CATEGORY[category].includes(parsedNumber.kind)) draft.fail('category', 'field.import_product_category_mismatch');
  }
  const functions = v.get('functions');
  if (category && Array.isArray(functions) && functions.some((f) => category !== 'health_food' || !PERMITTED_FUNCTIONS.has(String(f)))) {
    draft.fail('functions', 'field.function_unknown');
  }
  const licence = resolveLicence(draft, lookups, enterprise, parsedNumber.ok ? parsedNumber.kind : null, stored);
  if (!result.success || !enterprise || !parsedNumber.ok || licence === undefined || draft.errors.length > 0) {
    return { row: draft.row, action: 'error', key: number, changes: [], errors: draft.errors, write: null };
  }

  const data = result.data;
  const record: ProductRecord = {
    uscc,
    name: data.name,
    category: data.category,
    registrationNumber: parsedNumber.number,
    registrationKind: parsedNumber.kind,
    legacy: parsedNumber.legacy,
    functions: draft.has('functions') || !stored ? data.functions : stored.functions,
    gtins: draft.has('gtins') || !stored ? [...new Set(data.gtins)] : stored.gtins,
    specification: draft.has('specification') || !stored ? data.specification : stored.specification,
    licenceId: licence?.id ?? null,
    licenceNumber: licence?.number ?? null,
    jurisdictionCode: enterprise.jurisdictionCode,
  };
  const base = { version: null, updatedAt: null, enterpriseId: enterprise.id, enterpriseJurisdiction: enterprise.jurisdictionCode, record: { ...record } };
  if (!stored) {
    const write: RowWrite = { ...base, id: randomUUID() };
    return { row: draft.row, action: 'create', key: number, changes: diffRecord(null, { ...record }, FIELDS), errors: [], write };
  }
  const storedLicenceNumber = stored.licenceId ? (lookups.storedLicences.get(stored.licenceId)?.number ?? null) : null;
  const changes = diffRecord({ ...stored, uscc, licenceNumber: storedLicenceNumber }, { ...record }, FIELDS);
  if (changes.length === 0) return { row: draft.row, action: 'unchanged', key: number, changes, errors: [], write: null };
  const write: RowWrite = { ...base, id: stored.id, version: stored.version, updatedAt: stored.updatedAt.toISOString() };
  return { row: draft.row, action: 'update', key: number, changes, errors: [], write };
}

/**
 * The production licence a product row names: an SC licence of the same enterprise whose categories cover the
 * product (127 health food, 128 FSMP, 129 infant formula). Another enterprise's licence is "unknown", so
 * nothing is learnt about records out of scope. Answers null for none, undefined when the cell is in error;
 * without the column a stored product keeps its licence.
 */
function resolveLicence(
  draft: RowDraft,
  lookups: Lookups,
  enterprise: EnterpriseRow | undefined,
  kind: ProductNumberKind | null,
  stored: ProductRow | undefined,
): LicenceRow | null | undefined {
  if (!draft.has('licenceNumber')) {
    const id = stored?.licenceId;
    return id ? (lookups.storedLicences.get(id) ?? null) : null;
  }
  const number = normaliseIdentifier(text(draft.values.get('licenceNumber')));
  if (!number) return null;
  const licence = lookups.licences.get(number);
  if (!licence || !enterprise || licence.enterpriseId !== enterprise.id) {
    draft.fail('licenceNumber', 'field.licence_unknown');
    return undefined;
  }
  if (kind && !(licence.kind === 'SC' && licenceCoversProduct(kind, licence.categories))) {
    draft.fail('licenceNumber', 'registry.licence_category_mismatch', { expected: requiredLicenceCategory(kind) });
    return undefined;
  }
  return licence;
}

// The plan is JSON this module wrote at preview time.
const recordOf = (write: RowWrite): ProductRecord => write.record as unknown as ProductRecord;

const UPDATE_COLUMNS: readonly BulkColumn[] = [
  ['name', 'text'],
  ['functions', 'text[]'],
  ['gtins', 'text[]'],
  ['specification', 'text'],
  ['licence_id', 'uuid'],
];

/**
 * Writes the plan's product rows inside the caller's transaction. Stale when a number to create is now
 * registered, a product to update changed, or its enterprise moved to another jurisdiction since the preview.
 */
export async function applyProductRows(trx: TrxCtx, rows: readonly StoredPlanRow[]): Promise<AuditInput[]> {
  const { creates, updates, current } = await freshChildRows(trx.db, 'products', rows);
  const writing = [...creates, ...updates];

  const audits: AuditInput[] = [];
  for (const chunk of chunks(creates, 1000)) {
    const values = chunk.flatMap((r) => {
      if (!r.write?.enterpriseId) return [];
      const p = recordOf(r.write);
      return [{ id: r.write.id, enterpriseId: r.write.enterpriseId, licenceId: p.licenceId, name: p.name, category: p.category, registrationNumber: p.registrationNumber, registrationKind: p.registrationKind, legacy: p.legacy, functions: p.functions, gtins: p.gtins, specification: p.specification, jurisdictionCode: p.jurisdictionCode }];
    });
    const inserted = await trx.db.insertInto('products').values(values).returningAll().execute();
    for (const p of inserted) audits.push(productAudit('product.import_create', null, p));
  }
  const records = updates.flatMap((r) => {
    if (!r.write) return [];
    const p = recordOf(r.write);
    return [{ id: r.write.id, version: r.write.version, name: p.name, functions: p.functions, gtins: p.gtins, specification: p.specification, licence_id: p.licenceId }];
  });
  const updated = await updateRowsFromJson<ProductRow>(trx.db, 'products', UPDATE_COLUMNS, records);
  if (updated.length !== records.length) throw stalePreview(updates.filter((r) => !updated.some((u) => u.id === r.write?.id)).map((r) => r.row));
  for (const after of updated) audits.push(productAudit('product.import_update', current.get(after.id) ?? null, after));
  // Registration numbers and GTINs are search keys of their enterprises.
  await refreshSearchColumns(trx.db, writing.map((r) => r.write?.enterpriseId ?? ''));
  return audits;
}

function productAudit(action: string, before: ProductRow | null, after: ProductRow): AuditInput {
  return { action, entityType: 'product', entityId: after.id, jurisdictionCode: after.jurisdictionCode, enterpriseId: after.enterpriseId, before, after };
}
