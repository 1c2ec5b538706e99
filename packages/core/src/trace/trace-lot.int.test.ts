import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@shian/domain';
import type { Database } from '../db/connect.ts';
import { buildUser } from '../testing/factories.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { traceLot } from './trace-lot.ts';
import type { LotTrace } from './trace-present.ts';
import { traceLotForSpreadsheet, writeTraceWorkbook } from './trace-spreadsheet.ts';
import { buildTraceChain, type TraceChain } from './trace-test-kit.ts';

let database: Database;
let chain: TraceChain;
let pudong: Actor;
let huangpu: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  chain = await buildTraceChain(database.db);
  pudong = (await buildUser(database.db, 'district_supervisor', { jurisdictionCode: '310115' })).actor;
  huangpu = (await buildUser(database.db, 'district_supervisor', { jurisdictionCode: '310101' })).actor;
});
afterAll(async () => database?.close());

const downstreamOf = (trace: LotTrace) =>
  Object.fromEntries(trace.downstream.map((d) => [d.enterprise?.id ?? d.location?.id ?? '?', { items: d.items, basis: d.basis, lots: d.lots.map((l) => `${l.lot}:${l.items}`) }]));

describe('the forward trace of a lot across enterprises', () => {
  it('lists the distributor, both shops and the repacker with the items each received, and the repacked lot', async () => {
    const trace = await traceLot({ db: database.db, actor: pudong }, { gtin: chain.maker.gtin, lot: chain.lot });
    const by = downstreamOf(trace);
    expect(by[chain.d.enterprise.id]).toEqual({ items: 9, basis: 'receiving', lots: [`${chain.lot}:9`] });
    expect(by[chain.s1.enterprise.id]).toEqual({ items: 6, basis: 'receiving', lots: [`${chain.lot}:6`] });
    expect(by[chain.s2.enterprise.id]).toEqual({ items: 3, basis: 'receiving', lots: [`${chain.lot}:3`] });
    expect(by[chain.r.enterprise.id]).toEqual({ items: 3, basis: 'receiving', lots: [`${chain.lot}:3`] });
    // A regulator follows the repacked lot to the shop that received it.
    expect(by[chain.s3.enterprise.id]).toEqual({ items: 2, basis: 'receiving', lots: [`${chain.outputLot}:2`] });
    expect(by[chain.other.enterprise.id]).toBeUndefined();
    expect(trace.outputs).toHaveLength(1);
    expect(trace.outputs[0]).toMatchObject({
      enterprise: { id: chain.r.enterprise.id },
      inputItems: 2,
      lots: [{ gtin: chain.r.gtin, lot: chain.outputLot, items: 4 }],
      followed: true,
    });
    // 12 cans, 3 cases, the pallet, 4 outputs.
    expect(trace).toMatchObject({ trackedIds: 20, truncated: false, subject: { gtin: chain.maker.gtin, lot: chain.lot, maker: { id: chain.maker.enterprise.id } } });
    expect(trace.timeline).toMatchObject({ events: chain.eventCount, firstAt: '2026-03-01T00:00:00.000Z', lastAt: '2026-03-08T00:00:00.000Z' });
    expect(trace.downstream.find((d) => d.enterprise?.id === chain.s1.enterprise.id)?.location).toMatchObject({ id: chain.s1.glnLocation, name: '一号仓库' });
  });

  it('lets the maker trace its own lot, without following another maker\'s product to its customers', async () => {
    const trace = await traceLot({ db: database.db, actor: chain.maker.actor }, { gtin: chain.maker.gtin, lot: chain.lot });
    const ids = trace.downstream.map((d) => d.enterprise?.id);
    expect(ids).toEqual(expect.arrayContaining([chain.d.enterprise.id, chain.s1.enterprise.id, chain.s2.enterprise.id, chain.r.enterprise.id]));
    expect(ids).not.toContain(chain.s3.enterprise.id);
    expect(trace.outputs[0]).toMatchObject({ followed: false, lots: [{ lot: chain.outputLot, items: 4 }] });
  });

  it('refuses everyone else: a regulator of another district, a downstream enterprise', async () => {
    await expect(traceLot({ db: database.db, actor: huangpu }, { gtin: chain.maker.gtin, lot: chain.lot })).rejects.toMatchObject({ code: 'resource.not_found' });
    await expect(traceLot({ db: database.db, actor: chain.d.actor }, { gtin: chain.maker.gtin, lot: chain.lot })).rejects.toMatchObject({ code: 'resource.not_found' });
  });

  it('traces serials alone: one case\'s cans reach only the shop that received that case', async () => {
    const serials = chain.cans.slice(6, 9).map((c) => c.split('/21/')[1] ?? '');
    const trace = await traceLot({ db: database.db, actor: pudong }, { gtin: chain.maker.gtin, serials });
    const by = downstreamOf(trace);
    expect(by[chain.s2.enterprise.id]?.items).toBe(3);
    expect(by[chain.d.enterprise.id]?.items).toBe(3);
    expect(by[chain.s1.enterprise.id]).toBeUndefined();
    expect(trace.subject.serials).toEqual(serials);
  });
});

