import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '@shian/core';
import { buildEnterprise, buildLicence, buildUser } from '@shian/core/testing/factories.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let inspector: Session;
beforeAll(async () => {
  t = await createTestApp();
  for (let i = 0; i < 4; i += 1) {
    const e = await buildEnterprise(t.database.db, { jurisdictionCode: i === 0 ? '310101002' : '310101', name: `上海黄浦名录${i}号有限公司` });
    if (i === 1) await buildLicence(t.database.db, e);
  }
  for (let i = 0; i < 3; i += 1) await buildEnterprise(t.database.db, { jurisdictionCode: '310115', name: `上海浦东名录${i}号有限公司` });
  inspector = await signInAs(t.app, (await buildUser(t.database.db, 'inspector', { jurisdictionCode: '310101' })).user.username);
});
afterAll(async () => t.close());

async function sheetRows(payload: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(payload).buffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** Every credit code the search shows, following its cursor. */
async function searchAll(session: Session, query = ''): Promise<string[]> {
  const codes: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: { uscc: string }[]; nextCursor: string | null } = (await session.get(`/api/v1/enterprises?limit=2${query}${cursor ? `&cursor=${cursor}` : ''}`)).json();
    codes.push(...page.items.map((e) => e.uscc));
    cursor = page.nextCursor;
  } while (cursor);
  return codes;
}

describe('GET /enterprises/export.xlsx', () => {
  it('answers the rows the search shows in scope: a 黄浦 inspector gets only 黄浦 enterprises, headed in zh-CN', async () => {
    const res = await inspector.get('/api/v1/enterprises/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const day = today().replace(/-/g, '');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="enterprises-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(`企业名录-${day}.xlsx`)}`,
    );
    const [header, ...rows] = await sheetRows(res.rawPayload);
    expect(header).toEqual(['统一社会信用代码', '企业名称', '法定代表人', '主体类型', '所属区', '街道/镇', '地址', '电话', '状态', '许可证编号', '产品数', '提示']);
    expect(rows.map((r) => r[0])).toEqual(await searchAll(inspector));
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r[4] === '黄浦区')).toBe(true);
    expect(rows.find((r) => r[1] === '上海黄浦名录0号有限公司')?.[5]).toBe('南京东路街道');
    expect(rows.find((r) => r[1] === '上海黄浦名录1号有限公司')?.[9]).toMatch(/^SC127310101\d{5}$/);
  });

  it('applies the search filters and the user language', async () => {
    const q = `&q=${encodeURIComponent('名录2号')}`;
    const res = await inspector.get(`/api/v1/enterprises/export.xlsx?q=${encodeURIComponent('名录2号')}`, { 'accept-language': 'en-US' });
    const [header, ...rows] = await sheetRows(res.rawPayload);
    expect(header?.slice(0, 5)).toEqual(['Unified social credit code', 'Enterprise name', 'Legal representative', 'Kinds', 'District']);
    expect(rows.map((r) => r[0])).toEqual(await searchAll(inspector, q));
    expect(rows.map((r) => [r[1], r[3], r[4], r[8]])).toEqual([['上海黄浦名录2号有限公司', 'Producer', 'Huangpu District', 'Active']]);
    const admin = await signInAs(t.app, (await buildUser(t.database.db, 'city_admin', { jurisdictionCode: '310000' })).user.username);
    const all = await sheetRows((await admin.get('/api/v1/enterprises/export.xlsx?district=310115')).rawPayload);
    expect(all.slice(1).map((r) => r[0])).toEqual(await searchAll(admin, '&district=310115'));
    expect(all).toHaveLength(4);
  });

  it('refuses users without the export permission and unknown parameters', async () => {
    const enterprise = await buildEnterprise(t.database.db, { jurisdictionCode: '310101' });
    const staff = await signInAs(t.app, (await buildUser(t.database.db, 'enterprise_staff', { enterpriseId: enterprise.id })).user.username);
    const forbidden = await staff.get('/api/v1/enterprises/export.xlsx');
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('auth.forbidden');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/enterprises/export.xlsx' })).statusCode).toBe(401);
    const unknown = await inspector.get('/api/v1/enterprises/export.xlsx?cursor=abc');
    expect(unknown.statusCode).toBe(400);
  });
});
