import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { COPY_RULES, clientNetwork, copyRuleFires, minScansForCopyRules, type CopyRule } from '@shian/domain';
import type { Db } from '../../db/connect.ts';
import { gtinSpellings } from './scan-facts.ts';

/**
 * Scan counting for the public scan page without a write per request: scans are buffered in this process
 * and flushed every ~100 ms in ONE statement (`UPDATE trace_codes … FROM unnest(…)` — the array form of
 * `FROM (VALUES …)`, which keeps the parameter count fixed — with the `INSERT INTO trace_scans` in the same
 * statement), and on shutdown.
 *
 * A crash (not a shutdown) loses at most one flush interval of scan counts. That is acceptable: the count is
 * a hint to the buyer and an input to copy detection, not a record anyone relies on; a copied code is
 * scanned again and again, so the few lost scans never hide one. Recalls, the codes and the facts on the page
 * are never buffered.
 *
 * After each flush the copy rules (`@shian/domain` scan-rules.ts) are evaluated for the codes it touched that
 * have enough scans to matter, and one `possible_copy` alert is opened per code; scans of codes the platform
 * never issued open one `unknown_code` alert per GTIN (later scans update it).
 */

interface PendingCode {
  gtin: string;
  serial: string;
  count: number;
  first: Date;
  last: Date;
  scans: { at: Date; client: string }[];
}

interface PendingUnknown {
  gtin: string;
  count: number;
  serials: Set<string>;
  lots: Set<string>;
  first: Date;
  last: Date;
}

/** A scan of an issued item code. */
export interface ScanEvent {
  gtin: string;
  serial: string;
  /** The client's IP address: only a salted hash of its network is kept. */
  address: string;
  at?: Date;
}

/** A scan of a code the platform never issued (or a GTIN it does not know). */
export interface UnknownScanEvent {
  gtin: string;
  lot: string | null;
  serial: string | null;
  address: string;
  at?: Date;
}

export interface FlushResult {
  codes: number;
  scans: number;
  unknownGtins: number;
  copyAlerts: number;
}

export interface ScanRecorder {
  record(scan: ScanEvent): void;
  recordUnknown(scan: UnknownScanEvent): void;
  /** Scans of a code buffered here and not yet stored: the page adds them to the stored count. */
  pending(gtin: string, serial: string): { count: number; first: Date | null };
  /** Writes what is buffered now (a flush already under way is waited for first). */
  flush(): Promise<FlushResult>;
  /** Stops the timer and flushes what is left. */
  close(): Promise<void>;
}

export interface ScanRecorderOptions {
  /** Salt of the client-network hash (a secret of the deployment, so hashes cannot be reversed by table). */
  salt: string;
  /** Flush interval; 0 disables the timer (tests flush by hand). Default 100 ms: a flush updates one random page of `trace_codes` per code, so a larger one holds a core long enough to stall the scans behind it. */
  flushMs?: number;
  rules?: readonly CopyRule[];
  /** Buffered codes beyond which scans are dropped while the database is unreachable. */
  maxPending?: number;
  onError?: (error: unknown) => void;
}

/**
 * The stored time of scan `i` of a code: scans within the same millisecond (a burst, often the very thing
 * copy detection looks for) get successive microseconds, so that each keeps its own `trace_scans` row.
 */
function scanTime(scans: readonly { at: Date }[], i: number): string {
  const ms = scans[i]?.at.getTime() ?? 0;
  let micro = 0;
  for (let j = i - 1; j >= 0 && scans[j]?.at.getTime() === ms && micro < 999; j--) micro++;
  return `${new Date(ms).toISOString().slice(0, -1)}${String(micro).padStart(3, '0')}Z`;
}

/** Most unknown serials kept on one alert as examples. */
const ALERT_SERIAL_SAMPLES = 20;

