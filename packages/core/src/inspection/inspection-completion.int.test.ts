import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addCalendarDays, addWorkingDays, isWorkingDay, workingDaysBetween } from '@shian/domain';
import type { Database } from '../db/connect.ts';
import { today } from '../registry/guards.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { GENERAL_ITEM, ITEM_IDS, KEY_ITEM, OTHER_GENERAL_ITEM, buildTeam, completeWith, scheduleFor, type Team } from './inspection-test-kit.ts';

/** What a finished inspection sets in motion (49号令 §32–35, §39). */
let database: Database;
/** The district's officers, shared by the tests; each test inspects an enterprise of its own. */
let staff: Team;
beforeAll(async () => {
  database = await createTestDatabase();
  staff = await buildTeam(database.db);
});
afterAll(async () => database.close());

const clocksOf = (subjectId: string) => database.db.selectFrom('clocks').selectAll().where('subjectId', '=', subjectId).orderBy('ruleId').execute();
const findingsOf = (inspectionId: string) => database.db.selectFrom('inspectionFindings').selectAll().where('inspectionId', '=', inspectionId).orderBy('itemId').execute();
const ordersOf = (inspectionId: string) => database.db.selectFrom('rectificationOrders').selectAll().where('inspectionId', '=', inspectionId).execute();
const leadsOf = (inspectionId: string) => database.db.selectFrom('caseLeads').selectAll().where('inspectionId', '=', inspectionId).execute();

async function finished(team: Team, overrides: Parameters<typeof completeWith>[3], inspectedOn = today()) {
  const inspection = await scheduleFor(database.db, team);
  return (await completeWith(database.db, team, inspection, overrides, inspectedOn)).inspection;
}

