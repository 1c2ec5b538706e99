import { parseArgs } from 'node:util';
import { benchRegistrySearch } from './registry-search.ts';

// `npm run bench -- <name> [options]`: each benchmark prints its figures; docs/performance.md records them.
const [name, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: { sellers: { type: 'string' }, requests: { type: 'string' }, concurrency: { type: 'string' } },
});
switch (name) {
  case 'registry-search':
    await benchRegistrySearch({
      sellers: Number(values.sellers ?? 100_000),
      requests: Number(values.requests ?? 2000),
      concurrency: Number(values.concurrency ?? 8),
    });
    break;
  default:
    console.log('benchmarks: registry-search [--sellers N] [--requests N] [--concurrency N]');
    process.exitCode = 2;
}
