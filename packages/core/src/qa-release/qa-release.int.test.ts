import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, SYSTEM_ACTOR, qaReleaseCreateSchema, toGtin14, type Actor } from '@shian/domain';
import type { Database } from '../db/connect.ts';
import { createPerson } from '../registry/person-service.ts';
import { buildSelfInspectingProducer, type SelfInspectingProducer } from '../self-inspection/self-inspection-test-kit.ts';
import { buildUser } from '../testing/factories.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { findLotRelease, listQaReleases, recordQaRelease } from './qa-release-service.ts';

let database: Database;
let p: SelfInspectingProducer;
let q: SelfInspectingProducer;
let huangpu: Actor;
const ctx = (actor: Actor) => ({ db: database.db, actor });
const failure = async (promise: Promise<unknown>): Promise<AppError> => {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
};
const input = (e: SelfInspectingProducer, overrides: object = {}) =>
  qaReleaseCreateSchema.parse({
    productId: e.product.id,
    lot: 'L2601A',
    tests: [
      { name: '菌落总数', result: '<10 CFU/g', conclusion: 'pass' },
      { name: '维生素C含量', result: '102 mg/100g', conclusion: 'pass' },
    ],
    decision: 'release',
    personId: e.qaPerson.id,
    decidedAt: '2026-01-15T10:00:00+08:00',
    ...overrides,
  });

beforeAll(async () => {
  database = await createTestDatabase();
  p = await buildSelfInspectingProducer(database.db, '310112');
  q = await buildSelfInspectingProducer(database.db, '310112');
  huangpu = (await buildUser(database.db, 'district_supervisor', { jurisdictionCode: '310101' })).actor;
});
afterAll(async () => database?.close());

describe('QA release records', () => {
  it('take one decision per lot; a correction names the standing one and becomes the lot decision', async () => {
    expect(await findLotRelease(database.db, { productId: p.product.id }, 'L2601A')).toBeNull();
    const first = await recordQaRelease(ctx(p.staff), input(p, { decision: 'reject', tests: [{ name: '菌落总数', result: '2000 CFU/g', conclusion: 'fail' }] }));
    expect(first).toMatchObject({ decision: 'reject', personName: '钱受权', lot: 'L2601A', correctsId: null });
    expect(first.gtins).toEqual([toGtin14(p.product.gtins[0]!)]);
    expect((await failure(recordQaRelease(ctx(p.staff), input(p)))).code).toBe('qa_release.already_decided');

    const corrected = await recordQaRelease(ctx(p.admin), input(p, { correctsId: first.id, note: '复检合格，原检验样品污染', decidedAt: '2026-01-16T09:00:00+08:00' }));
    expect((await failure(recordQaRelease(ctx(p.admin), input(p, { correctsId: first.id, note: '再次更正' })))).code).toBe('qa_release.superseded');

    const byProduct = await findLotRelease(database.db, { productId: p.product.id }, 'L2601A');
    expect(byProduct).toMatchObject({ number: corrected.number, decision: 'release', personName: '钱受权', corrected: true });
    const gtin13 = p.product.gtins[0]!;
    expect(await findLotRelease(database.db, { gtin: gtin13 }, 'L2601A')).toEqual(byProduct);
    expect(await findLotRelease(database.db, { gtin: toGtin14(gtin13)! }, 'L2601A')).toEqual(byProduct);
    expect(await findLotRelease(database.db, { gtin: gtin13 }, 'OTHER')).toBeNull();

    const list = await listQaReleases(ctx(p.staff), { lot: 'L2601A' });
    expect(list.map((r) => [r.record.number, r.superseded])).toEqual([
      [corrected.number, false],
      [first.number, true],
    ]);
    const trail = await database.db.selectFrom('auditLog').select('action').where('entityType', '=', 'qa_release_record').where('enterpriseId', '=', p.enterprise.id).orderBy('seq').execute();
    expect(trail.map((t) => t.action)).toEqual(['qa_release.record', 'qa_release.correct']);
  });

  it('names a person who is not a serving quality authorised person, and a correction of another lot', async () => {
    const officer = await createPerson({ db: database.db, actor: SYSTEM_ACTOR }, p.enterprise.id, { name: '周安全', role: 'food_safety_officer', appointedOn: '2024-01-02', endedOn: null, phone: null });
    const [standing] = await listQaReleases(ctx(p.staff), { lot: 'L2601A' });
    const error = await failure(recordQaRelease(ctx(p.staff), input(p, { lot: 'L2602B', personId: officer.id, correctsId: standing!.record.id, note: '更正' })));
    expect(error.code).toBe('qa_release.invalid');
    expect(error.details).toEqual([
      { path: 'personId', message: 'field.qa_release_person_not_qa' },
      { path: 'correctsId', message: 'field.qa_release_lot_mismatch' },
    ]);
    expect(qaReleaseCreateSchema.safeParse({ ...input(p), tests: [{ name: '铅', result: '超标', conclusion: 'fail' }] }).error?.issues.map((i) => i.message)).toEqual(['field.qa_release_failed_test']);
  });

  it('are seen by the enterprise and its district only, and recorded for one own products', async () => {
    await recordQaRelease(ctx(q.staff), input(q, { lot: 'Q1' }));
    expect((await listQaReleases(ctx(q.staff))).map((r) => r.record.lot)).toEqual(['Q1']);
    expect(await listQaReleases(ctx(huangpu))).toEqual([]);
    expect((await failure(recordQaRelease(ctx(q.staff), input(p, { lot: 'X9' })))).code).toBe('resource.not_found');
    expect((await failure(recordQaRelease(ctx(huangpu), input(p, { lot: 'X9' })))).code).toBe('resource.not_found');
  });
});
