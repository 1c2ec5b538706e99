import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COPY_RULES } from '@shian/domain';
import type { Database } from '../../db/connect.ts';
import { createTestDatabase } from '../../testing/test-database.ts';
import type { CodeBatchView } from '../codes/code-batch-service.ts';
import { actorFor, buildProducer, issuedBatch, newGtin13, type Producer } from '../codes/codes-test-kit.ts';
import { createScanRecorder, type ScanRecorder } from './scan-recorder.ts';
import { closeTraceAlert, listTraceAlerts } from './trace-alerts.ts';

let database: Database;
let producer: Producer;
let batch: CodeBatchView;
let serials: string[];
let recorder: ScanRecorder;

beforeAll(async () => {
  database = await createTestDatabase();
  producer = await buildProducer(database.db, '310115007');
  batch = await issuedBatch(database.db, producer, { quantity: 8 });
  serials = (await database.db.selectFrom('traceCodes').select('serial').where('batchId', '=', batch.id).orderBy('seq').execute()).map((r) => r.serial);
  recorder = createScanRecorder(database.db, { salt: 'test-salt', flushMs: 0 });
});
afterAll(async () => {
  await recorder?.close();
  await database?.close();
});

const serialAt = (i: number): string => serials[i] ?? '';
const codeRow = (serial: string) => database.db.selectFrom('traceCodes').selectAll().where('gtin', '=', batch.gtin).where('serial', '=', serial).executeTakeFirstOrThrow();
const alertsOf = (kind: 'possible_copy' | 'unknown_code', gtin = batch.gtin) =>
  database.db.selectFrom('traceAlerts').selectAll().where('kind', '=', kind).where('gtin', '=', gtin).execute();

describe('scan counting (buffered, flushed in one statement)', () => {
  it('counts in memory first, then stores count, first/last time and one scan row each', async () => {
    const serial = serialAt(0);
    const t0 = new Date('2026-04-01T10:00:00+08:00');
    for (let i = 0; i < 3; i++) recorder.record({ gtin: batch.gtin, serial, address: '203.0.113.9', at: new Date(t0.getTime() + i * 1000) });
    expect(recorder.pending(batch.gtin, serial)).toEqual({ count: 3, first: t0 });
    expect((await codeRow(serial)).scanCount).toBe(0);
    const result = await recorder.flush();
    expect(result).toMatchObject({ codes: 1, scans: 3, copyAlerts: 0 });
    expect(recorder.pending(batch.gtin, serial)).toEqual({ count: 0, first: null });
    const row = await codeRow(serial);
    expect(row).toMatchObject({ scanCount: 3, firstScannedAt: t0, lastScannedAt: new Date(t0.getTime() + 2000) });
    const scans = await database.db.selectFrom('traceScans').selectAll().where('serial', '=', serial).execute();
    expect(scans).toHaveLength(3);
    // Only a salted hash of the network is kept: not the address, the same for one /16.
    expect(new Set(scans.map((s) => s.client)).size).toBe(1);
    expect(scans[0]?.client).not.toContain('203');
    // A later flush adds to the count and keeps the first time.
    recorder.record({ gtin: batch.gtin, serial, address: '203.0.7.7', at: new Date(t0.getTime() + 60_000) });
    await recorder.flush();
    expect(await codeRow(serial)).toMatchObject({ scanCount: 4, firstScannedAt: t0 });
  });

  it('opens one possible-copy alert when a code is scanned more than 20 times in a day', async () => {
    const serial = serialAt(1);
    for (let i = 0; i < 20; i++) recorder.record({ gtin: batch.gtin, serial, address: '198.51.100.1' });
    expect((await recorder.flush()).copyAlerts).toBe(0);
    expect(await alertsOf('possible_copy')).toHaveLength(0);
    recorder.record({ gtin: batch.gtin, serial, address: '198.51.100.1' });
    expect((await recorder.flush()).copyAlerts).toBe(1);
    for (let i = 0; i < 5; i++) recorder.record({ gtin: batch.gtin, serial, address: '198.51.100.1' });
    await recorder.flush();
    const alerts = await alertsOf('possible_copy');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      serial,
      lot: batch.lot,
      batchId: batch.id,
      enterpriseId: producer.enterprise.id,
      jurisdictionCode: '310115007',
      status: 'open',
      reason: { rules: [expect.objectContaining({ id: 'many_scans', value: 21 })] },
    });
  });

  it('opens a possible-copy alert when a code is scanned from 4 networks in a day, not 3', async () => {
    const serial = serialAt(2);
    for (const address of ['10.1.0.1', '10.2.0.1', '10.2.9.9', '2001:db8:1::1']) recorder.record({ gtin: batch.gtin, serial, address });
    await recorder.flush();
    expect((await alertsOf('possible_copy')).filter((a) => a.serial === serial)).toHaveLength(0);
    recorder.record({ gtin: batch.gtin, serial, address: '::ffff:10.3.0.1' });
    await recorder.flush();
    const [alert] = (await alertsOf('possible_copy')).filter((a) => a.serial === serial);
    expect(alert?.reason).toEqual({ rules: [expect.objectContaining({ id: 'many_networks', value: 4, atLeast: COPY_RULES.find((r) => r.id === 'many_networks')?.atLeast })] });
  });

  it('does not count scans older than the window', async () => {
    const serial = serialAt(3);
    const old = new Date(Date.now() - 30 * 3_600_000);
    for (let i = 0; i < 25; i++) recorder.record({ gtin: batch.gtin, serial, address: '192.0.2.1', at: new Date(old.getTime() + i) });
    await recorder.flush();
    expect((await alertsOf('possible_copy')).filter((a) => a.serial === serial)).toHaveLength(0);
    expect((await codeRow(serial)).scanCount).toBe(25);
  });

  it('keeps one unknown-code alert per GTIN, counting later scans, in the maker’s jurisdiction when the GTIN is known', async () => {
    recorder.recordUnknown({ gtin: batch.gtin, lot: batch.lot, serial: 'FAKE00000001', address: '192.0.2.1' });
    recorder.recordUnknown({ gtin: batch.gtin, lot: batch.lot, serial: 'FAKE00000002', address: '192.0.2.1' });
    await recorder.flush();
    recorder.recordUnknown({ gtin: batch.gtin, lot: null, serial: 'FAKE00000003', address: '192.0.2.1' });
    await recorder.flush();
    const [alert, ...more] = await alertsOf('unknown_code');
    expect(more).toEqual([]);
    expect(alert).toMatchObject({ serial: null, enterpriseId: producer.enterprise.id, jurisdictionCode: '310115007', reason: expect.objectContaining({ scans: 3, lots: [batch.lot] }) });
    expect([...((alert?.reason as { serials: string[] }).serials ?? [])].sort()).toEqual(['FAKE00000001', 'FAKE00000002', 'FAKE00000003']);
    // A GTIN no product carries: the city's.
    const stranger = `0${newGtin13()}`;
    recorder.recordUnknown({ gtin: stranger, lot: null, serial: null, address: '192.0.2.1' });
    await recorder.flush();
    expect(await alertsOf('unknown_code', stranger)).toEqual([expect.objectContaining({ enterpriseId: null, jurisdictionCode: '310000' })]);
  });

  it('flushes what is left when closed', async () => {
    const own = createScanRecorder(database.db, { salt: 'test-salt', flushMs: 0 });
    own.record({ gtin: batch.gtin, serial: serialAt(4), address: '192.0.2.1' });
    await own.close();
    expect((await codeRow(serialAt(4))).scanCount).toBe(1);
  });
});

