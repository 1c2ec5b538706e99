import type { FastifyInstance } from 'fastify';
import type { Database } from '@shian/core';
import type { Config } from '../config.ts';
import { registerAuditRoutes } from './system/audit.routes.ts';
import { registerAuthRoutes } from './auth/auth.routes.ts';
import { registerDashboardRoutes } from './system/dashboard.routes.ts';
import { registerEnterpriseRoutes } from './registry/enterprise.routes.ts';
import { registerExportRoutes } from './registry/export.routes.ts';
import { registerImportRoutes } from './registry/import.routes.ts';
import { registerLicenceRoutes } from './registry/licence.routes.ts';
import { registerPersonRoutes } from './registry/person.routes.ts';
import { registerPremisesRoutes } from './registry/premises.routes.ts';
import { registerProductRoutes } from './registry/product.routes.ts';
import { registerJurisdictionRoutes } from './system/jurisdiction.routes.ts';
import { registerInspectionRoutes } from './inspection/inspection.routes.ts';
import { registerRectificationRoutes } from './inspection/rectification.routes.ts';
import { registerRecusalRoutes } from './inspection/recusal.routes.ts';
import { registerRiskRoutes } from './risk/risk.routes.ts';
import { registerPlanRoutes } from './planning/plan.routes.ts';
import { registerDrawRoutes } from './planning/draw.routes.ts';
import { registerPublicResultRoutes } from './public/results.routes.ts';
import { registerWorkQueueRoutes } from './work/work-queue.routes.ts';
import { registerCodeRoutes } from './trace/codes.routes.ts';
import { registerApiKeyRoutes } from './trace/api-keys.routes.ts';
import { registerTraceOperationRoutes } from './trace/operations.routes.ts';
import { registerRecallRoutes } from './trace/recall.routes.ts';
import { registerTraceRoutes } from './trace/trace.routes.ts';
import { registerSelfInspectionRoutes } from './self-inspection/self-inspection.routes.ts';
import { registerQaReleaseRoutes } from './self-inspection/qa-release.routes.ts';
import { registerTrainingRoutes } from './training/training.routes.ts';
import { registerDutyRoutes } from './duties/duties.routes.ts';
import { registerMonitoringReadingRoutes } from './monitoring/readings.routes.ts';
import { registerMonitoringDeviceRoutes } from './monitoring/devices.routes.ts';
import { registerMonitoringAlertRoutes } from './monitoring/alerts.routes.ts';

export interface RouteDeps {
  database: Database;
  config: Config;
}

/** Every API route, under /api/v1. A capability adds one line here. */
export async function registerRoutes(api: FastifyInstance, deps: RouteDeps): Promise<void> {
  registerAuthRoutes(api, deps);
  registerJurisdictionRoutes(api, deps);
  registerDashboardRoutes(api, deps);
  registerEnterpriseRoutes(api, deps);
  registerImportRoutes(api, deps);
  registerExportRoutes(api, deps);
  registerLicenceRoutes(api, deps);
  registerProductRoutes(api, deps);
  registerPersonRoutes(api, deps);
  registerPremisesRoutes(api, deps);
  registerAuditRoutes(api, deps);
  registerWorkQueueRoutes(api, deps);
  registerRiskRoutes(api, deps);
  registerPlanRoutes(api, deps);
  registerDrawRoutes(api, deps);
  registerRecusalRoutes(api, deps);
  registerInspectionRoutes(api, deps);
  registerRectificationRoutes(api, deps);
  registerPublicResultRoutes(api, deps);
  registerCodeRoutes(api, deps);
  registerApiKeyRoutes(api, deps);
  registerTraceOperationRoutes(api, deps);
  registerTraceRoutes(api, deps);
  registerRecallRoutes(api, deps);
  registerSelfInspectionRoutes(api, deps);
  registerQaReleaseRoutes(api, deps);
  registerTrainingRoutes(api, deps);
  registerDutyRoutes(api, deps);
  registerMonitoringReadingRoutes(api, deps);
  registerMonitoringDeviceRoutes(api, deps);
  registerMonitoringAlertRoutes(api, deps);
}