/** Starts a recorder that flushes on a timer (unref'd: it never keeps the process alive). */
export function createScanRecorder(db: Db, options: ScanRecorderOptions): ScanRecorder {
  const rules = options.rules ?? COPY_RULES;
  const minScans = minScansForCopyRules(rules);
  const maxPending = options.maxPending ?? 200_000;
  let codes = new Map<string, PendingCode>();
  let unknown = new Map<string, PendingUnknown>();
  let running: Promise<FlushResult> | null = null;
  const clientOf = (address: string): string => createHash('sha256').update(options.salt).update('\u0000').update(clientNetwork(address)).digest('base64url').slice(0, 22);

  function record(scan: ScanEvent): void {
    const key = `${scan.gtin}/${scan.serial}`;
    const at = scan.at ?? new Date();
    const entry = codes.get(key);
    if (entry) {
      entry.count += 1;
      entry.last = at;
      entry.scans.push({ at, client: clientOf(scan.address) });
    } else if (codes.size < maxPending) {
      codes.set(key, { gtin: scan.gtin, serial: scan.serial, count: 1, first: at, last: at, scans: [{ at, client: clientOf(scan.address) }] });
    }
  }

  function recordUnknown(scan: UnknownScanEvent): void {
    const at = scan.at ?? new Date();
    const entry = unknown.get(scan.gtin) ?? { gtin: scan.gtin, count: 0, serials: new Set<string>(), lots: new Set<string>(), first: at, last: at };
    entry.count += 1;
    entry.last = at;
    if (scan.serial !== null && entry.serials.size < ALERT_SERIAL_SAMPLES) entry.serials.add(scan.serial);
    if (scan.lot !== null && entry.lots.size < ALERT_SERIAL_SAMPLES) entry.lots.add(scan.lot);
    if (unknown.size < maxPending || unknown.has(scan.gtin)) unknown.set(scan.gtin, entry);
  }

  function pending(gtin: string, serial: string): { count: number; first: Date | null } {
    const entry = codes.get(`${gtin}/${serial}`);
    return entry ? { count: entry.count, first: entry.first } : { count: 0, first: null };
  }

  /** Puts back what a failed flush took, so the next one tries again. */
  function restore(taken: Map<string, PendingCode>, takenUnknown: Map<string, PendingUnknown>): void {
    for (const [key, entry] of taken) {
      const now = codes.get(key);
      if (now) {
        now.count += entry.count;
        now.first = entry.first;
        now.scans.unshift(...entry.scans);
      } else if (codes.size < maxPending) codes.set(key, entry);
    }
    for (const [gtin, entry] of takenUnknown) {
      const now = unknown.get(gtin);
      if (now) {
        now.count += entry.count;
        now.first = entry.first;
      } else unknown.set(gtin, entry);
    }
  }

  async function write(taken: Map<string, PendingCode>, takenUnknown: Map<string, PendingUnknown>): Promise<FlushResult> {
    let candidates: { gtin: string; serial: string; batchId: string }[] = [];
    let scans = 0;
    if (taken.size > 0) {
      const list = [...taken.values()].sort((a, b) => (a.gtin + a.serial < b.gtin + b.serial ? -1 : 1));
      const flat = list.flatMap((c) => c.scans.map((s, i) => ({ gtin: c.gtin, serial: c.serial, at: scanTime(c.scans, i), client: s.client })));
      scans = flat.length;
      const result = await sql<{ gtin: string; serial: string; batchId: string }>`
        WITH v AS (
          SELECT * FROM unnest(${sql.val(list.map((c) => c.gtin))}::text[], ${sql.val(list.map((c) => c.serial))}::text[],
            ${sql.val(list.map((c) => c.count))}::int[], ${sql.val(list.map((c) => c.first.toISOString()))}::timestamptz[],
            ${sql.val(list.map((c) => c.last.toISOString()))}::timestamptz[]) AS t(gtin, serial, n, first_at, last_at)
        ), bumped AS (
          UPDATE trace_codes c SET scan_count = c.scan_count + v.n,
            first_scanned_at = coalesce(c.first_scanned_at, v.first_at),
            last_scanned_at = greatest(c.last_scanned_at, v.last_at)
          FROM v WHERE c.gtin = v.gtin AND c.serial = v.serial
          RETURNING c.gtin, c.serial, c.batch_id, c.scan_count
        ), logged AS (
          INSERT INTO trace_scans (gtin, serial, scanned_at, client)
          SELECT * FROM unnest(${sql.val(flat.map((s) => s.gtin))}::text[], ${sql.val(flat.map((s) => s.serial))}::text[],
            ${sql.val(flat.map((s) => s.at))}::timestamptz[], ${sql.val(flat.map((s) => s.client))}::text[])
          ON CONFLICT DO NOTHING
        )
        SELECT gtin, serial, batch_id FROM bumped WHERE scan_count >= ${Number.isFinite(minScans) ? minScans : 2 ** 31 - 1}`.execute(db);
      candidates = result.rows;
    }
    const copyAlerts = candidates.length > 0 ? await openCopyAlerts(db, candidates, rules) : 0;
    if (takenUnknown.size > 0) await openUnknownAlerts(db, [...takenUnknown.values()]);
    return { codes: taken.size, scans, unknownGtins: takenUnknown.size, copyAlerts };
  }

  async function flushNow(): Promise<FlushResult> {
    const taken = codes;
    const takenUnknown = unknown;
    codes = new Map();
    unknown = new Map();
    try {
      return await write(taken, takenUnknown);
    } catch (error) {
      restore(taken, takenUnknown);
      throw error;
    }
  }

  async function flush(): Promise<FlushResult> {
    while (running) await running.catch(() => undefined);
    running = flushNow();
    try {
      return await running;
    } finally {
      running = null;
    }
  }

  const timer =
    options.flushMs === 0
      ? null
      : setInterval(() => {
          if (running || (codes.size === 0 && unknown.size === 0)) return;
          flush().catch((error: unknown) => options.onError?.(error));
        }, options.flushMs ?? 100);
  timer?.unref();

  return {
    record,
    recordUnknown,
    pending,
    flush,
    async close() {
      if (timer) clearInterval(timer);
      await flush();
    },
  };
}

