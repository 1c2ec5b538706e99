import type { Db } from '../db/connect.ts';
import { loadDemoSelfInspection } from './demo-self-inspection.ts';
import { loadDemoTrace } from './demo-trace.ts';

/**
 * The demo records made through the platform's own services once the registry is loaded (each service opens
 * its own transaction, so they cannot run inside the registry load's): the traceability chain, then the
 * self-inspection reports (自查报告) and the release records (出厂放行) of the chain's lots.
 */
export async function loadDemoRecords(db: Db, options: { asOf: string }) {
  const trace = await loadDemoTrace(db, options);
  const selfInspection = await loadDemoSelfInspection(db, options);
  return { trace, selfInspection };
}
