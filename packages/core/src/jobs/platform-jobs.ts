import type { Db } from '../db/connect.ts';
import { escalateOverdueOrders } from '../inspection/rectification-service.ts';
import { today } from '../registry/guards.ts';
import { regradeAll } from '../risk/risk-grading.ts';
import { issueCodesJob } from '../trace/codes/issue-codes.ts';
import { recallTraceJob } from '../trace/recall/recall-job.ts';
import { enqueueJob } from './job-queue.ts';
import { CAPTURE_JOB_KIND, runCaptureJob } from '../epcis/capture/capture-job.ts';
import { ensureEventPartitions } from '../epcis/capture/event-partitions.ts';
import { ensureReadingPartitions } from '../monitoring/reading-partitions.ts';
import { refreshStatistics } from '../db/maintenance.ts';
import type { JobHandler } from './job-worker.ts';

/** Job kinds and what runs them. */
export const PLATFORM_JOBS: Record<string, JobHandler> = {
  /** The yearly re-grade (风险等级年度评定), payload `{ year, jurisdictionCode }`. */
  'risk.regrade': async (db, job) => {
    const payload = job.payload as { year: number; jurisdictionCode?: string };
    return regradeAll(db, { year: payload.year, jurisdictionCode: payload.jurisdictionCode ?? '310000', jobId: job.id });
  },
  /** The daily deadline sweep: rectification orders past their deadline escalate. */
  'deadlines.sweep': async (db) => ({ escalated: await escalateOverdueOrders(db, today()) }),
  /** A recall's trace (召回追溯), payload `{ recallId }`: the snapshot on the recall and a notice per downstream enterprise. */
  'recall.trace': recallTraceJob,
  /** Issues a batch's item codes (一物一码), payload `{ batchId }`: resumable, progress on the batch. */
  'trace.issue-codes': issueCodesJob,
  /** An accepted EPCIS document (采集), payload `{ captureId }`: stored in one transaction, or not at all. */
  [CAPTURE_JOB_KIND]: runCaptureJob,
  /** Daily: the monthly partitions of the EPCIS events for this month and the next two. */
  'epcis.partitions': async (db) => ensureEventPartitions(db),
  /**
   * Daily: the monthly partitions of the sensor readings (监测数据) for this month and the next two, and fresh
   * planner statistics of the devices and alerts the wall reads (PGlite has no autovacuum to keep them).
   */
  'monitoring.partitions': async (db) => {
    const partitions = await ensureReadingPartitions(db);
    await refreshStatistics(db, ['monitoring_devices', 'monitoring_alerts']);
    return partitions;
  },
};

/**
 * Queues the recurring jobs (idempotent by dedupe key): today's deadline sweep, and next year's re-grade to
 * run on 1 January, 01:00 Asia/Shanghai.
 */
export async function scheduleRecurringJobs(db: Db, now: Date = new Date()): Promise<void> {
  const day = today();
  await enqueueJob(db, { kind: 'deadlines.sweep', dedupeKey: `deadlines.sweep:${day}`, runAfter: now });
  await enqueueJob(db, { kind: 'epcis.partitions', dedupeKey: `epcis.partitions:${day}`, runAfter: now });
  await enqueueJob(db, { kind: 'monitoring.partitions', dedupeKey: `monitoring.partitions:${day}`, runAfter: now });
  const nextYear = Number(day.slice(0, 4)) + 1;
  await enqueueJob(db, {
    kind: 'risk.regrade',
    dedupeKey: `risk.regrade:310000:${nextYear}`,
    payload: { year: nextYear, jurisdictionCode: '310000' },
    runAfter: new Date(`${nextYear}-01-01T01:00:00+08:00`),
  });
}
