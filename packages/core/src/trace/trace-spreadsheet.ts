import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { assertCan, type Locale, type Localised } from '@shian/domain';
import type { Ctx } from '../db/transaction.ts';
import { assertMayTrace, resolveTraceSubject, runLotTrace, type LotTraceRun, type TraceLotInput } from './trace-lot.ts';
import type { TraceDownstream } from './trace-present.ts';
import { cteRows, lotCode, type CteRow } from './trace-spreadsheet-rows.ts';

/**
 * The sortable trace spreadsheet (可排序追溯表): sheet 1 one row per critical tracking event with its key data
 * elements, sheet 2 the forward trace per downstream enterprise and location. Both sheets have a frozen,
 * bold header row and an auto filter, so Excel or WPS sorts and filters them at once.
 */
interface Column<T> {
  header: Localised;
  width: number;
  value(row: T, locale: Locale): string | number | null;
}

const CTE_COLUMNS: readonly Column<CteRow>[] = [
  { header: { 'zh-CN': '事件时间', 'en-US': 'Event time' }, width: 26, value: (r) => r.eventTime },
  { header: { 'zh-CN': '事件类型', 'en-US': 'Event type' }, width: 18, value: (r) => r.eventType },
  { header: { 'zh-CN': '动作', 'en-US': 'Action' }, width: 9, value: (r) => r.action },
  { header: { 'zh-CN': '业务步骤', 'en-US': 'Business step' }, width: 20, value: (r) => r.bizStep },
  { header: { 'zh-CN': '处置状态', 'en-US': 'Disposition' }, width: 16, value: (r) => r.disposition },
  { header: { 'zh-CN': '追溯批次码（GTIN+批号）', 'en-US': 'Traceability lot code (GTIN + lot)' }, width: 34, value: (r) => r.lotCodes },
  { header: { 'zh-CN': '产品名称', 'en-US': 'Product' }, width: 24, value: (r) => r.productNames },
  { header: { 'zh-CN': '数量', 'en-US': 'Quantity' }, width: 10, value: (r) => r.quantity },
  { header: { 'zh-CN': '单位', 'en-US': 'Unit' }, width: 8, value: (r) => r.unit },
  { header: { 'zh-CN': '地点标识（GLN）', 'en-US': 'Location (GLN)' }, width: 36, value: (r) => r.locationId },
  { header: { 'zh-CN': '场所名称', 'en-US': 'Premises' }, width: 20, value: (r) => r.premisesName },
  { header: { 'zh-CN': '所属区', 'en-US': 'District' }, width: 12, value: (r) => r.district },
  { header: { 'zh-CN': '企业名称', 'en-US': 'Enterprise' }, width: 28, value: (r) => r.enterpriseName },
  { header: { 'zh-CN': '统一社会信用代码', 'en-US': 'Credit code (USCC)' }, width: 22, value: (r) => r.enterpriseUscc },
  { header: { 'zh-CN': '来源', 'en-US': 'Source' }, width: 30, value: (r) => r.sources },
  { header: { 'zh-CN': '目的地', 'en-US': 'Destination' }, width: 30, value: (r) => r.destinations },
  { header: { 'zh-CN': '业务单据（订单/发货单/发票/运单）', 'en-US': 'Business documents (po/desadv/inv/bol)' }, width: 32, value: (r) => r.bizTransactions },
  { header: { 'zh-CN': '事件ID', 'en-US': 'Event ID' }, width: 40, value: (r) => r.eventId },
];

const BASIS_NAMES: Record<TraceDownstream['basis'], Localised> = {
  receiving: { 'zh-CN': '已收货', 'en-US': 'Received' },
  shipping: { 'zh-CN': '仅发货记录', 'en-US': 'Shipped to (no receipt captured)' },
};

