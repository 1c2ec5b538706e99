import type { Selectable } from 'kysely';
import { AppError, assertCan, type CreditClass, type TRiskFacts } from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import type { RiskProfilesTable } from '../db/schema.ts';
import { withTransaction, type Ctx } from '../db/transaction.ts';
import { lockEnterprise } from '../registry/enterprise-service.ts';
import { assertVersion } from '../registry/guards.ts';

export type RiskProfileRow = Selectable<RiskProfilesTable>;

export interface RiskProfileInput {
  risk: TRiskFacts;
  /** 企业信用风险分类 from the credit system; entered by hand until the credit capability provides it. */
  creditClass: CreditClass | null;
  /** The version edited, when the profile exists. */
  version?: number | undefined;
}

/**
 * Records the facts an enterprise's static risk score is computed from (风险因素: food category, scale, area,
 * SKU counts by storage temperature, suppliers). Regulators record them; an enterprise's administrator may
 * declare its own, which the next grading reads like any other (every change audited).
 */
export async function saveRiskProfile(ctx: Ctx, enterpriseId: string, input: RiskProfileInput): Promise<RiskProfileRow> {
  return withTransaction(ctx, async (trx) => {
    const enterprise = await lockEnterprise(trx, enterpriseId);
    const target = { jurisdictionCode: enterprise.jurisdictionCode, enterpriseId: enterprise.id };
    if (ctx.actor.role === 'enterprise_admin') assertCan(ctx.actor, 'registry.update', target);
    else assertCan(ctx.actor, 'risk.manage', target);
    const before = await trx.db.selectFrom('riskProfiles').selectAll().where('enterpriseId', '=', enterpriseId).forUpdate().executeTakeFirst();
    // Only a regulator sets the credit class; an enterprise keeps what is on file.
    const creditClass = ctx.actor.role === 'enterprise_admin' ? (before?.creditClass ?? null) : input.creditClass;
    let after: RiskProfileRow;
    if (before) {
      if (input.version === undefined) throw new AppError('resource.conflict');
      assertVersion(before.version, input.version);
      after = await trx.db
        .updateTable('riskProfiles')
        .set({ sector: input.risk.sector, facts: JSON.stringify(input.risk.facts), creditClass, version: before.version + 1, updatedAt: new Date() })
        .where('enterpriseId', '=', enterpriseId)
        .returningAll()
        .executeTakeFirstOrThrow();
    } else {
      after = await trx.db
        .insertInto('riskProfiles')
        .values({ enterpriseId, jurisdictionCode: enterprise.jurisdictionCode, sector: input.risk.sector, facts: JSON.stringify(input.risk.facts), creditClass, currentGrade: null })
        .returningAll()
        .executeTakeFirstOrThrow();
    }
    await recordAudit(trx, { action: before ? 'risk_profile.update' : 'risk_profile.create', entityType: 'risk_profile', entityId: enterpriseId, ...target, before: before ?? null, after });
    return after;
  });
}
