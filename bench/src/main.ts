import { parseArgs } from 'node:util';
import { benchDrawAndPlan } from './draw-and-plan.ts';
import { benchRegistrySearch } from './registry-search.ts';
import { benchEpcisCapture } from './epcis-capture.ts';
import { benchIssueCodes, benchScanPage } from './scan-page.ts';
import { benchMonitoringIngest } from './monitoring-ingest.ts';

// `npm run bench -- <name> [options]`: each benchmark prints its figures; docs/performance.md records them.
const [name, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: {
    sellers: { type: 'string' },
    requests: { type: 'string' },
    concurrency: { type: 'string' },
    repetitions: { type: 'string' },
    'db-repetitions': { type: 'string' },
    events: { type: 'string' },
    pglite: { type: 'boolean' },
    codes: { type: 'string' },
    batches: { type: 'string' },
    connections: { type: 'string' },
    duration: { type: 'string' },
    keep: { type: 'boolean' },
    reuse: { type: 'boolean' },
    months: { type: 'string' },
    rate: { type: 'string' },
    chunks: { type: 'string' },
    devices: { type: 'string' },
    'per-message': { type: 'string' },
  },
});
switch (name) {
  case 'registry-search':
    await benchRegistrySearch({
      sellers: Number(values.sellers ?? 100_000),
      requests: Number(values.requests ?? 2000),
      concurrency: Number(values.concurrency ?? 8),
    });
    break;
  case 'draw-and-plan':
    await benchDrawAndPlan({
      sellers: Number(values.sellers ?? 100_000),
      repetitions: Number(values.repetitions ?? 7),
      dbRepetitions: Number(values['db-repetitions'] ?? 3),
    });
    break;
  case 'epcis-capture':
    await benchEpcisCapture({ events: Number(values.events ?? 200_000), pglite: values.pglite === true });
    break;
  case 'scan-page':
    await benchScanPage({
      events: Number(values.events ?? 10_000_000),
      codes: Number(values.codes ?? 1_000_000),
      batches: Number(values.batches ?? 300),
      connections: Number(values.connections ?? 50),
      duration: Number(values.duration ?? 20),
      keep: values.keep === true,
      reuse: values.reuse === true,
      months: Number(values.months ?? 12),
      rate: Number(values.rate ?? 3000),
    });
    break;
  case 'issue-codes':
    await benchIssueCodes({
      codes: Number(values.codes ?? 1_000_000),
      pglite: values.pglite === true,
      chunks: (values.chunks ?? '5000,20000,50000').split(',').map(Number),
    });
    break;
  case 'monitoring-ingest':
    await benchMonitoringIngest({
      devices: Number(values.devices ?? 2000),
      rate: Number(values.rate ?? 12_000),
      duration: Number(values.duration ?? 20),
      perMessage: Number(values['per-message'] ?? 1),
      pglite: values.pglite === true,
    });
    break;
  default:
    console.log('benchmarks: registry-search [--sellers N] [--requests N] [--concurrency N]');
    console.log('            draw-and-plan [--sellers N] [--repetitions N] [--db-repetitions N]');
    console.log('            epcis-capture [--events N] [--pglite]');
    console.log('            issue-codes [--codes N] [--pglite] [--chunks 5000,20000,50000]');
    console.log('            scan-page [--events N] [--codes N] [--batches N] [--months N] [--connections N] [--duration S] [--rate N] [--keep] [--reuse]');
    console.log('            monitoring-ingest [--devices N] [--rate N] [--duration S] [--per-message N] [--pglite]');
    process.exitCode = 2;
}