describe('the backward trace', () => {
  it('goes from the repacked lot to the lot it was made of and its maker', async () => {
    const trace = await traceLot({ db: database.db, actor: pudong }, { gtin: chain.r.gtin, lot: chain.outputLot });
    expect(trace.inputs).toHaveLength(1);
    expect(trace.inputs[0]).toMatchObject({
      depth: 1,
      lot: { gtin: chain.maker.gtin, lot: chain.lot, classKey: chain.lotClass },
      maker: { id: chain.maker.enterprise.id, name: chain.maker.enterprise.name },
      transformer: { id: chain.r.enterprise.id },
      madeInto: { lot: chain.outputLot },
      items: 2,
    });
    expect(trace.inputs[0]?.lot.productName).toMatch(/^测试牌维生素C片/);
    expect(trace.downstream.map((d) => d.enterprise?.id)).toEqual([chain.s3.enterprise.id]);
  });
});

describe('the sortable spreadsheet', () => {
  it('has one row per tracking event, a frozen header, an auto filter, and the forward summary', async () => {
    const run = await traceLotForSpreadsheet({ db: database.db, actor: pudong }, { gtin: chain.maker.gtin, lot: chain.lot });
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const written = await writeTraceWorkbook(out, run, 'zh-CN');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(Buffer.concat(chunks)).buffer);
    const [events, summary] = workbook.worksheets;
    expect(written).toBe(chain.eventCount);
    expect(events?.rowCount).toBe(chain.eventCount + 1);
    expect(events?.getRow(1).getCell(1).value).toBe('事件时间');
    expect(events?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(events?.autoFilter).toBeTruthy();
    // Sorted by time; the first row is the commissioning, in the event's own offset, with its lot code.
    expect(events?.getRow(2).values).toEqual(expect.arrayContaining(['2026-03-01 08:00:00+08:00', '对象事件', 'ADD', '赋码 (commissioning)', `(01)${chain.maker.gtin}(10)${chain.lot}`, 12]));
    const shipping = events?.getRows(2, chain.eventCount)?.find((r) => String(r.getCell(4).value).includes('shipping') && String(r.getCell(17).value).includes('PO-D-1'));
    expect(shipping?.getCell(8).value).toBe(9);
    expect(String(shipping?.getCell(16).value)).toContain(chain.d.enterprise.name);
    expect(summary?.rowCount).toBe(run.trace.downstream.length + 1);
    expect(summary?.autoFilter).toBeTruthy();
  });

  it('heads the columns in English when asked', async () => {
    const run = await traceLotForSpreadsheet({ db: database.db, actor: pudong }, { gtin: chain.maker.gtin, lot: chain.lot });
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeTraceWorkbook(out, run, 'en-US');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(Buffer.concat(chunks)).buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Tracking events', 'Forward trace']);
    expect(workbook.worksheets[0]?.getRow(1).getCell(6).value).toBe('Traceability lot code (GTIN + lot)');
  });
});
