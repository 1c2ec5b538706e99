import type { Db } from '../db/connect.ts';
import { loadDemoMonitoring } from './demo-monitoring.ts';
import { loadDemoSelfInspection } from './demo-self-inspection.ts';
import { loadDemoTrace } from './demo-trace.ts';
import { DEFAULT_DEMO_SEED } from './load-demo.ts';

/**
 * The demo records made through the platform's own services once the registry is loaded (each service opens
 * its own transaction, so they cannot run inside the registry load's): the traceability chain, then the
 * self-inspection reports (自查报告) and the release records (出厂放行) of the chain's lots, then the monitoring
 * devices (智慧监管) with a day of readings through `ingestReadings`.
 */
export async function loadDemoRecords(db: Db, options: { asOf: string; seed?: number }) {
  const trace = await loadDemoTrace(db, options);
  const selfInspection = await loadDemoSelfInspection(db, options);
  const monitoring = await loadDemoMonitoring(db, { seed: options.seed ?? DEFAULT_DEMO_SEED });
  return { trace, selfInspection, monitoring };
}
