import { GCProfiler, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { summarise } from './stats.ts';

/**
 * Wall time and memory of one operation, repeated. Before each repetition the heap is collected, so every
 * run starts from the same live set; during it V8's GC profiler records every collection with the heap used
 * just before it. Heap used only falls at a collection, so the largest of those and the figure at the end is
 * the exact peak of the JavaScript heap. RSS (which includes PGlite's WebAssembly memory and the PostgreSQL
 * client's buffers) is sampled every few milliseconds while the operation awaits, and read at its end.
 */

// `gc()` without asking the caller for `node --expose-gc`: the flag applies to contexts created after it.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void; // a function once the flag is set

export interface RunFigures {
  ms: number;
  /** Peak JavaScript heap used during the run, above the heap at its start (after a full collection). */
  heapPeak: number;
  /** Heap still used after a full collection with the result held: what the result keeps alive. */
  heapRetained: number;
  /** Peak resident set size during the run, above the RSS at its start. */
  rssPeak: number;
  /** Collections during the run and the time they took. */
  gcCount: number;
  gcMs: number;
}

export interface Measured<T> {
  label: string;
  runs: RunFigures[];
  /** The result of the last repetition. */
  last: T;
}

export interface Summary {
  label: string;
  n: number;
  p50: number;
  p95: number;
  heapPeak: number;
  heapRetained: number;
  rssPeak: number;
  gcCount: number;
  gcMs: number;
}

const median = (values: number[]): number => summarise(values).p50;

/** Runs `task` `warmups` times unmeasured, then `repetitions` times measured. */
export async function measure<T>(label: string, repetitions: number, task: (repetition: number) => T | Promise<T>, warmups = 0): Promise<Measured<T>> {
  for (let i = 0; i < warmups; i += 1) await task(-1 - i);
  const runs: RunFigures[] = [];
  // Boxed: a task may well return undefined.
  let last: { value: T } | null = null;
  for (let i = 0; i < repetitions; i += 1) {
    collectGarbage();
    const base = process.memoryUsage();
    let rssMax = base.rss;
    const sampler = setInterval(() => {
      rssMax = Math.max(rssMax, process.memoryUsage.rss());
    }, 5);
    const profiler = new GCProfiler();
    profiler.start();
    const t0 = performance.now();
    const result = await task(i);
    const ms = performance.now() - t0;
    const end = process.memoryUsage();
    const gcs = profiler.stop()?.statistics ?? [];
    clearInterval(sampler);
    rssMax = Math.max(rssMax, end.rss);
    const heapMax = Math.max(end.heapUsed, ...gcs.map((gc) => gc.beforeGC.heapStatistics.usedHeapSize));
    collectGarbage();
    const retained = process.memoryUsage().heapUsed - base.heapUsed;
    last = { value: result };
    runs.push({
      ms,
      heapPeak: heapMax - base.heapUsed,
      heapRetained: Math.max(0, retained),
      rssPeak: rssMax - base.rss,
      gcCount: gcs.length,
      gcMs: gcs.reduce((sum, gc) => sum + gc.cost, 0) / 1000,
    });
  }
  if (!last) throw new RangeError(`${label}: repetitions must be at least 1`);
  return { label, runs, last: last.value };
}

/** Median and p95 time; median heap figures; the largest RSS growth; median collections per run. */
export function summariseRuns(measured: { label: string; runs: RunFigures[] }): Summary {
  const times = summarise(measured.runs.map((r) => r.ms));
  return {
    label: measured.label,
    n: measured.runs.length,
    p50: times.p50,
    p95: times.p95,
    heapPeak: median(measured.runs.map((r) => r.heapPeak)),
    heapRetained: median(measured.runs.map((r) => r.heapRetained)),
    rssPeak: Math.max(...measured.runs.map((r) => r.rssPeak)),
    gcCount: median(measured.runs.map((r) => r.gcCount)),
    gcMs: median(measured.runs.map((r) => r.gcMs)),
  };
}

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const time = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms >= 100 ? 0 : 1)} ms`);

/** Prints rows as an aligned table; `ratio` is the row's median time over its baseline's, when given. */
export function printTable(title: string, rows: readonly (Summary & { ratio?: string | undefined })[]): void {
  const header = ['', 'runs', 'p50', 'p95', 'heap peak', 'heap kept', 'RSS peak', 'GCs (ms)', 'ratio'];
  const lines = rows.map((r) => [
    r.label,
    String(r.n),
    time(r.p50),
    time(r.p95),
    mib(r.heapPeak),
    mib(r.heapRetained),
    mib(r.rssPeak),
    `${r.gcCount} (${r.gcMs.toFixed(0)})`,
    r.ratio ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(`\n${title}`);
  console.log(format(header));
  for (const line of lines) console.log(format(line));
}

/** `a / b` as `×1.23`. */
export const ratio = (a: number, b: number): string => `×${(a / b).toFixed(b > 0 && a / b < 10 ? 2 : 0)}`;