const SUMMARY_COLUMNS: readonly Column<TraceDownstream>[] = [
  { header: { 'zh-CN': '企业名称', 'en-US': 'Enterprise' }, width: 28, value: (d) => d.enterprise?.name ?? '' },
  { header: { 'zh-CN': '统一社会信用代码', 'en-US': 'Credit code (USCC)' }, width: 22, value: (d) => d.enterprise?.uscc ?? '' },
  { header: { 'zh-CN': '所属区', 'en-US': 'District' }, width: 12, value: (d, l) => (d.enterprise?.district ? (l === 'zh-CN' ? d.enterprise.district.nameZh : d.enterprise.district.nameEn) : '') },
  { header: { 'zh-CN': '场所名称', 'en-US': 'Premises' }, width: 20, value: (d) => d.location?.name ?? '' },
  { header: { 'zh-CN': '地点标识（GLN）', 'en-US': 'Location (GLN)' }, width: 36, value: (d) => d.location?.id ?? '' },
  { header: { 'zh-CN': '依据', 'en-US': 'Basis' }, width: 16, value: (d, l) => BASIS_NAMES[d.basis][l] },
  { header: { 'zh-CN': '件数', 'en-US': 'Items' }, width: 10, value: (d) => d.items },
  { header: { 'zh-CN': '批次明细', 'en-US': 'Per lot' }, width: 40, value: (d) => d.lots.map((x) => `${x.classKey ? lotCode(x.classKey) : '—'}: ${x.items}`).join('; ') },
  { header: { 'zh-CN': '数量（按单位）', 'en-US': 'Quantities (per unit)' }, width: 30, value: (d) => d.quantities.map((q) => `${q.classKey ? lotCode(q.classKey) : ''} ${q.quantity} ${q.uom ?? ''}`.trim()).join('; ') },
  { header: { 'zh-CN': '首次时间', 'en-US': 'First' }, width: 22, value: (d) => d.firstAt },
  { header: { 'zh-CN': '最近时间', 'en-US': 'Last' }, width: 22, value: (d) => d.lastAt },
  { header: { 'zh-CN': '事件数', 'en-US': 'Events' }, width: 8, value: (d) => d.eventCount },
];

const SHEET_NAMES = {
  events: { 'zh-CN': '追溯事件', 'en-US': 'Tracking events' },
  summary: { 'zh-CN': '正向追踪汇总', 'en-US': 'Forward trace' },
} satisfies Record<string, Localised>;

function addSheet<T>(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: readonly Column<T>[], rows: readonly T[], locale: Locale): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header[locale], width: c.width }));
  sheet.getRow(1).font = { bold: true };
  // The filter covers the header and every row below it: sortable and filterable on opening.
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: columns.length } };
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row, locale))).commit();
  sheet.commit();
}

/** Writes the two sheets of a trace to `stream` and ends it; answers the number of event rows. */
export async function writeTraceWorkbook(stream: Writable, run: LotTraceRun, locale: Locale): Promise<number> {
  const rows = cteRows(run, locale);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  addSheet(workbook, SHEET_NAMES.events[locale], CTE_COLUMNS, rows, locale);
  addSheet(workbook, SHEET_NAMES.summary[locale], SUMMARY_COLUMNS, run.trace.downstream, locale);
  await workbook.commit();
  return rows.length;
}

/** The download name of a trace: `追溯表-06901234567892-L1.xlsx` (and an ASCII twin). */
export function traceWorkbookFilename(run: LotTraceRun, prefix: { zh: string; ascii: string }): { name: string; ascii: string } {
  const key = [run.subject.start.gtin, run.subject.start.lot ?? 'serials'].join('-');
  return { name: `${prefix.zh}-${key}.xlsx`, ascii: `${prefix.ascii}-${key.replace(/[^\w.-]/g, '_')}.xlsx` };
}

/** The trace of a lot, computed for the spreadsheet: same authorisation as {@link traceLot}. */
export async function traceLotForSpreadsheet(ctx: Ctx, input: TraceLotInput): Promise<LotTraceRun> {
  assertCan(ctx.actor, 'trace.read');
  const subject = await resolveTraceSubject(ctx.db, input);
  assertMayTrace(ctx.actor, subject);
  return runLotTrace(ctx.db, ctx.actor, subject);
}
