import { AppError } from '@shian/domain';
import { ingestReadings, type Db, type IncomingReading, type IngestResult } from '@shian/core';

/** What one `add()` learns once its readings are committed: how many were new and how many repeats. */
export interface AddResult {
  stored: number;
  duplicates: number;
}

/** A reading refused by validation or by `ingestReadings`; `index` is its place in the `add()` call. */
export class ReadingsRefused extends Error {
  readonly refused: readonly { index: number; path: string; message: string }[];
  constructor(refused: readonly { index: number; path: string; message: string }[]) {
    super(`${refused.length} reading(s) refused`);
    this.refused = refused;
  }
}

export interface ReadingBatcherOptions {
  /** Longest wait before a partial batch is written. Default 50 ms. */
  maxDelayMs?: number;
  /** A batch is written at once when it holds this many readings. Default 5,000. */
  maxReadings?: number;
  /** The clock handed to ingestReadings (tests). */
  now?: () => Date;
}

interface Pending {
  readings: IncomingReading[];
  resolve: (result: AddResult) => void;
  reject: (error: Error) => void;
}

/**
 * Collects parsed readings from every source (MQTT, HTTPS) and writes them with `ingestReadings`, one batch at
 * a time, every `maxDelayMs` or `maxReadings`. Each `add()` resolves only when its readings are COMMITTED, so
 * an MQTT acknowledgement can wait for durability. A reading refused by `ingestReadings` (unknown or retired
 * device, future time) does not poison its batch: the batch is retried without the refused readings and only
 * the `add()` calls that held them are rejected, with `ReadingsRefused` naming each.
 */
export class ReadingBatcher {
  readonly #db: Db;
  readonly #maxDelayMs: number;
  readonly #maxReadings: number;
  readonly #now: () => Date;
  #queue: Pending[] = [];
  #queued = 0;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #closed = false;

  constructor(db: Db, options: ReadingBatcherOptions = {}) {
    this.#db = db;
    this.#maxDelayMs = options.maxDelayMs ?? 50;
    this.#maxReadings = options.maxReadings ?? 5_000;
    this.#now = options.now ?? (() => new Date());
  }

  /** Queues readings; resolves after they (or their earlier copies) are stored, rejects if refused or on failure. */
  add(readings: readonly IncomingReading[]): Promise<AddResult> {
    if (this.#closed) return Promise.reject(new AppError('unavailable'));
    const invalid = validateReadings(readings);
    if (invalid.length) return Promise.reject(new ReadingsRefused(invalid));
    if (readings.length === 0) return Promise.resolve({ stored: 0, duplicates: 0 });
    return new Promise<AddResult>((resolve, reject) => {
      this.#queue.push({ readings: [...readings], resolve, reject });
      this.#queued += readings.length;
      if (this.#queued >= this.#maxReadings) this.#kick();
      else this.#timer ??= setTimeout(() => this.#kick(), this.#maxDelayMs);
    });
  }

  /** Writes what is queued now rather than after the delay (a source that waits for each ack gains nothing from waiting). */
  flush(): void {
    this.#kick();
  }

  /** Writes what is queued, then refuses new readings. */
  async close(): Promise<void> {
    this.#closed = true;
    while (this.#queue.length > 0 || this.#running) {
      this.#kick();
      await this.#running;
    }
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #kick(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#running || this.#queue.length === 0) return;
    this.#running = this.#drain().finally(() => {
      this.#running = null;
      if (this.#queue.length > 0) {
        if (this.#queued >= this.#maxReadings || this.#closed) this.#kick();
        else this.#timer ??= setTimeout(() => this.#kick(), this.#maxDelayMs);
      }
    });
  }

  /** Takes up to `maxReadings` (whole `add()` calls) and writes them as one batch. */
  async #drain(): Promise<void> {
    const batch: Pending[] = [];
    let count = 0;
    while (this.#queue.length > 0 && (batch.length === 0 || count + this.#queue[0]!.readings.length <= this.#maxReadings)) {
      const next = this.#queue.shift()!;
      batch.push(next);
      count += next.readings.length;
    }
    this.#queued -= count;
    await writeBatch(this.#db, batch, this.#now());
  }
}

/** Writes a batch, dropping the `add()` calls whose readings `ingestReadings` refuses and retrying the rest. */
async function writeBatch(db: Db, batch: Pending[], now: Date): Promise<void> {
  let live = batch;
  while (live.length > 0) {
    const flat = live.flatMap((p, owner) => p.readings.map((r, index) => ({ owner, index, r })));
    let result: IngestResult;
    try {
      result = await ingestReadings(db, flat.map((f) => f.r), now);
    } catch (error) {
      const refused = refusedByOwner(error, flat);
      if (!refused) {
        for (const p of live) p.reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      for (const [owner, items] of refused) live[owner]!.reject(new ReadingsRefused(items));
      live = live.filter((_, owner) => !refused.has(owner));
      continue;
    }
    // One statement stored the whole batch; repeats are shared out per call by what came back new.
    const share = splitCounts(live, result.stored);
    live.forEach((p, i) => p.resolve(share[i]!));
    return;
  }
}

/** Maps `ingestReadings`' `readings.{i}.field` details back to the `add()` calls; null if not a refusal of readings. */
function refusedByOwner(error: unknown, flat: readonly { owner: number; index: number }[]): Map<number, { index: number; path: string; message: string }[]> | null {
  if (!(error instanceof AppError) || error.code !== 'request.invalid' || !error.details?.length) return null;
  const byOwner = new Map<number, { index: number; path: string; message: string }[]>();
  for (const d of error.details) {
    const match = /^readings\.(\d+)\.(\w+)$/.exec(d.path);
    const item = match ? flat[Number(match[1])] : undefined;
    if (!match || !item) return null;
    const list = byOwner.get(item.owner) ?? [];
    list.push({ index: item.index, path: `readings.${item.index}.${match[2]}`, message: d.message });
    byOwner.set(item.owner, list);
  }
  return byOwner;
}

/** Attributes the batch's new readings to its calls in order (exact when each call's readings are all new or all repeats). */
function splitCounts(live: readonly Pending[], stored: number): AddResult[] {
  let left = stored;
  return live.map((p) => {
    const mine = Math.min(left, p.readings.length);
    left -= mine;
    return { stored: mine, duplicates: p.readings.length - mine };
  });
}

/** Shape checks before a reading may join a batch: a device id, a valid time, a finite value. */
export function validateReadings(readings: readonly IncomingReading[]): { index: number; path: string; message: string }[] {
  return readings.flatMap((r, index) => [
    ...(typeof r.deviceId !== 'string' || !UUID.test(r.deviceId) ? [{ index, path: `readings.${index}.deviceId`, message: 'field.monitoring_device_unknown' }] : []),
    ...(!(r.at instanceof Date) || Number.isNaN(r.at.getTime()) ? [{ index, path: `readings.${index}.at`, message: 'field.schema_format_date_time' }] : []),
    ...(typeof r.value !== 'number' || !Number.isFinite(r.value) ? [{ index, path: `readings.${index}.value`, message: 'field.monitoring_number' }] : []),
  ]);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
