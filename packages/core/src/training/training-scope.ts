import { sql, type RawBuilder } from 'kysely';
import { actorScope, type Actor } from '@shian/domain';

/**
 * Scope of the training tables, the same rule as `access/scope.ts`: regulators see rows under their
 * jurisdiction, enterprise users their enterprise's rows, anyone else nothing. An exam session is the bureau's
 * record about a jurisdiction: an enterprise sees it only when one of its managers is examined in it.
 */
export type TrainingTable = 'trainingRecords' | 'examCandidates' | 'examAttempts' | 'examSessions';

export function trainingScope(actor: Actor, table: TrainingTable): RawBuilder<boolean> {
  const scope = actorScope(actor);
  switch (scope.kind) {
    case 'jurisdiction':
      return sql<boolean>`${sql.ref(`${table}.jurisdictionCode`)} LIKE ${`${scope.prefix}%`}`;
    case 'enterprise':
      if (table === 'examSessions') {
        return sql<boolean>`EXISTS (SELECT 1 FROM exam_candidates ec WHERE ec.session_id = exam_sessions.id AND ec.enterprise_id = ${scope.enterpriseId})`;
      }
      return sql<boolean>`${sql.ref(`${table}.enterpriseId`)} = ${scope.enterpriseId}`;
    case 'none':
      return sql<boolean>`false`;
  }
}