describe('alerts (可疑码预警)', () => {
  it('are listed in scope and closed once by a regulator, audited', async () => {
    const district = actorFor('district_supervisor', { jurisdictionCode: '310115' });
    const huangpu = actorFor('district_supervisor', { jurisdictionCode: '310101' });
    const city = actorFor('city_supervisor', { jurisdictionCode: '310000' });
    const mine = await listTraceAlerts({ db: database.db, actor: district }, { kind: 'possible_copy' });
    expect(mine.items.length).toBe(2);
    expect(mine.items[0]).toMatchObject({ enterpriseName: producer.enterprise.name, batchNumber: batch.number, productName: producer.product.name });
    expect((await listTraceAlerts({ db: database.db, actor: huangpu })).total).toBe(0);
    // The city sees the alert of the unknown GTIN too; the maker sees its own alerts.
    expect((await listTraceAlerts({ db: database.db, actor: city })).total).toBe(4);
    expect((await listTraceAlerts({ db: database.db, actor: producer.admin })).total).toBe(3);

    const id = mine.items[0]?.id ?? '';
    await expect(closeTraceAlert({ db: database.db, actor: producer.admin }, id)).rejects.toMatchObject({ code: 'auth.forbidden' });
    await expect(closeTraceAlert({ db: database.db, actor: huangpu }, id)).rejects.toMatchObject({ code: 'resource.not_found' });
    expect(await closeTraceAlert({ db: database.db, actor: district }, id)).toMatchObject({ status: 'closed', closedBy: district.userId });
    await expect(closeTraceAlert({ db: database.db, actor: district }, id)).rejects.toMatchObject({ code: 'trace.alert_closed' });
    expect((await listTraceAlerts({ db: database.db, actor: district }, { status: 'open', kind: 'possible_copy' })).total).toBe(1);
    const audit = await database.db.selectFrom('auditLog').select('action').where('entityId', '=', id).execute();
    expect(audit.map((a) => a.action)).toEqual(['trace.alert.close']);
  });
});