/** Evaluates the copy rules for codes with enough scans; opens one alert per code that breaks one. */
async function openCopyAlerts(db: Db, codes: { gtin: string; serial: string; batchId: string }[], rules: readonly CopyRule[]): Promise<number> {
  const now = Date.now();
  const since = (rule: CopyRule): string => new Date(now - rule.windowHours * 3_600_000).toISOString();
  const earliest = new Date(now - Math.max(...rules.map((r) => r.windowHours)) * 3_600_000).toISOString();
  const measures = rules.map(
    (rule, i) => sql`${rule.measure === 'scans' ? sql`count(*)` : sql`count(DISTINCT s.client)`} FILTER (WHERE s.scanned_at >= ${since(rule)}::timestamptz) AS ${sql.ref(`m${i}`)}`,
  );
  const counted = await sql<Record<string, number | string>>`
    SELECT s.gtin, s.serial, ${sql.join(measures)}
    FROM trace_scans s
    JOIN unnest(${sql.val(codes.map((c) => c.gtin))}::text[], ${sql.val(codes.map((c) => c.serial))}::text[]) AS t(gtin, serial)
      ON s.gtin = t.gtin AND s.serial = t.serial
    WHERE s.scanned_at >= ${earliest}::timestamptz
    GROUP BY s.gtin, s.serial`.execute(db);
  const fired: { gtin: string; serial: string; reason: string }[] = [];
  for (const row of counted.rows) {
    const triggered = rules
      .map((rule, i) => ({ rule, value: Number(row[`m${i}`] ?? 0) }))
      .filter(({ rule, value }) => copyRuleFires(rule, { scans: rule.measure === 'scans' ? value : 0, networks: rule.measure === 'networks' ? value : 0 }));
    if (triggered.length === 0) continue;
    const reason = { rules: triggered.map(({ rule, value }) => ({ id: rule.id, measure: rule.measure, windowHours: rule.windowHours, atLeast: rule.atLeast, value })) };
    fired.push({ gtin: String(row.gtin), serial: String(row.serial), reason: JSON.stringify(reason) });
  }
  if (fired.length === 0) return 0;
  const inserted = await sql`
    INSERT INTO trace_alerts (id, kind, gtin, serial, lot, batch_id, enterprise_id, jurisdiction_code, reason)
    SELECT t.id, 'possible_copy', c.gtin, c.serial, b.lot, b.id, b.enterprise_id, b.jurisdiction_code, t.reason::jsonb
    FROM unnest(${sql.val(fired.map(() => randomUUID()))}::uuid[], ${sql.val(fired.map((f) => f.gtin))}::text[],
      ${sql.val(fired.map((f) => f.serial))}::text[], ${sql.val(fired.map((f) => f.reason))}::text[]) AS t(id, gtin, serial, reason)
    JOIN trace_codes c ON c.gtin = t.gtin AND c.serial = t.serial
    JOIN trace_code_batches b ON b.id = c.batch_id
    ON CONFLICT (kind, gtin, (coalesce(serial, ''))) WHERE status = 'open' DO NOTHING`.execute(db);
  return Number(inserted.numAffectedRows ?? 0);
}

