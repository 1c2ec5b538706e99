import { ENTERPRISE_KEYS, recordOf, type AccessCase } from './access-cases.ts';

/**
 * Access cases of the monitoring wall (监测大屏) and a site's charts (监测曲线): reads with `monitoring.read`.
 * The wall's rows are narrowed to scope by its query; a site outside scope answers 404.
 */
export const MONITORING_WALL_CASES: AccessCase[] = [
  { endpoint: 'GET /api/v1/monitoring/wall', needs: 'monitoring.read' },
  {
    endpoint: 'GET /api/v1/monitoring/sites/{enterpriseId}',
    needs: 'monitoring.read',
    on: ENTERPRISE_KEYS,
    target: recordOf('enterprises', (e) => e.enterprise.id),
    request: ({ target }) => ({ params: { enterpriseId: target?.kind === 'record' ? target.id : '' }, query: 'hours=168' }),
  },
];
