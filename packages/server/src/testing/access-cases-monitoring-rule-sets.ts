import type { AccessCase } from './access-cases.ts';

/** Access cases of the rule-set list (监测规则集): the grant decides; overrides are narrowed to scope by the query. */
export const MONITORING_RULE_SET_CASES: AccessCase[] = [{ endpoint: 'GET /api/v1/monitoring/rule-sets', needs: 'monitoring.read' }];