/** One open `unknown_code` alert per GTIN: opened by the first such scan, counted up by later ones. */
async function openUnknownAlerts(db: Db, entries: PendingUnknown[]): Promise<void> {
  const reasons = entries.map((e) => JSON.stringify({ scans: e.count, serials: [...e.serials], lots: [...e.lots], firstAt: e.first.toISOString(), lastAt: e.last.toISOString() }));
  const spellings = entries.map((e) => `{${gtinSpellings(e.gtin).join(',')}}`);
  await sql`
    INSERT INTO trace_alerts (id, kind, gtin, serial, lot, batch_id, enterprise_id, jurisdiction_code, reason)
    SELECT t.id, 'unknown_code', t.gtin, NULL, NULL, NULL, p.enterprise_id, coalesce(p.jurisdiction_code, '310000'), t.reason::jsonb
    FROM unnest(${sql.val(entries.map(() => randomUUID()))}::uuid[], ${sql.val(entries.map((e) => e.gtin))}::text[],
      ${sql.val(reasons)}::text[], ${sql.val(spellings)}::text[]) AS t(id, gtin, reason, spellings)
    LEFT JOIN LATERAL (
      SELECT q.enterprise_id, q.jurisdiction_code FROM products q WHERE q.gtins && t.spellings::text[]
      ORDER BY (q.status = 'active') DESC, q.created_at LIMIT 1
    ) p ON true
    ON CONFLICT (kind, gtin, (coalesce(serial, ''))) WHERE status = 'open' DO UPDATE SET reason = jsonb_build_object(
      'scans', (trace_alerts.reason->>'scans')::int + (EXCLUDED.reason->>'scans')::int,
      'serials', (SELECT coalesce(jsonb_agg(x), '[]'::jsonb) FROM (
        SELECT DISTINCT x FROM jsonb_array_elements_text((trace_alerts.reason->'serials') || (EXCLUDED.reason->'serials')) AS x LIMIT ${ALERT_SERIAL_SAMPLES}) AS s),
      'lots', (SELECT coalesce(jsonb_agg(x), '[]'::jsonb) FROM (
        SELECT DISTINCT x FROM jsonb_array_elements_text((trace_alerts.reason->'lots') || (EXCLUDED.reason->'lots')) AS x LIMIT ${ALERT_SERIAL_SAMPLES}) AS s),
      'firstAt', trace_alerts.reason->'firstAt',
      'lastAt', EXCLUDED.reason->'lastAt')`.execute(db);
}
