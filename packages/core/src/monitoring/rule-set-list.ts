import { sql } from 'kysely';
import { BUILTIN_RULE_SETS, assertCan, type Localised } from '@shian/domain';
import type { Ctx } from '../db/transaction.ts';
import { scopeCondition } from '../access/scope.ts';

/** A rule set a device may be put under (监测规则集), as the device page offers it. */
export interface RuleSetChoice {
  id: string;
  version: number;
  parentId: string | null;
  /** Null for a built-in set (GMP defaults); the enterprise of a site's override. */
  enterpriseId: string | null;
  name: Localised;
  source: string;
}

/**
 * Rule sets usable in the actor's scope: the built-in ones, then the overrides (现场调整) of enterprises the
 * actor may see (by the enterprise's scope), optionally of one enterprise only. Read only: the built-ins come
 * from the domain's list, which `ensureBuiltinRuleSets` stores unchanged.
 */
export async function listRuleSets(ctx: Ctx, query: { enterpriseId?: string | undefined } = {}): Promise<RuleSetChoice[]> {
  assertCan(ctx.actor, 'monitoring.read');
  const builtIn: RuleSetChoice[] = BUILTIN_RULE_SETS.map((r) => ({ id: r.id, version: r.version, parentId: r.parentId, enterpriseId: null, name: r.name, source: r.source }));
  let q = ctx.db
    .selectFrom('monitoringRuleSets')
    .innerJoin('enterprises', 'enterprises.id', 'monitoringRuleSets.enterpriseId')
    // Read as text: the camel-case plugin would rename keys inside the JSON.
    .select(['monitoringRuleSets.id', 'monitoringRuleSets.version', 'monitoringRuleSets.parentId', 'monitoringRuleSets.enterpriseId', 'monitoringRuleSets.source', sql<string>`monitoring_rule_sets.name::text`.as('nameText')])
    .where(scopeCondition(ctx.actor, 'enterprises'));
  if (query.enterpriseId) q = q.where('monitoringRuleSets.enterpriseId', '=', query.enterpriseId);
  const rows = await q.orderBy('monitoringRuleSets.enterpriseId').orderBy('monitoringRuleSets.createdAt').orderBy('monitoringRuleSets.id').limit(500).execute();
  // Stored by rule-set-service from a typed `Localised`.
  const overrides = rows.map((r) => ({ id: r.id, version: r.version, parentId: r.parentId, enterpriseId: r.enterpriseId, name: JSON.parse(r.nameText) as Localised, source: r.source }));
  return [...builtIn, ...overrides];
}
