import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parseDigitalLink } from '@shian/domain';
import { PLATFORM_JOBS, startJobWorker } from '@shian/core';
import { buildUser } from '@shian/core/testing/factories.ts';
import { buildProducer, type Producer } from '@shian/core/trace/codes/codes-test-kit.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let producer: Producer;
let admin: Session;
let inspector: Session;

beforeAll(async () => {
  t = await createTestApp();
  producer = await buildProducer(t.database.db, '310115007');
  const [a, i] = await Promise.all([
    buildUser(t.database.db, 'enterprise_admin', { enterpriseId: producer.enterprise.id }),
    buildUser(t.database.db, 'inspector', { jurisdictionCode: '310115007' }),
  ]);
  admin = await signInAs(t.app, a.user.username);
  inspector = await signInAs(t.app, i.user.username);
});
afterAll(async () => t?.close());

const request = (overrides: Record<string, unknown> = {}) => ({
  productId: producer.product.id,
  gtin: producer.product.gtins[0],
  lot: `HTTP${Date.now() % 100_000}`,
  productionDate: '2026-03-01',
  expiryDate: '2028-03-01',
  quantity: 45,
  ...overrides,
});

async function runJobs(): Promise<void> {
  const worker = startJobWorker(t.database.db, PLATFORM_JOBS, { pollMs: 0 });
  await worker.drain();
  await worker.stop();
}

describe('code batches over HTTP', () => {
  let batchId = '';

  it('accepts a request (202), queued, then issued by the job, with progress and the first code’s page', async () => {
    const res = await admin.post('/api/v1/trace/code-batches', request());
    expect(res.statusCode).toBe(202);
    const batch = res.json();
    expect(batch).toMatchObject({ status: 'queued', statusName: '排队中', issued: 0, progress: 0, quantity: 45, product: { id: producer.product.id }, firstCodeUri: null });
    batchId = batch.id;
    // Downloads wait for the codes.
    const early = await admin.get(`/api/v1/trace/code-batches/${batchId}/codes.csv`);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'trace.codes_not_issued', message: '该批追溯码尚未生成完毕（已生成 0/45），请稍后下载' });

    await runJobs();
    const done = (await admin.get(`/api/v1/trace/code-batches/${batchId}`)).json();
    expect(done).toMatchObject({ status: 'issued', issued: 45, progress: 1 });
    const parsed = parseDigitalLink(done.firstCodeUri);
    expect(parsed.ok && parsed.value.key === 'gtin' && parsed.value.lot).toBe(done.lot);
    expect(done.firstCodeUri.startsWith('http://localhost:3000/01/')).toBe(true);
    // The page it names is there.
    expect((await t.app.inject({ method: 'GET', url: new URL(done.firstCodeUri).pathname, headers: { accept: 'application/json' } })).statusCode).toBe(200);
  });

  it('lists every problem of a request in the user’s language', async () => {
    const res = await admin.post('/api/v1/trace/code-batches', request({ lot: '批号一', expiryDate: '2026-01-01', gtin: '6901234567892' }), { 'accept-language': 'en-US' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([
      { path: 'gtin', message: "GTIN 6901234567892 is not one of the product's GTINs" },
      { path: 'lot', message: 'A lot is 1–20 letters, digits or GS1-allowed symbols (no spaces, no Chinese)' },
      { path: 'expiryDate', message: 'The expiry date cannot be before the production date' },
    ]);
    const shape = await admin.post('/api/v1/trace/code-batches', request({ quantity: 0 }));
    expect(shape.statusCode).toBe(400);
    expect(shape.json().details.map((d: { path: string }) => d.path)).toEqual(['quantity']);
  });

  it('lets the enterprise and the regulator in scope download CSV, xlsx and the label PDF', async () => {
    for (const client of [admin, inspector]) {
      const csv = await client.get(`/api/v1/trace/code-batches/${batchId}/codes.csv`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="trace-codes-MA-310115-\d{4}-\d{6}\.csv"/);
      const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(lines).toHaveLength(46);
    }
    const xlsx = await admin.get(`/api/v1/trace/code-batches/${batchId}/codes.xlsx?from=11&count=10`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.rawPayload).buffer);
    const sheet = workbook.getWorksheet('追溯码');
    expect(sheet?.rowCount).toBe(11);
    expect(sheet?.getRow(2).getCell(1).value).toBe(11);

    const pdf = await admin.get(`/api/v1/trace/code-batches/${batchId}/labels.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.rawPayload.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)).toHaveLength(2);
    const tooMany = await admin.get(`/api/v1/trace/code-batches/${batchId}/labels.pdf?count=5001`);
    expect(tooMany.statusCode).toBe(400);
    const outside = await admin.get(`/api/v1/trace/code-batches/${batchId}/labels.pdf?from=40&count=10`);
    expect(outside.statusCode).toBe(400);
    expect(outside.json().details).toEqual([{ path: 'from', message: '范围超出本批追溯码（共 45 个）' }]);
  });

  it('lists batches in scope, and hides them from others', async () => {
    const mine = await admin.get('/api/v1/trace/code-batches');
    expect(mine.json().items.map((b: { id: string }) => b.id)).toContain(batchId);
    const { user } = await buildUser(t.database.db, 'district_supervisor', { jurisdictionCode: '310101' });
    const huangpu = await signInAs(t.app, user.username);
    expect((await huangpu.get('/api/v1/trace/code-batches')).json()).toEqual({ items: [], total: 0 });
    expect((await huangpu.get(`/api/v1/trace/code-batches/${batchId}`)).statusCode).toBe(404);
    expect((await huangpu.get(`/api/v1/trace/code-batches/${batchId}/codes.csv`)).statusCode).toBe(404);
  });
});
