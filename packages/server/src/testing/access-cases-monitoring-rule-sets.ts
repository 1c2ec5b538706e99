import { ENTERPRISE_KEYS, recordOf, type AccessCase } from './access-cases.ts';

/** Access cases of the rule-set list (监测规则集): the grant decides; overrides are narrowed to scope by the query. */
export const MONITORING_RULE_SET_CASES: AccessCase[] = [
  { endpoint: 'GET /api/v1/monitoring/rule-sets', needs: 'monitoring.read' },
  // A site's override for A, B or C: the enterprise's admin or its regulators (monitoring.manage).
  {
    endpoint: 'POST /api/v1/monitoring/rule-sets',
    needs: 'monitoring.manage',
    on: ENTERPRISE_KEYS,
    target: recordOf('enterprises', (e) => e.enterprise.id),
    request: ({ f, on }) => ({
      payload: { enterpriseId: f.at(on).enterprise.id, parentId: 'gmp-clean-area/1', name: { 'zh-CN': '矩阵规则', 'en-US': 'Matrix rules' }, source: '矩阵测试', override: { sustainSeconds: 120 } },
    }),
  },
];
