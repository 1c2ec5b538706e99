import { SYSTEM_ACTOR, addCalendarDays, isoWeekOf } from '@shian/domain';
import { addRiskItem, createPerson, recordDailyCheck, startRiskList, type Db } from '@shian/core';
import { today } from '@shian/core/registry/guards.ts';
import { DISTRICTS } from './access-fixtures-inspection.ts';
import { ENTERPRISE_KEYS, recordOf, recordTarget, type AccessCase, type CaseInput, type Fixtures, type Target } from './access-cases.ts';

/**
 * Access cases of the enterprise duties (主体责任). An enterprise's duties are seen by its own users and by
 * the regulators over it (`duties.read`); the daily check and closing a hazard are the enterprise's
 * (`duties.record`, staff too); the list, weekly report and monthly minutes its admin's (`duties.manage`).
 * A city administrator holds every action. The list, an item, a director and hazards are made lazily through
 * the core services (as the platform) for the enterprise the run is on.
 */

const E = ENTERPRISE_KEYS;
const system = (db: Db) => ({ db, actor: SYSTEM_ACTOR });
const theEnterprise = recordOf('enterprises', (e) => e.enterprise.id);

/** The enterprise's risk-control list, started once from the health-food template. */
async function ensureList(db: Db, enterpriseId: string): Promise<void> {
  const list = await db.selectFrom('dutyLists').select('enterpriseId').where('enterpriseId', '=', enterpriseId).executeTakeFirst();
  if (!list) await startRiskList(system(db), enterpriseId, { templateId: 'health_food_producer/1' });
}

/**
 * Starting a list uses it up: before each run the enterprise's list is removed again (nothing refers to it
 * yet: this case runs before the cases that record checks), so every allowed actor starts it afresh.
 */
async function withoutList(db: Db, enterpriseId: string): Promise<void> {
  const used = await db.selectFrom('dutyDailyChecks').select('id').where('enterpriseId', '=', enterpriseId).executeTakeFirst();
  if (used) throw new Error('the risk-list case must run before the daily-check cases');
  await db.deleteFrom('dutyRiskItems').where('enterpriseId', '=', enterpriseId).execute();
  await db.deleteFrom('dutyLists').where('enterpriseId', '=', enterpriseId).execute();
}

const withList = (f: Fixtures, on: string) => ensureList(f.db, f.at(on).enterprise.id);

const items = new WeakMap<Fixtures, Map<string, string>>();
/** One item of the enterprise's own on its list, kept (its version moves with each edit). */
async function standingItem({ f, on }: CaseInput): Promise<Target> {
  const made = items.get(f) ?? new Map<string, string>();
  items.set(f, made);
  let id = made.get(on);
  if (!id) {
    const e = f.at(on).enterprise;
    await ensureList(f.db, e.id);
    id = (await addRiskItem(system(f.db), e.id, { area: '矩阵区域', hazard: '矩阵隐患', control: '矩阵措施', frequency: 'daily' })).id;
    made.set(on, id);
  }
  return recordTarget(f.db, 'dutyRiskItems', id);
}

/** A fresh open hazard of the enterprise (closing one uses it up). */
async function freshHazard({ f, on }: CaseInput): Promise<Target> {
  const e = f.at(on).enterprise;
  await ensureList(f.db, e.id);
  const { hazards } = await recordDailyCheck(system(f.db), e.id, { problems: [{ description: '矩阵隐患', ownerName: '矩阵责任人', dueOn: addCalendarDays(today(), 3) }] });
  return recordTarget(f.db, 'dutyHazards', hazards[0]!.id);
}

const directors = new WeakMap<Fixtures, Map<string, string>>();
async function directorOf(f: Fixtures, on: string): Promise<string> {
  const made = directors.get(f) ?? new Map<string, string>();
  directors.set(f, made);
  const known = made.get(on);
  if (known) return known;
  const id = (await createPerson(system(f.db), f.at(on).enterprise.id, { name: '矩阵总监', role: 'food_safety_director', appointedOn: '2024-01-01', endedOn: null, phone: '13800138001' })).id;
  made.set(on, id);
  return id;
}

export const DUTY_CASES: AccessCase[] = [
  { endpoint: 'GET /api/v1/duties/templates', needs: 'duties.read' },
  // Lists narrowed by scope in the query (enterprise users: their own enterprise, if flagged).
  { endpoint: 'GET /api/v1/duties/producers-without-director', needs: 'duties.read' },
  // A district's rates: its regulators (enterprise users are never in scope of a district).
  { endpoint: 'GET /api/v1/duties/kpis', needs: 'duties.read', on: DISTRICTS, target: ({ on }) => ({ kind: 'area', code: on }), request: ({ on }) => ({ query: `jurisdictionCode=${on}` }) },
  { endpoint: 'GET /api/v1/duties/enterprises/{id}', needs: 'duties.read', on: E, target: theEnterprise },
  {
    endpoint: 'POST /api/v1/duties/enterprises/{id}/risk-list',
    needs: 'duties.manage',
    on: E,
    target: theEnterprise,
    request: async ({ f, on }) => {
      await withoutList(f.db, f.at(on).enterprise.id);
      return { payload: { templateId: 'health_food_producer/1' } };
    },
  },
  {
    endpoint: 'POST /api/v1/duties/enterprises/{id}/risk-items',
    needs: 'duties.manage',
    on: E,
    target: theEnterprise,
    request: async ({ f, on }) => {
      await withList(f, on);
      return { payload: { area: '包装', hazard: '内包材破损', control: '目检', frequency: 'weekly' } };
    },
  },
  {
    endpoint: 'PATCH /api/v1/duties/risk-items/{id}',
    needs: 'duties.manage',
    on: E,
    target: standingItem,
    request: async ({ f, target }) => {
      const id = target?.kind === 'record' ? target.id : '';
      const row = await f.db.selectFrom('dutyRiskItems').select('version').where('id', '=', id).executeTakeFirstOrThrow();
      return { payload: { version: row.version, control: `矩阵措施 v${row.version + 1}` } };
    },
  },
  {
    endpoint: 'POST /api/v1/duties/enterprises/{id}/daily-checks',
    needs: 'duties.record',
    on: E,
    target: theEnterprise,
    request: async ({ f, on }) => {
      await withList(f, on);
      return { payload: {} };
    },
  },
  { endpoint: 'POST /api/v1/duties/hazards/{id}/close', needs: 'duties.record', on: E, target: freshHazard, request: () => ({ payload: { fixNote: '矩阵整改' } }) },
  {
    endpoint: 'POST /api/v1/duties/enterprises/{id}/weekly-reports',
    needs: 'duties.manage',
    on: E,
    target: theEnterprise,
    request: async ({ f, on }) => {
      await withList(f, on);
      return { payload: { week: isoWeekOf(today()), summary: '矩阵周排查', signedByPersonId: await directorOf(f, on) } };
    },
  },
  {
    endpoint: 'POST /api/v1/duties/enterprises/{id}/monthly-minutes',
    needs: 'duties.manage',
    on: E,
    target: theEnterprise,
    request: async ({ f, on }) => {
      await withList(f, on);
      return { payload: { month: today().slice(0, 7), meetingOn: today(), attendees: ['矩阵负责人'], decisions: '矩阵决定', nextFocus: '矩阵重点' } };
    },
  },
];
