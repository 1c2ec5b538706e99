/**
 * The demo city's enterprise duties (主体责任): every producer keeps a risk-control list started 60 days ago
 * from the template of its kind, with about 60 days of daily checks (日管控) and a few missing days, a couple
 * of hazards (隐患) — most fixed, some open, one of the demo enterprise's overdue and so escalated to its
 * director — weekly reports (周排查) signed by the director and monthly minutes (月调度). The demo enterprise
 * has not recorded today, so its 日管控 page offers the one-tap button. Rows are written in bulk inside the
 * demo load's transaction (its `demo.load` audit entry covers them); open hazards get their deadline clocks.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Insertable } from 'kysely';
import { addCalendarDays, dutyPeriods, isoWeekMonday, suggestDutyTemplate } from '@shian/domain';
import type { DutyDailyChecksTable, DutyHazardsTable, DutyListsTable, DutyMonthlyMinutesTable, DutyRiskItemsTable, DutyWeeklyReportsTable } from '../db/schema-duties.ts';
import type { TrxCtx } from '../db/transaction.ts';
import { startClock } from '../deadlines/clock-service.ts';
import { HAZARD_CLOCK } from '../duties/daily-check-service.ts';
import { createRandom } from './random.ts';

const HISTORY_DAYS = 60;
const CHUNK = 1000;

const PROBLEMS = [
  { area: '原辅料贮存', text: '原料库温度 27°C，超出 25°C 上限', fix: '检修空调并加装温度报警，复测 22°C' },
  { area: '洁净区', text: '十万级洁净区与一般区压差 6Pa，低于 10Pa', fix: '更换初效过滤器并调节送风量，复测 12Pa' },
  { area: '人员管理', text: '一名操作工未按规定佩戴发帽进入车间', fix: '现场纠正并组织班组卫生规范再培训' },
  { area: '设备设施', text: '包装线电子秤校准证书过期', fix: '送检校准并更新设备台账' },
  { area: '虫害控制', text: '成品库捕鼠器记录缺失 3 天', fix: '补齐巡查并指定专人每日记录' },
] as const;

interface Summary {
  lists: number;
  checks: number;
  hazards: number;
  weeklyReports: number;
  monthlyMinutes: number;
}

async function insertChunks<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** Loads the duties of every demo producer; `demoEnterpriseId` gets the fixed story (gaps, an escalated hazard). */
export async function loadDemoDuties(trx: TrxCtx, options: { seed: number; asOf: string; demoEnterpriseId: string }): Promise<Summary> {
  const random = createRandom(options.seed, 'duties');
  const { asOf } = options;
  const startedOn = addCalendarDays(asOf, -HISTORY_DAYS);
  const producers = await trx.db
    .selectFrom('enterprises')
    .select(['id', 'jurisdictionCode', 'kinds'])
    .select((eb) => eb.selectFrom('products').select((p) => p.fn.max('category').as('c')).whereRef('products.enterpriseId', '=', 'enterprises.id').where('category', '=', 'infant_formula').as('infant'))
    .where(sql<boolean>`kinds @> ARRAY['producer']::text[]`)
    .orderBy('uscc')
    .execute();
  const people = await trx.db
    .selectFrom('people')
    .select(['id', 'enterpriseId', 'name', 'role'])
    .where('role', 'in', ['food_safety_director', 'food_safety_officer'])
    .where('endedOn', 'is', null)
    .execute();

  const lists: Insertable<DutyListsTable>[] = [];
  const items: Insertable<DutyRiskItemsTable>[] = [];
  const checks: Insertable<DutyDailyChecksTable>[] = [];
  const hazards: (Insertable<DutyHazardsTable> & { fixedOn: string | null })[] = [];
  const weekly: Insertable<DutyWeeklyReportsTable>[] = [];
  const monthly: Insertable<DutyMonthlyMinutesTable>[] = [];
  const openHazards: { id: string; enterpriseId: string; jurisdictionCode: string; description: string; ownerName: string; foundOn: string; dueOn: string }[] = [];
  const periods = dutyPeriods(startedOn, asOf);

  for (const p of producers) {
    const isDemo = p.id === options.demoEnterpriseId;
    const template = suggestDutyTemplate({ kinds: p.kinds, productCategories: p.infant ? ['infant_formula'] : ['health_food'] });
    const director = people.find((x) => x.enterpriseId === p.id && x.role === 'food_safety_director');
    const officer = people.find((x) => x.enterpriseId === p.id && x.role === 'food_safety_officer');
    const checker = officer?.name ?? director?.name ?? '食品安全员';
    const base = { enterpriseId: p.id, jurisdictionCode: p.jurisdictionCode };
    lists.push({ ...base, templateId: template.id, startedOn, createdBy: null });
    const itemIds = template.items.map((item, i) => {
      const id = randomUUID();
      items.push({ ...base, id, templateKey: item.key, position: i + 1, area: item.area, hazard: item.hazard, control: item.control, frequency: item.frequency, retiredOn: null });
      return { id, area: item.area };
    });

    // Gaps: the demo enterprise misses 3 fixed days; the others 0–15 % of days, so the district tables differ.
    const gapRate = isDemo ? 0 : random.pick([0, 0.02, 0.05, 0.08, 0.15]);
    const demoGaps = new Set([addCalendarDays(asOf, -9), addCalendarDays(asOf, -23), addCalendarDays(asOf, -24)]);
    const checkIds = new Map<string, string>();
    for (const day of periods.days) {
      if (!day.ended) continue; // today is the user's to record
      if (isDemo ? demoGaps.has(day.key) : random.chance(gapRate)) continue;
      const id = randomUUID();
      checkIds.set(day.key, id);
      checks.push({ ...base, id, checkDate: day.key, outcome: 'no_problem', note: null, checkedBy: null, checkedByName: checker });
    }

    // Hazards: the demo enterprise has one fixed, one open and one overdue (escalated); others 0–2, mostly fixed.
    const story = isDemo
      ? [
          { ago: 30, dueIn: 5, fixed: true },
          { ago: 2, dueIn: 5, fixed: false },
          { ago: 12, dueIn: 7, fixed: false },
        ]
      : Array.from({ length: random.int(0, 2) }, () => ({ ago: random.int(3, 55), dueIn: random.int(2, 10), fixed: random.chance(0.8) }));
    for (const h of story) {
      const foundOn = addCalendarDays(asOf, -h.ago);
      const checkId = checkIds.get(foundOn);
      if (!checkId) continue;
      const problem = random.pick(PROBLEMS);
      const item = itemIds.find((i) => i.area === problem.area) ?? null;
      const dueOn = addCalendarDays(foundOn, h.dueIn);
      const fixedOn = h.fixed ? addCalendarDays(foundOn, random.int(1, h.dueIn)) : null;
      const id = randomUUID();
      const owner = director?.name ?? checker;
      const check = checks.find((c) => c.id === checkId);
      if (check) check.outcome = 'problems';
      hazards.push({ ...base, id, dailyCheckId: checkId, riskItemId: item?.id ?? null, foundOn, description: problem.text, ownerName: owner, dueOn, status: h.fixed ? 'fixed' : 'open', fixNote: h.fixed ? problem.fix : null, fixedOn, fixedBy: null });
      if (!h.fixed) openHazards.push({ id, ...base, description: problem.text, ownerName: owner, foundOn, dueOn });
    }

    // Weekly reports need a director to sign them; one week in ten is missed (the demo enterprise misses one).
    if (director) {
      const weeks = periods.weeks.filter((w) => w.ended);
      weeks.forEach((w, i) => {
        if (isDemo ? i === weeks.length - 3 : random.chance(0.1)) return;
        const monday = isoWeekMonday(w.key);
        const sunday = addCalendarDays(monday, 6);
        const found = hazards.filter((h) => h.enterpriseId === p.id && h.foundOn >= monday && h.foundOn <= sunday).length;
        const fixed = hazards.filter((h) => h.enterpriseId === p.id && h.fixedOn !== null && h.fixedOn >= monday && h.fixedOn <= sunday).length;
        const summary = found ? `本周日管控发现隐患 ${found} 项，已整改 ${fixed} 项，其余按期限跟踪。` : '本周日管控均为零风险，抽查风险管控清单各项措施落实到位。';
        weekly.push({ ...base, id: randomUUID(), week: w.key, weekStart: monday, summary, hazardsFound: found, hazardsFixed: fixed, signedByPersonId: director.id, signedByName: director.name });
      });
    }
    for (const m of periods.months.filter((x) => x.ended)) {
      if (!isDemo && random.chance(0.1)) continue;
      monthly.push({
        ...base,
        id: randomUUID(),
        month: m.key,
        meetingOn: addCalendarDays(`${m.key}-01`, 27),
        attendees: [director?.name ?? '主要负责人', checker, '生产部经理', '质量部经理'],
        decisions: '听取食品安全总监本月工作汇报；对本月隐患整改情况逐项复核；修订风险管控清单中原料贮存条目。',
        nextFocus: '夏季高温高湿：加强原料库和洁净区温湿度监控，开展一次召回演练。',
      });
    }
  }

  await insertChunks(lists, (c) => trx.db.insertInto('dutyLists').values(c).execute());
  await insertChunks(items, (c) => trx.db.insertInto('dutyRiskItems').values(c).execute());
  await insertChunks(checks, (c) => trx.db.insertInto('dutyDailyChecks').values(c).execute());
  await insertChunks(hazards, (c) => trx.db.insertInto('dutyHazards').values(c).execute());
  await insertChunks(weekly, (c) => trx.db.insertInto('dutyWeeklyReports').values(c).execute());
  await insertChunks(monthly, (c) => trx.db.insertInto('dutyMonthlyMinutes').values(c).execute());
  for (const h of openHazards) {
    await startClock(trx, { ...HAZARD_CLOCK, subjectId: h.id, enterpriseId: h.enterpriseId, jurisdictionCode: h.jurisdictionCode, label: `隐患 ${h.description.slice(0, 40)}（${h.ownerName}）`, startedOn: h.foundOn, length: Math.round((Date.parse(h.dueOn) - Date.parse(h.foundOn)) / 86_400_000) });
  }
  return { lists: lists.length, checks: checks.length, hazards: hazards.length, weeklyReports: weekly.length, monthlyMinutes: monthly.length };
}
