import { checkSilentDevices, type Db } from '@shian/core';
import type { TelemetryLog } from './telemetry-listener.ts';

export interface SilenceTimer {
  /** Waits for a check in progress, then stops. */
  stop(): Promise<void>;
}

/**
 * Runs the silence check (失联检测) every `everyMs` (default one minute) in the platform process, so a device
 * that stops reporting or a camera that goes offline opens its alert within a minute of its rule's limit. A
 * timer rather than a queued job: it is short, idempotent (one open alert per condition) and safe to run in
 * every instance at once (candidates are locked with SKIP LOCKED). A failed check is logged; the next one runs.
 */
export function startSilenceTimer(db: Db, log: TelemetryLog, everyMs = 60_000): SilenceTimer {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const check = (): void => {
    running = checkSilentDevices(db).catch((error: unknown) => log.error({ err: error }, 'monitoring: silence check failed'));
  };
  const timer = setInterval(() => {
    if (!stopped) check();
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
