import { sql } from 'kysely';
import {
  ENTERPRISE_KIND_NAMES,
  FLAG_MESSAGES,
  ENTERPRISE_KINDS,
  assertCan,
  districtOf,
  findJurisdiction,
  type EnterpriseKind,
  type FlagCode,
  type Locale,
  type Localised,
} from '@shian/domain';
import type { Ctx } from '../../db/transaction.ts';
import type { EnterpriseRow } from '../../db/schema.ts';
import { findListFacts } from '../dossier.ts';
import { searchEnterprises, type EnterpriseFilters } from '../enterprise-search.ts';
import { today } from '../guards.ts';
import type { XlsxColumn } from './write-xlsx.ts';

/** Most rows one export holds. */
export const ENTERPRISE_EXPORT_MAX_ROWS = 100_000;
/** Rows fetched per page of the search. */
const PAGE_SIZE = 1000;

export type EnterpriseExportFilters = Omit<EnterpriseFilters, 'cursor' | 'limit'>;

export interface EnterpriseExportRow {
  enterprise: EnterpriseRow;
  licenceNumbers: string[];
  productCount: number;
  flags: FlagCode[];
}

const ENTERPRISE_STATUS_NAMES: Record<EnterpriseRow['status'], Localised> = {
  active: { 'zh-CN': '正常', 'en-US': 'Active' },
  suspended: { 'zh-CN': '停业', 'en-US': 'Suspended' },
  closed: { 'zh-CN': '注销', 'en-US': 'Closed' },
};

const isKind = (kind: string): kind is EnterpriseKind => (ENTERPRISE_KINDS as readonly string[]).includes(kind);

export interface ExportPaging {
  /** Stop after this many rows (default {@link ENTERPRISE_EXPORT_MAX_ROWS}). */
  max?: number;
  /** Rows per search page (default 1000). */
  pageSize?: number;
}

/**
 * The rows of an enterprise export (企业名录导出): exactly what the registry search shows the actor with these
 * filters, in the same order, page by page through the search's cursor, up to `max` rows.
 */
export async function* enterpriseExportRows(ctx: Ctx, filters: EnterpriseExportFilters, paging: ExportPaging = {}): AsyncGenerator<EnterpriseExportRow> {
  assertCan(ctx.actor, 'registry.export');
  const max = paging.max ?? ENTERPRISE_EXPORT_MAX_ROWS;
  const pageSize = paging.pageSize ?? PAGE_SIZE;
  let cursor: string | undefined;
  let emitted = 0;
  do {
    const page = await searchEnterprises(ctx, { ...filters, cursor, limit: Math.min(pageSize, max - emitted) });
    const ids = page.items.map((e) => e.id);
    const [facts, licences] = await Promise.all([
      findListFacts(ctx, page.items),
      ids.length === 0
        ? Promise.resolve([])
        : ctx.db
            .selectFrom('licences')
            .select(['enterpriseId', 'number'])
            .where(sql<boolean>`enterprise_id = ANY(${sql.val(ids)}::uuid[])`)
            .orderBy('number')
            .execute(),
    ]);
    const numbers = new Map<string, string[]>();
    for (const l of licences) numbers.set(l.enterpriseId, [...(numbers.get(l.enterpriseId) ?? []), l.number]);
    for (const enterprise of page.items) {
      const f = facts.get(enterprise.id);
      yield {
        enterprise,
        licenceNumbers: numbers.get(enterprise.id) ?? [],
        productCount: f?.productCount ?? 0,
        flags: f?.flags ?? [],
      };
      emitted += 1;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor && emitted < max);
}

function jurisdictionLabel(code: string | null, locale: Locale): string {
  const node = code ? findJurisdiction(code) : undefined;
  if (!node) return code ?? '';
  return locale === 'zh-CN' ? node.nameZh : node.nameEn;
}

/** The columns of the enterprise export, headed and filled in the user's language. */
export function enterpriseExportColumns(locale: Locale): XlsxColumn<EnterpriseExportRow>[] {
  const h = (zh: string, en: string) => (locale === 'zh-CN' ? zh : en);
  const join = (items: readonly string[]) => items.join(locale === 'zh-CN' ? '、' : ', ');
  return [
    { header: h('统一社会信用代码', 'Unified social credit code'), width: 22, value: (r) => r.enterprise.uscc },
    { header: h('企业名称', 'Enterprise name'), width: 36, value: (r) => r.enterprise.name },
    { header: h('法定代表人', 'Legal representative'), width: 12, value: (r) => r.enterprise.legalRepresentative },
    { header: h('主体类型', 'Kinds'), width: 20, value: (r) => join(r.enterprise.kinds.map((k) => (isKind(k) ? ENTERPRISE_KIND_NAMES[k][locale] : k))) },
    { header: h('所属区', 'District'), width: 12, value: (r) => jurisdictionLabel(districtOf(r.enterprise.jurisdictionCode), locale) },
    {
      header: h('街道/镇', 'Street or town'),
      width: 16,
      value: (r) => (r.enterprise.jurisdictionCode.length === 9 ? jurisdictionLabel(r.enterprise.jurisdictionCode, locale) : ''),
    },
    { header: h('地址', 'Address'), width: 40, value: (r) => r.enterprise.address },
    { header: h('电话', 'Phone'), width: 16, value: (r) => r.enterprise.phone },
    { header: h('状态', 'Status'), width: 8, value: (r) => ENTERPRISE_STATUS_NAMES[r.enterprise.status][locale] },
    { header: h('许可证编号', 'Licence numbers'), width: 40, value: (r) => join(r.licenceNumbers) },
    { header: h('产品数', 'Products'), width: 8, value: (r) => r.productCount },
    { header: h('提示', 'Flags'), width: 40, value: (r) => r.flags.map((f) => FLAG_MESSAGES[f][locale]).join(locale === 'zh-CN' ? '；' : '; ') },
  ];
}

/** The download name, dated in Shanghai time (`企业名录-20250102.xlsx`), and a plain-ASCII fallback. */
export function enterpriseExportFilename(): { name: string; ascii: string } {
  const day = today().replace(/-/g, '');
  return { name: `企业名录-${day}.xlsx`, ascii: `enterprises-${day}.xlsx` };
}
