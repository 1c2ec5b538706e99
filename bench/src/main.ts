import { parseArgs } from 'node:util';
import { benchDrawAndPlan } from './draw-and-plan.ts';
import { benchRegistrySearch } from './registry-search.ts';

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
  default:
    console.log('benchmarks: registry-search [--sellers N] [--requests N] [--concurrency N]');
    console.log('            draw-and-plan [--sellers N] [--repetitions N] [--db-repetitions N]');
    process.exitCode = 2;
}
