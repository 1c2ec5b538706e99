import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeGtinCheckDigit } from '@shian/domain';
import type { EnterpriseRow } from '@shian/core';
import { buildEnterprise, buildUser } from '@shian/core/testing/factories.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '../../testing/test-app.ts';

/**
 * The GS1 GLN (全球位置码) of a premises: optional, 13 digits with the GS1 check digit, one premises per GLN on
 * the whole platform; set when a premises is added or edited, shown in the dossier.
 */
let t: TestApp;
let enterprise: EnterpriseRow;
let other: EnterpriseRow;
let admin: Session;
let otherAdmin: Session;

let counter = 10_000;
/** A valid GLN of the Chinese range, fresh per call. */
const newGln = (): string => {
  const body = `6901234${String((counter += 1)).padStart(5, '0')}`;
  return body + String(computeGtinCheckDigit(body));
};
/** The same GLN with its last digit wrong. */
const badCheck = (gln: string): string => gln.slice(0, 12) + String((Number(gln[12]) + 1) % 10);

const premises = (extra: Record<string, unknown> = {}) => ({ name: '冷链仓库', address: '上海市浦东新区测试路9号', kind: 'warehouse', jurisdictionCode: '310115', ...extra });

beforeAll(async () => {
  t = await createTestApp();
  enterprise = await buildEnterprise(t.database.db);
  other = await buildEnterprise(t.database.db);
  const [a, o] = await Promise.all([
    buildUser(t.database.db, 'enterprise_admin', { enterpriseId: enterprise.id }),
    buildUser(t.database.db, 'enterprise_admin', { enterpriseId: other.id }),
  ]);
  admin = await signInAs(t.app, a.user.username);
  otherAdmin = await signInAs(t.app, o.user.username);
});
afterAll(async () => t?.close());

describe('GLN on premises', () => {
  const taken = newGln();
  let premisesId = '';

  it('a premises may be added without a GLN, as before', async () => {
    const res = await admin.post(`/api/v1/enterprises/${enterprise.id}/premises`, premises());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().gln).toBeNull();
    premisesId = res.json().id;
  });

  it('a wrong check digit and a wrong length are named on the field, in the user’s language', async () => {
    const gln = badCheck(newGln());
    const res = await admin.post(`/api/v1/enterprises/${enterprise.id}/premises`, premises({ gln }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ path: 'gln', message: `全球位置码 ${gln} 校验位错误` }]);
    const short = await admin.post(`/api/v1/enterprises/${enterprise.id}/premises`, premises({ gln: '690123' }), { 'accept-language': 'en-US' });
    expect(short.json().details).toEqual([{ path: 'gln', message: 'A GLN has 13 digits' }]);
  });

  it('a valid GLN is kept and shown in the dossier', async () => {
    const res = await admin.post(`/api/v1/enterprises/${enterprise.id}/premises`, premises({ gln: ` ${taken} ` }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().gln).toBe(taken);
    const dossier = (await admin.get(`/api/v1/enterprises/${enterprise.id}`)).json();
    expect(dossier.premises.find((p: { id: string }) => p.id === res.json().id).gln).toBe(taken);
  });

  it('a GLN used by another premises (of any enterprise) is refused on the field', async () => {
    const res = await otherAdmin.post(`/api/v1/enterprises/${other.id}/premises`, premises({ gln: taken }));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'registry.duplicate_gln', details: [{ path: 'gln', message: `全球位置码（GLN）${taken} 已被其他场所使用` }] });
  });

  it('a premises is edited to set, change and remove its GLN; duplicates and bad digits are refused', async () => {
    const gln = newGln();
    const set = await admin.patch(`/api/v1/premises/${premisesId}`, { gln });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ id: premisesId, gln, name: '冷链仓库' });
    expect((await admin.patch(`/api/v1/premises/${premisesId}`, { gln: taken })).json()).toMatchObject({ code: 'registry.duplicate_gln', details: [{ path: 'gln' }] });
    expect((await admin.patch(`/api/v1/premises/${premisesId}`, { gln: badCheck(gln) })).json().details[0].path).toBe('gln');
    const renamed = await admin.patch(`/api/v1/premises/${premisesId}`, { name: '一号冷链仓库' });
    expect(renamed.json()).toMatchObject({ name: '一号冷链仓库', gln });
    const cleared = await admin.patch(`/api/v1/premises/${premisesId}`, { gln: null });
    expect(cleared.json().gln).toBeNull();
    const history = await t.database.db.selectFrom('auditLog').select('action').where('entityType', '=', 'premises').where('entityId', '=', premisesId).orderBy('seq').execute();
    expect(history.map((h) => h.action)).toEqual(['premises.create', 'premises.update', 'premises.update', 'premises.update']);
  });

  it('another enterprise’s premises does not exist for its administrator', async () => {
    const res = await otherAdmin.patch(`/api/v1/premises/${premisesId}`, { gln: newGln() });
    expect(res.statusCode).toBe(404);
  });
});
