import { AppError, buildDigitalLink, type Locale } from '@shian/domain';
import type { Ctx } from '../../db/transaction.ts';
import type { XlsxColumn } from '../../registry/export/write-xlsx.ts';
import { findIssuedCodeBatch, type CodeBatchRow, type CodeBatchView } from './code-batch-service.ts';

/**
 * Downloads of a batch's codes for the packaging line's printer: CSV, XLSX and label sheets, each read from
 * the database page by page in `seq` order, so a million codes never sit in memory at once.
 */

/** Rows read per query while streaming a download. */
const PAGE_SIZE = 5000;
/** The most rows one spreadsheet download holds (a sheet has 1,048,576 rows); larger batches go in ranges. */
export const MAX_XLSX_ROWS = 1_000_000;

/** One code as downloaded. */
export interface CodeDownloadRow {
  seq: number;
  serial: string;
  /** The GS1 Digital Link printed as the QR code: `{base}/01/{gtin}/10/{lot}/21/{serial}?17={YYMMDD}`. */
  uri: string;
  gtin: string;
  lot: string;
  productionDate: string;
  expiryDate: string;
}

/** A range of positions: `from` (1-based) and `count`. */
export interface CodeRange {
  from: number;
  count: number;
}

/**
 * The Digital Link of each code of a batch: built once with the real builder for the batch, after which a
 * serial only has to be put in its place (serials use only characters that need no percent-encoding).
 */
export function codeUriBuilder(base: string, batch: Pick<CodeBatchRow, 'gtin' | 'lot' | 'expiryDate'>): (serial: string) => string {
  const marker = 'SERIAL';
  const template = buildDigitalLink(base, { key: 'gtin', gtin: batch.gtin, lot: batch.lot, serial: marker, attributes: { expiry: batch.expiryDate } });
  const at = template.lastIndexOf(`/21/${marker}`) + 4;
  const head = template.slice(0, at);
  const tail = template.slice(at + marker.length);
  return (serial) => (/^[0-9A-Za-z]+$/.test(serial) ? head + serial + tail : buildDigitalLink(base, { key: 'gtin', gtin: batch.gtin, lot: batch.lot, serial, attributes: { expiry: batch.expiryDate } }));
}

/** Checks a range against the batch (1 ≤ from, from + count − 1 ≤ quantity, count ≤ max). */
export function checkRange(batch: Pick<CodeBatchRow, 'quantity'>, range: Partial<CodeRange>, max: number): CodeRange {
  const from = range.from ?? 1;
  const count = range.count ?? Math.min(max, batch.quantity - from + 1);
  if (!Number.isInteger(from) || !Number.isInteger(count) || from < 1 || count < 1 || count > max || from + count - 1 > batch.quantity) {
    throw new AppError('request.invalid', { params: { count: 1, quantity: batch.quantity }, details: [{ path: 'from', message: 'field.trace_range' }] });
  }
  return { from, count };
}

/** The codes of a batch in `seq` order over a range, a page of rows per query. */
export async function* codeRows(ctx: Ctx, batch: CodeBatchRow, base: string, range: CodeRange): AsyncGenerator<CodeDownloadRow> {
  const uriOf = codeUriBuilder(base, batch);
  const last = range.from + range.count - 1;
  let after = range.from - 1;
  while (after < last) {
    const page = await ctx.db
      .selectFrom('traceCodes')
      .select(['seq', 'serial'])
      .where('batchId', '=', batch.id)
      .where('seq', '>', after)
      .where('seq', '<=', last)
      .orderBy('seq')
      .limit(PAGE_SIZE)
      .execute();
    if (page.length === 0) return;
    for (const row of page) {
      yield { seq: row.seq, serial: row.serial, uri: uriOf(row.serial), gtin: batch.gtin, lot: batch.lot, productionDate: batch.productionDate, expiryDate: batch.expiryDate };
    }
    after = page[page.length - 1]?.seq ?? last;
  }
}

/** A download: the batch (checked before any byte is sent) and its rows. */
export interface CodeDownload {
  batch: CodeBatchView;
  range: CodeRange;
  rows: AsyncGenerator<CodeDownloadRow>;
}

/**
 * Opens a download of a batch's codes: the actor must see the batch (enterprise own, regulator in scope)
 * and the batch must be fully issued; errors are thrown here, before the response starts.
 */
export async function openCodeDownload(ctx: Ctx, batchId: string, base: string, range: Partial<CodeRange>, max: number): Promise<CodeDownload> {
  const batch = await findIssuedCodeBatch(ctx, batchId);
  const checked = checkRange(batch, range, max);
  return { batch, range: checked, rows: codeRows(ctx, batch, base, checked) };
}

const HEADERS: Record<Locale, readonly string[]> = {
  'zh-CN': ['序号', '序列号', '追溯码网址（GS1 数字链接）', '商品条码（GTIN）', '批号', '生产日期', '有效期至'],
  'en-US': ['Seq', 'Serial', 'GS1 Digital Link URI', 'GTIN', 'Lot', 'Production date', 'Expiry date'],
};

const cellsOf = (row: CodeDownloadRow): (string | number)[] => [row.seq, row.serial, row.uri, row.gtin, row.lot, row.productionDate, row.expiryDate];

/** A CSV cell: quoted when it holds a comma, quote or line break (a lot may hold `,` or `"`). */
function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The CSV text of a download: UTF-8 with a byte-order mark (so Excel reads the Chinese headers), CRLF line
 * ends, one chunk of text per page of rows.
 */
export async function* codeCsv(rows: AsyncIterable<CodeDownloadRow>, locale: Locale): AsyncGenerator<string> {
  yield `\uFEFF${HEADERS[locale].join(',')}\r\n`;
  let lines: string[] = [];
  for await (const row of rows) {
    lines.push(cellsOf(row).map(csvCell).join(','));
    if (lines.length >= 1000) {
      yield `${lines.join('\r\n')}\r\n`;
      lines = [];
    }
  }
  if (lines.length > 0) yield `${lines.join('\r\n')}\r\n`;
}

/** The columns of the spreadsheet download, headed in the user's language. */
export function codeXlsxColumns(locale: Locale): XlsxColumn<CodeDownloadRow>[] {
  const [seq = '', serial = '', uri = '', gtin = '', lot = '', production = '', expiry = ''] = HEADERS[locale];
  return [
    { header: seq, width: 10, value: (r) => r.seq },
    { header: serial, width: 16, value: (r) => r.serial },
    { header: uri, width: 80, value: (r) => r.uri },
    { header: gtin, width: 18, value: (r) => r.gtin },
    { header: lot, width: 14, value: (r) => r.lot },
    { header: production, width: 12, value: (r) => r.productionDate },
    { header: expiry, width: 12, value: (r) => r.expiryDate },
  ];
}

/** File names of a download: `追溯码-MA-310115-2026-000001.csv` and an ASCII twin. */
export function codeDownloadName(batch: Pick<CodeBatchRow, 'number'>, kind: 'codes' | 'labels', extension: string, range?: CodeRange): { name: string; ascii: string } {
  const suffix = range ? `-${range.from}-${range.from + range.count - 1}` : '';
  return {
    name: `${kind === 'codes' ? '追溯码' : '追溯码标签'}-${batch.number}${suffix}.${extension}`,
    ascii: `${kind === 'codes' ? 'trace-codes' : 'trace-labels'}-${batch.number}${suffix}.${extension}`,
  };
}
