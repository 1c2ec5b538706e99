import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@shian/domain';
import type { Database } from '../../db/connect.ts';
import { buildEnterprise, buildLicence, buildUser } from '../../testing/factories.ts';
import { createTestDatabase } from '../../testing/test-database.ts';
import { searchEnterprises } from '../enterprise-search.ts';
import { enterpriseExportColumns, enterpriseExportRows, type EnterpriseExportRow } from './enterprise-export.ts';
import { writeXlsx } from './write-xlsx.ts';

let database: Database;
let inspector: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  for (let i = 0; i < 5; i += 1) await buildEnterprise(database.db, { jurisdictionCode: i === 0 ? '310101013' : '310101', name: `上海黄浦导出${i}号有限公司` });
  for (let i = 0; i < 2; i += 1) await buildEnterprise(database.db, { jurisdictionCode: '310115', name: `上海浦东导出${i}号有限公司` });
  inspector = (await buildUser(database.db, 'inspector', { jurisdictionCode: '310101' })).actor;
});
afterAll(async () => database.close());

async function collect(rows: AsyncIterable<EnterpriseExportRow>): Promise<EnterpriseExportRow[]> {
  const out: EnterpriseExportRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

async function readBack(write: (stream: PassThrough) => Promise<number>): Promise<{ count: number; rows: unknown[][] }> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => stream.on('end', resolve));
  const count = await write(stream);
  await ended;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(Buffer.concat(chunks)).buffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { count, rows };
}

describe('enterpriseExportRows', () => {
  it('pages through the search by cursor and yields exactly what the search shows the actor, in order', async () => {
    const ctx = { db: database.db, actor: inspector };
    const exported = await collect(enterpriseExportRows(ctx, {}, { pageSize: 2 }));
    const searched = await searchEnterprises(ctx, { limit: 200 });
    expect(exported.map((r) => r.enterprise.id)).toEqual(searched.items.map((e) => e.id));
    expect(exported).toHaveLength(5);
    expect(exported.every((r) => r.enterprise.jurisdictionCode.startsWith('310101'))).toBe(true);
    expect(await collect(enterpriseExportRows(ctx, {}, { pageSize: 2, max: 3 }))).toHaveLength(3);
    expect((await collect(enterpriseExportRows(ctx, { q: '黄浦导出3号' }))).map((r) => r.enterprise.name)).toEqual(['上海黄浦导出3号有限公司']);
  });

  it('carries licence numbers, product counts and flags', async () => {
    const ctx = { db: database.db, actor: inspector };
    const [first] = await collect(enterpriseExportRows(ctx, { q: '黄浦导出1号' }));
    if (!first) throw new Error('missing row');
    const licence = await buildLicence(database.db, first.enterprise, 'SC', '2020-01-01');
    const [again] = await collect(enterpriseExportRows(ctx, { q: '黄浦导出1号' }));
    expect(again).toMatchObject({ licenceNumbers: [licence.number], productCount: 0, flags: expect.arrayContaining(['licence_expired', 'no_food_safety_director']) });
  });

  it('is refused to whoever may not export', async () => {
    const staff = await buildUser(database.db, 'enterprise_staff', { enterpriseId: (await buildEnterprise(database.db)).id });
    await expect(collect(enterpriseExportRows({ db: database.db, actor: staff.actor }, {}))).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});

describe('writeXlsx', () => {
  it('streams a header row and one row per item, localised by the columns', async () => {
    const ctx = { db: database.db, actor: inspector };
    const { count, rows } = await readBack((stream) => writeXlsx(stream, enterpriseExportColumns('zh-CN'), enterpriseExportRows(ctx, { q: '黄浦导出0号' }), { sheetName: '企业名录' }));
    expect(count).toBe(1);
    expect(rows[0]).toEqual(['统一社会信用代码', '企业名称', '法定代表人', '主体类型', '所属区', '街道/镇', '地址', '电话', '状态', '许可证编号', '产品数', '提示']);
    // Empty strings are empty cells (no licences, no flags).
    expect(rows[1]).toEqual([expect.stringMatching(/^91310101/), '上海黄浦导出0号有限公司', '张三', '生产企业', '黄浦区', '外滩街道', expect.any(String), '021-12345678', '正常', undefined, 0]);
    const english = await readBack((stream) => writeXlsx(stream, enterpriseExportColumns('en-US'), enterpriseExportRows(ctx, { q: '黄浦导出0号' })));
    expect(english.rows[0]?.slice(0, 5)).toEqual(['Unified social credit code', 'Enterprise name', 'Legal representative', 'Kinds', 'District']);
    expect(english.rows[1]?.slice(3, 6)).toEqual(['Producer', 'Huangpu District', 'Waitan Subdistrict']);
  });

  it('stops reading rows when the output stream is destroyed midway', async () => {
    const stream = new PassThrough();
    stream.resume();
    let pulled = 0;
    // The reader goes away after the 100th row (a cancelled download); the writer must stop pulling then.
    async function* endless(): AsyncGenerator<{ a: string }> {
      for (;;) {
        pulled += 1;
        if (pulled === 100) stream.destroy();
        yield { a: 'x' };
      }
    }
    await expect(writeXlsx(stream, [{ header: 'A', value: (r: { a: string }) => r.a }], endless())).rejects.toThrow('closed');
    expect(pulled).toBe(100);
  });

  it('writes a header-only workbook when there are no rows', async () => {
    async function* none(): AsyncGenerator<{ a: string }> {}
    const { count, rows } = await readBack((stream) => writeXlsx(stream, [{ header: 'A', value: (r: { a: string }) => r.a }], none()));
    expect(count).toBe(0);
    expect(rows).toEqual([['A']]);
  });
});
