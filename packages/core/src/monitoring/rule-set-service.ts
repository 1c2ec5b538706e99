import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { BUILTIN_RULE_SETS, checkRuleSetOverride, overrideRuleSet, type Localised, type RuleSet, type RuleSetData, type RuleSetOverride, invalidRequest } from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/connect.ts';
import { withTransaction, type Ctx, type Trx } from '../db/transaction.ts';
import { lockEnterpriseFor } from '../duties/duty-access.ts';

/** Writes the built-in rule sets (GMP clean-area defaults) if missing. Idempotent; never changes a stored version. */
export async function ensureBuiltinRuleSets(db: Db | Trx): Promise<void> {
  await db
    .insertInto('monitoringRuleSets')
    .values(BUILTIN_RULE_SETS.map((r) => ({ id: r.id, version: r.version, parentId: null, enterpriseId: null, jurisdictionCode: null, name: JSON.stringify(r.name), data: JSON.stringify(r.data), source: r.source, createdBy: null })))
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export interface StoredRuleSet extends RuleSet {
  enterpriseId: string | null;
}

/** Rule sets by id (stored JSON as written by this module). */
export async function loadRuleSets(db: Db | Trx, ids: readonly string[]): Promise<Map<string, StoredRuleSet>> {
  if (ids.length === 0) return new Map();
  // Read as text: the camel-case plugin would rename the snake_case keys inside the JSON (`out_of_range`).
  const rows = await db
    .selectFrom('monitoringRuleSets')
    .select(['id', 'version', 'parentId', 'enterpriseId', 'source', sql<string>`name::text`.as('nameText'), sql<string>`data::text`.as('dataText')])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      // Stored by this module from typed values: the JSON has the domain shapes.
      { id: r.id, version: r.version, parentId: r.parentId, name: JSON.parse(r.nameText) as Localised, source: r.source, data: JSON.parse(r.dataText) as RuleSetData, enterpriseId: r.enterpriseId },
    ]),
  );
}

/** A rule set a device of `enterpriseId` may use: a built-in one, or an override of that enterprise. */
export async function usableRuleSet(db: Db | Trx, id: string, enterpriseId: string): Promise<StoredRuleSet | null> {
  await ensureBuiltinRuleSets(db);
  const found = (await loadRuleSets(db, [id])).get(id);
  return found && (found.enterpriseId === null || found.enterpriseId === enterpriseId) ? found : null;
}

/**
 * A site's override (现场调整) of a rule set: stored as a new version with the parent as it is. Devices keep
 * their rule set until it is set to the new one (audited there).
 */
export async function createRuleSetOverride(ctx: Ctx, enterpriseId: string, input: { parentId: string; name: Localised; source: string; override: RuleSetOverride }): Promise<StoredRuleSet> {
  return withTransaction(ctx, async (trx) => {
    const enterprise = await lockEnterpriseFor(trx, enterpriseId, 'monitoring.manage');
    const parent = await usableRuleSet(trx.db, input.parentId, enterpriseId);
    if (!parent) throw invalidRequest([{ path: 'parentId', message: 'field.monitoring_rule_set_unknown' }]);
    const problems = checkRuleSetOverride(input.override, parent).map((p) => ({ ...p, path: `override.${p.path}` }));
    if (!input.source.trim()) problems.push({ path: 'source', message: 'field.required' });
    if (problems.length) throw invalidRequest(problems);
    const made = overrideRuleSet(parent, input.override, { id: randomUUID(), name: input.name, source: input.source.trim() });
    await trx.db
      .insertInto('monitoringRuleSets')
      .values({ id: made.id, version: made.version, parentId: made.parentId, enterpriseId, jurisdictionCode: enterprise.jurisdictionCode, name: JSON.stringify(made.name), data: JSON.stringify(made.data), source: made.source, createdBy: ctx.actor.userId })
      .execute();
    await recordAudit(trx, { action: 'monitoring.rule_set_override', entityType: 'monitoring_rule_set', entityId: made.id, jurisdictionCode: enterprise.jurisdictionCode, enterpriseId, before: null, after: made });
    return { ...made, enterpriseId };
  });
}
