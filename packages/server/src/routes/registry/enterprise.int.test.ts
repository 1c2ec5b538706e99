import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeUsccCheckChar, makeUscc } from '@shian/domain';
import { buildEnterprise, buildLicence, buildUser } from '@shian/core/testing/factories.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let city: Session;
let huangpu: Session;
let pudongSupervisor: Session;

beforeAll(async () => {
  t = await createTestApp();
  const [a, b, c] = await Promise.all([
    buildUser(t.database.db, 'city_admin', { jurisdictionCode: '310000' }),
    buildUser(t.database.db, 'inspector', { jurisdictionCode: '310101' }),
    buildUser(t.database.db, 'district_supervisor', { jurisdictionCode: '310115' }),
  ]);
  city = await signInAs(t.app, a.user.username);
  huangpu = await signInAs(t.app, b.user.username);
  pudongSupervisor = await signInAs(t.app, c.user.username);
});
afterAll(async () => t.close());

const validUscc = (seq: number, division = '310115') => makeUscc('91', division, seq);
/** A code whose check character is wrong (the right one replaced by another valid character). */
function badCheckUscc(seq: number): string {
  const good = validUscc(seq);
  const wrong = good.endsWith('1') ? '2' : '1';
  return good.slice(0, 17) + wrong;
}

describe('creating an enterprise', () => {
  it('creates it with its registered premises, audits it, and shows it in the dossier', async () => {
    const uscc = validUscc(1001);
    const res = await pudongSupervisor.post('/api/v1/enterprises', {
      uscc,
      name: '上海康源保健食品有限公司',
      legalRepresentative: '李明',
      kinds: ['producer'],
      jurisdictionCode: '310115007',
      address: '上海市浦东新区张江路100号',
      phone: '021-58880000',
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ uscc, usccCheckFailed: false, needsReview: false, version: 1, jurisdictionCode: '310115007' });
    const dossier = (await pudongSupervisor.get(`/api/v1/enterprises/${created.id}`)).json();
    expect(dossier.premises).toHaveLength(1);
    expect(dossier.premises[0]).toMatchObject({ kind: 'registered', address: '上海市浦东新区张江路100号' });
    expect(dossier.abilities).toContain('licence.write');
    const history = (await pudongSupervisor.get(`/api/v1/audit?entityType=enterprise&entityId=${created.id}`)).json();
    expect(history.items).toHaveLength(1);
    expect(history.items[0]).toMatchObject({ action: 'enterprise.create', actorUsername: pudongSupervisor.username });
    expect(history.items[0].changes.map((c: { field: string }) => c.field)).toContain('uscc');
  });

  it('lists every invalid field at once, in the requested language, and creates nothing', async () => {
    const body = { uscc: 'IO123', name: '', legalRepresentative: '王', kinds: ['baker'], jurisdictionCode: '999', address: '某路', extra: 1 };
    const zh = await city.post('/api/v1/enterprises', body);
    expect(zh.statusCode).toBe(400);
    const paths = zh.json().details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['extra', 'jurisdictionCode', 'kinds.0', 'name', 'uscc']);
    expect(zh.json().message).toContain('5');
    expect(zh.json().details.find((d: { path: string }) => d.path === 'uscc').message).toContain('统一社会信用代码');
    const en = await city.post('/api/v1/enterprises', body, { 'accept-language': 'en-US' });
    expect(en.json().details.find((d: { path: string }) => d.path === 'uscc').message).toContain('credit code');
    expect(en.json().requestId).toMatch(/[0-9a-f-]{36}/);
  });

  it('asks for confirmation of a credit code that fails its check, then saves it flagged for review', async () => {
    const uscc = badCheckUscc(1002);
    const base = { uscc, name: '上海校验异常商贸有限公司', legalRepresentative: '赵六', kinds: ['seller'], jurisdictionCode: '310115', address: '上海市浦东新区世纪大道1号' };
    const first = await city.post('/api/v1/enterprises', base);
    expect(first.statusCode).toBe(422);
    expect(first.json().code).toBe('registry.uscc_unconfirmed');
    expect(first.json().data.expectedCheckChar).toBe(computeUsccCheckChar(uscc.slice(0, 17)));
    expect(first.json().details[0].path).toBe('uscc');
    const second = await city.post('/api/v1/enterprises', { ...base, confirmUscc: true });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ usccCheckFailed: true, needsReview: true });
    const dossier = (await city.get(`/api/v1/enterprises/${second.json().id}`)).json();
    expect(dossier.flags.map((f: { code: string }) => f.code)).toContain('uscc_unconfirmed');
  });

  it('refuses a duplicate credit code, naming the field', async () => {
    const e = await buildEnterprise(t.database.db);
    const res = await city.post('/api/v1/enterprises', {
      uscc: e.uscc,
      name: '重复企业',
      legalRepresentative: '钱七',
      kinds: ['seller'],
      jurisdictionCode: '310115',
      address: '上海市浦东新区',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'registry.duplicate_uscc', details: [{ path: 'uscc' }] });
  });

  it('keeps a district inside its jurisdiction', async () => {
    const res = await pudongSupervisor.post('/api/v1/enterprises', {
      uscc: validUscc(1003, '310101'),
      name: '越界登记企业',
      legalRepresentative: '孙八',
      kinds: ['seller'],
      jurisdictionCode: '310101',
      address: '上海市黄浦区南京东路1号',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'registry.out_of_jurisdiction', details: [{ path: 'jurisdictionCode' }] });
  });
});

