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
}
