import type { Db } from '../db/connect.ts';
import { claimNextJob, completeJob, failJob, type JobRow } from './job-queue.ts';

export type JobHandler = (db: Db, job: JobRow) => Promise<unknown>;

export interface JobWorker {
  /** Runs due jobs until none is left; resolves to how many ran. Tests and the CLI call this directly. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

export interface JobWorkerOptions {
  pollMs?: number;
  /** Called every `everyMs` (and at start) to queue recurring jobs. */
  schedule?: () => Promise<void>;
  scheduleEveryMs?: number;
  onError?: (error: unknown, job: JobRow | null) => void;
}

/**
 * Polls the queue in the platform process: one job at a time (a 2-core machine serves requests too), each in
 * its own handler, failures recorded on the job and retried. `stop()` waits for the job in hand.
 */
export function startJobWorker(db: Db, handlers: Record<string, JobHandler>, options: JobWorkerOptions = {}): JobWorker {
  const kinds = Object.keys(handlers);
  const pollMs = options.pollMs ?? 2000;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<unknown> = Promise.resolve();
  let lastScheduled = 0;

  async function runOne(): Promise<boolean> {
    const job = await claimNextJob(db, kinds);
    if (!job) return false;
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await completeJob(db, job.id, await handler(db, job));
    } catch (error) {
      options.onError?.(error, job);
      await failJob(db, job, error);
    }
    return true;
  }

  async function drain(): Promise<number> {
    let ran = 0;
    while (!stopped && (await runOne())) ran += 1;
    return ran;
  }

  async function tick(): Promise<void> {
    try {
      if (options.schedule && Date.now() - lastScheduled >= (options.scheduleEveryMs ?? 600_000)) {
        lastScheduled = Date.now();
        await options.schedule();
      }
      await drain();
    } catch (error) {
      options.onError?.(error, null);
    }
    if (!stopped) timer = setTimeout(() => (current = tick()), pollMs);
  }

  if (options.pollMs !== 0) timer = setTimeout(() => (current = tick()), 0);

  return {
    drain,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