describe('completing an inspection', () => {
  it('turns a failed key item into a case lead with its review clock for the inspectors', async () => {
    const team = await buildTeam(database.db, '310115', staff);
    const inspectedOn = addCalendarDays(today(), -2);
    const inspection = await finished(team, { [KEY_ITEM]: { result: 'fail', note: '许可证已过期仍在经营' } }, inspectedOn);

    expect(inspection.outcome).toBe('case_lead');
    const [finding] = await findingsOf(inspection.id);
    expect(finding).toMatchObject({ itemId: KEY_ITEM, itemKey: 'sales.licence_valid', severity: 'key', disposition: 'case_lead', note: '许可证已过期仍在经营', earlierFailures: 0 });
    const leads = await leadsOf(inspection.id);
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ enterpriseId: team.enterprise.id, findingId: finding?.id, status: 'open', source: 'inspection' });
    expect(leads[0]?.summary).toContain('许可证已过期仍在经营');
    expect(leads[0]?.legalBasis).toContain('食品安全法');

    const [clock] = await clocksOf(leads[0]!.id);
    expect(clock).toMatchObject({ ruleId: 'case_lead.review', owner: 'regulator', startedOn: inspectedOn, dueOn: addWorkingDays(inspectedOn, 15), state: 'running' });
    expect([...(clock?.assigneeIds ?? [])].sort()).toEqual(team.inspectors.map((i) => i.user.id).sort());
    expect(await ordersOf(inspection.id)).toEqual([]);
  });

  it('orders one rectification for the general items to fix, due 15 days after the inspection, owed by the enterprise', async () => {
    const team = await buildTeam(database.db, '310115', staff);
    const inspectedOn = addCalendarDays(today(), -1);
    const inspection = await finished(
      team,
      {
        [GENERAL_ITEM]: { result: 'fail', note: '未悬挂许可证', disposition: 'rectification' },
        [OTHER_GENERAL_ITEM]: { result: 'fail', note: '未配备食品安全员', disposition: 'rectification' },
        'hfs-1.4': { result: 'fail', note: '一人健康证过期，已当场停岗', disposition: 'fixed_on_site' },
      },
      inspectedOn,
    );

    expect(inspection.outcome).toBe('rectification');
    expect(inspection.counts).toMatchObject({ failed: 3, keyFailed: 0, generalFailed: 3 });
    const findings = await findingsOf(inspection.id);
    expect(findings.map((f) => [f.itemId, f.disposition])).toEqual([
      [GENERAL_ITEM, 'rectification'],
      [OTHER_GENERAL_ITEM, 'rectification'],
      ['hfs-1.4', 'fixed_on_site'],
    ]);

    const orders = await ordersOf(inspection.id);
    expect(orders).toHaveLength(1);
    const [order] = orders;
    expect(order).toMatchObject({ status: 'open', enterpriseId: team.enterprise.id, dueOn: addCalendarDays(inspectedOn, 15) });
    const toRectify = findings.filter((f) => f.disposition === 'rectification').map((f) => f.id);
    expect([...(order?.findingIds ?? [])].sort()).toEqual([...toRectify].sort());

    const [clock] = await clocksOf(order!.id);
    expect(clock).toMatchObject({
      ruleId: 'rectification.response',
      owner: 'enterprise',
      enterpriseId: team.enterprise.id,
      label: order?.number,
      startedOn: inspectedOn,
      dueOn: order?.dueOn,
      state: 'running',
    });
    expect(await leadsOf(inspection.id)).toEqual([]);
  });

  it('records an item fixed on the spot as a finding only', async () => {
    const team = await buildTeam(database.db, '310115', staff);
    const inspection = await finished(team, { [GENERAL_ITEM]: { result: 'fail', note: '当场补挂许可证', disposition: 'fixed_on_site' } });
    expect(inspection.outcome).toBe('fixed_on_site');
    expect((await findingsOf(inspection.id)).map((f) => f.disposition)).toEqual(['fixed_on_site']);
    expect(await ordersOf(inspection.id)).toEqual([]);
    expect(await leadsOf(inspection.id)).toEqual([]);
  });

  it('concludes with the most serious disposition, treating a general item that affects safety as a case lead', async () => {
    const team = await buildTeam(database.db, '310115', staff);
    const inspection = await finished(team, {
      [GENERAL_ITEM]: { result: 'fail', note: '未悬挂许可证', disposition: 'fixed_on_site' },
      [OTHER_GENERAL_ITEM]: { result: 'fail', note: '未配备食品安全员', disposition: 'rectification' },
      'hfs-2.4': { result: 'fail', note: '冷藏柜温度超标', affectsSafety: true },
    });
    expect(inspection.outcome).toBe('case_lead');
    expect((await leadsOf(inspection.id)).map((l) => l.summary)).toEqual([expect.stringContaining('冷藏柜温度超标')]);
    expect(await ordersOf(inspection.id)).toHaveLength(1);

    const compliant = await finished(team, {});
    expect(compliant.outcome).toBe('compliant');
    expect(compliant.counts).toMatchObject({ failed: 0, checked: ITEM_IDS.length, passed: ITEM_IDS.length });
    expect(await findingsOf(compliant.id)).toEqual([]);
  });

  it('meets the "carry out" clock on the inspection day and starts the 20-working-day publication clock', async () => {
    const team = await buildTeam(database.db, '310115', staff);
    const inspectedOn = addCalendarDays(today(), -1);
    const inspection = await finished(team, {}, inspectedOn);

    const clocks = await clocksOf(inspection.id);
    expect(clocks.map((c) => c.ruleId)).toEqual(['inspection.conduct', 'inspection.publication']);
    const [conduct, publication] = clocks;
    expect(conduct).toMatchObject({ state: 'met', metOn: inspectedOn });

    // Due on the 20th working day after today by the State Council calendar: holidays and 调休 days count right.
    const dueOn = addWorkingDays(today(), 20);
    expect(publication).toMatchObject({ state: 'running', owner: 'regulator', startedOn: today(), length: 20, dueOn });
    expect(isWorkingDay(dueOn)).toBe(true);
    expect(workingDaysBetween(today(), dueOn)).toBe(20);
    expect([...(publication?.assigneeIds ?? [])].sort()).toEqual(team.inspectors.map((i) => i.user.id).sort());
  });

  it('counts the publication limit across the National Day holiday and its make-up Saturday', async () => {
    const team = await buildTeam(database.db, '310115', staff);
    // Only Date is faked: "today" in Asia/Shanghai becomes Monday 2026-09-28, two days before National Day.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-09-28T02:00:00Z'));
    try {
      const inspection = await finished(team, {}, '2026-09-28');
      const publication = (await clocksOf(inspection.id)).find((c) => c.ruleId === 'inspection.publication');
      // 29–30 Sep, then 1–7 Oct off, 8–9 Oct, Saturday 10 Oct worked (调休), … the 20th working day is 30 Oct
      // (counting plain weekdays would give 26 Oct).
      expect(publication).toMatchObject({ startedOn: '2026-09-28', dueOn: '2026-10-30' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('flags an item that failed before at the same enterprise as a repeat', async () => {
    const team = await buildTeam(database.db, '310115', staff);
    const failing = { [GENERAL_ITEM]: { result: 'fail' as const, note: '未悬挂许可证', disposition: 'fixed_on_site' as const } };
    const first = await finished(team, failing, addCalendarDays(today(), -30));
    const second = await finished(team, { ...failing, [OTHER_GENERAL_ITEM]: { result: 'fail', note: '未配备食品安全员', disposition: 'fixed_on_site' } });

    expect((await findingsOf(first.id)).map((f) => f.earlierFailures)).toEqual([0]);
    expect((await findingsOf(second.id)).map((f) => [f.itemId, f.earlierFailures])).toEqual([
      [GENERAL_ITEM, 1],
      [OTHER_GENERAL_ITEM, 0],
    ]);

    // Another enterprise failing the same item is no repeat.
    const other = await buildTeam(database.db, '310115', staff);
    const elsewhere = await finished(other, failing);
    expect((await findingsOf(elsewhere.id)).map((f) => f.earlierFailures)).toEqual([0]);
  });
});
