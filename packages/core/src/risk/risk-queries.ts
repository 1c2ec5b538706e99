import { sql } from 'kysely';
import { AppError, assertCan, type RiskGrade } from '@shian/domain';
import { scopeCondition } from '../access/scope.ts';
import type { Ctx } from '../db/transaction.ts';
import type { RiskGradeRow } from './risk-grading.ts';
import type { RiskProfileRow } from './risk-profile-service.ts';
import type { RiskTriggerRow } from './risk-trigger-service.ts';

export interface RiskDossier {
  enterpriseId: string;
  profile: RiskProfileRow | null;
  current: RiskGradeRow | null;
  history: RiskGradeRow[];
  triggers: RiskTriggerRow[];
}

/** An enterprise's risk file: facts, current grade with its explanation, every earlier grade, triggers. */
export async function findRiskDossier(ctx: Ctx, enterpriseId: string): Promise<RiskDossier> {
  assertCan(ctx.actor, 'risk.read');
  const enterprise = await ctx.db.selectFrom('enterprises').select(['id']).where('id', '=', enterpriseId).where(scopeCondition(ctx.actor, 'enterprises')).executeTakeFirst();
  if (!enterprise) throw new AppError('resource.not_found');
  const [profile, history, triggers] = await Promise.all([
    ctx.db.selectFrom('riskProfiles').selectAll().where('enterpriseId', '=', enterpriseId).executeTakeFirst(),
    ctx.db.selectFrom('riskGrades').selectAll().where('enterpriseId', '=', enterpriseId).orderBy('createdAt', 'desc').orderBy('id').limit(50).execute(),
    ctx.db.selectFrom('riskTriggers').selectAll().where('enterpriseId', '=', enterpriseId).orderBy('occurredOn', 'desc').limit(100).execute(),
  ]);
  return { enterpriseId, profile: profile ?? null, current: history.find((g) => g.isCurrent) ?? null, history, triggers };
}

/** How many enterprises of the jurisdiction hold each grade, and how many have none yet. */
export async function countGrades(ctx: Ctx): Promise<Record<RiskGrade | 'none', number>> {
  assertCan(ctx.actor, 'risk.read');
  const rows = await ctx.db
    .selectFrom('enterprises')
    .leftJoin('riskProfiles', 'riskProfiles.enterpriseId', 'enterprises.id')
    .select(['riskProfiles.currentGrade as grade', sql<number>`count(*)::int`.as('n')])
    .where(scopeCondition(ctx.actor, 'enterprises'))
    .where('enterprises.status', '=', 'active')
    .groupBy('riskProfiles.currentGrade')
    .execute();
  const out: Record<RiskGrade | 'none', number> = { A: 0, B: 0, C: 0, D: 0, none: 0 };
  for (const r of rows) out[r.grade ?? 'none'] += r.n;
  return out;
}