describe('editing an enterprise', () => {
  it('applies a change with the current version, audits before and after, and refuses a stale version', async () => {
    const e = await buildEnterprise(t.database.db, { jurisdictionCode: '310115' });
    const ok = await pudongSupervisor.patch(`/api/v1/enterprises/${e.id}`, { version: 1, name: '上海新名称保健品有限公司' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: '上海新名称保健品有限公司', version: 2 });
    const stale = await pudongSupervisor.patch(`/api/v1/enterprises/${e.id}`, { version: 1, name: '又一个名字' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('resource.conflict');
    const history = (await city.get(`/api/v1/audit?entityType=enterprise&entityId=${e.id}`)).json();
    expect(history.items.map((h: { action: string }) => h.action)).toEqual(['enterprise.create', 'enterprise.update']);
    expect(history.items[1].changes).toEqual([{ field: 'name', before: e.name, after: '上海新名称保健品有限公司' }]);
    // The new name is searchable, the old one is not.
    const found = (await city.get(`/api/v1/enterprises?q=${encodeURIComponent('新名称保健')}`)).json();
    expect(found.items.map((i: { id: string }) => i.id)).toContain(e.id);
  });
});

describe('what an enterprise may change of itself', () => {
  it('lets its administrator edit contact details but not its status or jurisdiction', async () => {
    const e = await buildEnterprise(t.database.db, { jurisdictionCode: '310115' });
    const { user } = await buildUser(t.database.db, 'enterprise_admin', { enterpriseId: e.id });
    const own = await signInAs(t.app, user.username);
    expect((await own.patch(`/api/v1/enterprises/${e.id}`, { version: 1, phone: '021-66668888' })).statusCode).toBe(200);
    expect((await pudongSupervisor.patch(`/api/v1/enterprises/${e.id}`, { version: 2, status: 'suspended' })).statusCode).toBe(200);
    const reopen = await own.patch(`/api/v1/enterprises/${e.id}`, { version: 3, status: 'active' });
    expect(reopen.statusCode).toBe(403);
    expect(reopen.json().code).toBe('auth.forbidden');
    expect((await own.patch(`/api/v1/enterprises/${e.id}`, { version: 3, jurisdictionCode: '310101' })).statusCode).toBe(403);
    expect((await own.get(`/api/v1/enterprises/${e.id}`)).json().enterprise).toMatchObject({ status: 'suspended', jurisdictionCode: '310115', version: 3 });
  });
});

describe('search and scope', () => {
  it('finds by partial Chinese name, credit code prefix and licence number, only within scope', async () => {
    const hp = await buildEnterprise(t.database.db, { jurisdictionCode: '310101002', name: '上海外滩婴幼儿乳品专营店', kinds: ['seller'] });
    const pd = await buildEnterprise(t.database.db, { jurisdictionCode: '310115', name: '上海陆家嘴婴幼儿乳品专营店', kinds: ['seller'] });
    const licence = await buildLicence(t.database.db, pd, 'JY');
    const q = (s: Session, query: string) => s.get(`/api/v1/enterprises?q=${encodeURIComponent(query)}`).then((r) => r.json());
    const cityIds = (await q(city, '婴幼儿乳品')).items.map((i: { id: string }) => i.id);
    expect(cityIds).toEqual(expect.arrayContaining([hp.id, pd.id]));
    const hpIds = (await q(huangpu, '婴幼儿乳品')).items.map((i: { id: string }) => i.id);
    expect(hpIds).toContain(hp.id);
    expect(hpIds).not.toContain(pd.id);
    expect((await q(city, pd.uscc.slice(0, 12))).items.map((i: { id: string }) => i.id)).toContain(pd.id);
    // The licence number was inserted directly; the search index learns it on the next refresh.
    await t.database.db.transaction().execute(async (trx) => {
      const { refreshSearchIndex } = await import('@shian/core/registry/search-index.ts');
      await refreshSearchIndex(trx, pd.id);
    });
    expect((await q(city, licence.number)).items.map((i: { id: string }) => i.id)).toEqual([pd.id]);
    expect((await huangpu.get(`/api/v1/enterprises/${pd.id}`)).statusCode).toBe(404);
  });

  it('pages with a cursor without repeating or skipping rows', async () => {
    for (let i = 0; i < 7; i += 1) await buildEnterprise(t.database.db, { jurisdictionCode: '310120', name: `上海奉贤分页测试商行${i}`, kinds: ['seller'] });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/enterprises?district=310120&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await city.get(url)).json();
      expect(page.total).toBe(7);
      seen.push(...page.items.map((i: { id: string }) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it('rejects a forged cursor and unknown filters with a 400 naming them', async () => {
    const res = await city.get('/api/v1/enterprises?cursor=not-a-cursor&colour=red');
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { path: string }) => d.path)).toContain('colour');
    const forged = await city.get('/api/v1/enterprises?cursor=bm90LWEtY3Vyc29y');
    expect(forged.statusCode).toBe(400);
    expect(forged.json().details[0].path).toBe('cursor');
  });

  it('filters by flag: a special-food producer without a director', async () => {
    const e = await buildEnterprise(t.database.db, { jurisdictionCode: '310117', name: '上海松江无总监保健食品厂' });
    await buildLicence(t.database.db, e, 'SC');
    const page = (await city.get('/api/v1/enterprises?flag=no_food_safety_director&district=310117')).json();
    expect(page.items.map((i: { id: string }) => i.id)).toContain(e.id);
    expect(page.items.find((i: { id: string }) => i.id === e.id).flags).toContain('no_food_safety_director');
  });
});
