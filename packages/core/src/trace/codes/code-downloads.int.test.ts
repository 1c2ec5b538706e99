import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDigitalLink } from '@shian/domain';
import type { Database } from '../../db/connect.ts';
import { writeXlsx } from '../../registry/export/write-xlsx.ts';
import { createTestDatabase } from '../../testing/test-database.ts';
import { requestCodeBatch, type CodeBatchView } from './code-batch-service.ts';
import { codeCsv, codeUriBuilder, codeXlsxColumns, MAX_XLSX_ROWS, openCodeDownload } from './code-downloads.ts';
import { actorFor, batchRequest, buildProducer, issuedBatch, type Producer } from './codes-test-kit.ts';
import { qrSymbol, renderLabelSheet } from './label-pdf.ts';

const BASE = 'https://trace.example.cn';
let database: Database;
let producer: Producer;
let batch: CodeBatchView;
beforeAll(async () => {
  database = await createTestDatabase();
  producer = await buildProducer(database.db);
  // More codes than one page of the download's reads, and a lot that needs quoting in CSV and encoding in URIs.
  batch = await issuedBatch(database.db, producer, { quantity: 6001, lot: 'L26,"A"/1' });
}, 120_000);
afterAll(async () => database?.close());

const ctxOf = (p: Producer) => ({ db: database.db, actor: p.admin });

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}

/** A minimal CSV reader for the download's own dialect (quoted cells, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let cell = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('code downloads', () => {
  it('CSV: UTF-8 with BOM, one row per code in seq order, every URI parsing back to the batch', async () => {
    const download = await openCodeDownload(ctxOf(producer), batch.id, BASE, {}, 10_000_000);
    let text = '';
    for await (const chunk of codeCsv(download.rows, 'zh-CN')) text += chunk;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual(['序号', '序列号', '追溯码网址（GS1 数字链接）', '商品条码（GTIN）', '批号', '生产日期', '有效期至']);
    expect(rows).toHaveLength(6001);
    const serials = new Set<string>();
    rows.forEach((row, i) => {
      const [seq, serial = '', uri = '', gtin, lot, production, expiry] = row;
      expect(seq).toBe(String(i + 1));
      serials.add(serial);
      const parsed = parseDigitalLink(uri);
      if (!parsed.ok || parsed.value.key !== 'gtin') throw new Error(`${uri} does not parse`);
      expect(parsed.base).toBe(BASE);
      expect(parsed.value).toMatchObject({ gtin: batch.gtin, lot: batch.lot, serial, attributes: { expiry: '2028-02-29' } });
      expect([gtin, lot, production, expiry]).toEqual([batch.gtin, 'L26,"A"/1', '2026-03-01', '2028-02-29']);
    });
    expect(serials.size).toBe(6001);
  });

  it('CSV over a range gives exactly those positions', async () => {
    const download = await openCodeDownload(ctxOf(producer), batch.id, BASE, { from: 4999, count: 3 }, 10_000_000);
    const seqs: number[] = [];
    for await (const row of download.rows) seqs.push(row.seq);
    expect(seqs).toEqual([4999, 5000, 5001]);
    await expect(openCodeDownload(ctxOf(producer), batch.id, BASE, { from: 6000, count: 3 }, 10_000_000)).rejects.toMatchObject({ code: 'request.invalid' });
  });

  it('XLSX reads back with exceljs: the header and every code', async () => {
    const download = await openCodeDownload(ctxOf(producer), batch.id, BASE, {}, MAX_XLSX_ROWS);
    const out = new PassThrough();
    const [bytes] = await Promise.all([collect(out), writeXlsx(out, codeXlsxColumns('en-US'), download.rows, { sheetName: 'Codes' })]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    const sheet = workbook.getWorksheet('Codes');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Seq', 'Serial', 'GS1 Digital Link URI', 'GTIN', 'Lot', 'Production date', 'Expiry date']);
    expect(sheet.rowCount).toBe(6002);
    const last = sheet.getRow(6002);
    expect(last.getCell(1).value).toBe(6001);
    const uri = String(last.getCell(3).value);
    const parsed = parseDigitalLink(uri);
    expect(parsed.ok && parsed.value.key === 'gtin' && parsed.value.serial).toBe(last.getCell(2).value);
  });

  it('label PDF: %PDF, one A4 page per 40 labels, each QR code drawn from its own URI', async () => {
    const download = await openCodeDownload(ctxOf(producer), batch.id, BASE, { from: 1, count: 81 }, 5000);
    const pdf = await collect(await renderLabelSheet(download.rows, { productName: batch.productName, batchNumber: batch.number }));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)).toHaveLength(3);
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');

    // Uncompressed, the rectangles drawn are exactly the runs of the URIs' QR symbols.
    const two = await openCodeDownload(ctxOf(producer), batch.id, BASE, { from: 1, count: 2 }, 5000);
    const uris: string[] = [];
    async function* remember() {
      for await (const row of two.rows) {
        uris.push(row.uri);
        yield row;
      }
    }
    const plain = (await collect(await renderLabelSheet(remember(), { productName: batch.productName, batchNumber: batch.number }, { compress: false }))).toString('latin1');
    const rects = plain.match(/ re\n/g) ?? [];
    expect(rects.length).toBe(uris.reduce((sum, uri) => sum + qrSymbol(uri).runs.length, 0));
  });

  it('refuses downloads of a batch still being issued, and of a batch out of scope', async () => {
    const pending = await requestCodeBatch(ctxOf(producer), batchRequest(producer, { quantity: 5 }));
    await expect(openCodeDownload(ctxOf(producer), pending.id, BASE, {}, 100)).rejects.toMatchObject({ code: 'trace.codes_not_issued' });
    const stranger = actorFor('enterprise_admin', { enterpriseId: crypto.randomUUID() });
    await expect(openCodeDownload({ db: database.db, actor: stranger }, batch.id, BASE, {}, 100)).rejects.toMatchObject({ code: 'resource.not_found' });
    const inspector = actorFor('inspector', { jurisdictionCode: producer.enterprise.jurisdictionCode });
    const seen = await openCodeDownload({ db: database.db, actor: inspector }, batch.id, BASE, { count: 1 }, 100);
    expect(seen.range).toEqual({ from: 1, count: 1 });
  });

  it('builds the same URI as the Digital Link builder for every serial', () => {
    const uriOf = codeUriBuilder(BASE, batch);
    expect(uriOf('ABCDEFGHJKMN')).toBe(`${BASE}/01/${batch.gtin}/10/L26%2C%22A%22%2F1/21/ABCDEFGHJKMN?17=280229`);
    expect(uriOf('A/B')).toBe(`${BASE}/01/${batch.gtin}/10/L26%2C%22A%22%2F1/21/A%2FB?17=280229`);
  });
});
