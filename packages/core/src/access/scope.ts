import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { actorScope, type Actor } from '@shian/domain';
import type { DB } from '../db/schema.ts';

/** Tables whose rows carry `jurisdiction_code` and (but for `enterprises`) `enterprise_id`. */
export type ScopedTable =
  | 'enterprises'
  | 'premises'
  | 'licences'
  | 'products'
  | 'people'
  | 'auditLog'
  | 'clocks'
  | 'riskProfiles'
  | 'riskGrades'
  | 'riskTriggers'
  | 'recusals'
  | 'inspections'
  | 'inspectionFindings'
  | 'rectificationOrders'
  | 'caseLeads'
  | 'apiKeys'
  | 'traceCodeBatches'
  | 'traceAlerts'
  | 'epcisCaptures'
  | 'epcisEvents'
  | 'recalls'
  | 'recallNotices'
  | 'monitoringDevices'
  | 'monitoringAlerts'
  | 'monitoringCameraEvents'
  | JurisdictionOnlyTable;

/** Regulators' own records, about no single enterprise: enterprise users never see them. */
type JurisdictionOnlyTable = 'draws' | 'inspectionPlans' | 'inspectionPlanItems';
const JURISDICTION_ONLY = new Set<ScopedTable>(['draws', 'inspectionPlans', 'inspectionPlanItems']);

/**
 * The one place where reads are narrowed to what an actor may see: a regulator sees rows under their
 * jurisdiction (a prefix of the code, served by `text_pattern_ops` indexes), an enterprise user the rows
 * of their enterprise, anyone else nothing. Every query module filters through this.
 */
export function scopeCondition(actor: Actor, table: ScopedTable): RawBuilder<boolean> {
  const scope = actorScope(actor);
  switch (scope.kind) {
    case 'jurisdiction':
      return sql<boolean>`${sql.ref(`${table}.jurisdictionCode`)} LIKE ${`${scope.prefix}%`}`;
    case 'enterprise': {
      if (JURISDICTION_ONLY.has(table)) return sql<boolean>`false`;
      const column = table === 'enterprises' ? 'id' : 'enterpriseId';
      return sql<boolean>`${sql.ref(`${table}.${column}`)} = ${scope.enterpriseId}`;
    }
    case 'none':
      return sql<boolean>`false`;
  }
}

/** Narrows an audit-log query: regulators by jurisdiction, enterprise users to their own enterprise's records. */
export function scopeAudit<O>(
  query: SelectQueryBuilder<DB, 'auditLog', O>,
  actor: Actor,
): SelectQueryBuilder<DB, 'auditLog', O> {
  return query.where(scopeCondition(actor, 'auditLog'));
}
