import { isWithin, scopePrefix } from '@shian/domain';
import type { Db } from '../db/connect.ts';
import type { Trx } from '../db/transaction.ts';

/** One enforcement officer in the roster (执法检查人员名录库) with the enterprises they must recuse from (回避). */
export interface RosterInspector {
  id: string;
  displayName: string;
  jurisdictionCode: string;
  recusedEnterpriseIds: string[];
}

/**
 * Active inspectors whose jurisdiction covers `jurisdictionCode` or lies inside it: the pool for a district's
 * draws and plans. Each carries its active recusals.
 */
export async function loadInspectorRoster(db: Db | Trx, jurisdictionCode: string): Promise<RosterInspector[]> {
  const district = scopePrefix(jurisdictionCode).slice(0, 6);
  const users = await db
    .selectFrom('users')
    .select(['id', 'displayName', 'jurisdictionCode'])
    .where('role', '=', 'inspector')
    .where('active', '=', true)
    .where((eb) => eb.or([eb('jurisdictionCode', 'like', `${district}%`), eb('jurisdictionCode', '=', '310000')]))
    .orderBy('id')
    .execute();
  const pool = users.filter(
    (u): u is typeof u & { jurisdictionCode: string } =>
      u.jurisdictionCode !== null && (isWithin(u.jurisdictionCode, jurisdictionCode) || isWithin(jurisdictionCode, u.jurisdictionCode)),
  );
  if (pool.length === 0) return [];
  const recusals = await db
    .selectFrom('recusals')
    .select(['inspectorId', 'enterpriseId'])
    .where('withdrawnAt', 'is', null)
    .where(
      'inspectorId',
      'in',
      pool.map((u) => u.id),
    )
    .execute();
  const byInspector = new Map<string, string[]>();
  for (const r of recusals) byInspector.set(r.inspectorId, [...(byInspector.get(r.inspectorId) ?? []), r.enterpriseId]);
  return pool.map((u) => ({ id: u.id, displayName: u.displayName, jurisdictionCode: u.jurisdictionCode, recusedEnterpriseIds: byInspector.get(u.id) ?? [] }));
}

/** Why an inspector may not inspect an enterprise, or null when they may (49号令 §23; jurisdiction). */
export function ineligibility(inspector: RosterInspector, enterprise: { id: string; jurisdictionCode: string }): 'recused' | 'out_of_jurisdiction' | null {
  if (!isWithin(enterprise.jurisdictionCode, inspector.jurisdictionCode)) return 'out_of_jurisdiction';
  if (inspector.recusedEnterpriseIds.includes(enterprise.id)) return 'recused';
  return null;
}
