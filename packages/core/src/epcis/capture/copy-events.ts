import { setImmediate } from 'node:timers/promises';
import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { CaptureTarget } from './event-store.ts';
import { ARRAYS, SCALARS } from './insert-events.ts';
import type { EventRow } from './normalise-event.ts';

/**
 * The insert of captured events on a PostgreSQL server: `COPY epcis_events FROM STDIN` in text format, one
 * COPY per chunk, on the capture transaction's own connection. COPY is the server's cheapest way in (no
 * statement to parse, no parameters to unpack); on PostgreSQL 15 it takes about a third less server CPU per
 * row than the INSERT of `insert-events.ts`, which PGlite keeps using.
 */

/** The columns of the COPY: where the rows belong, then the event's own columns as the INSERT has them. */
export const COPY_COLUMNS = ['record_time', 'enterprise_id', 'jurisdiction_code', 'capture_id', ...SCALARS, ...ARRAYS, 'doc'] as const;

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value in COPY's text format: `\N` for NULL, backslash, tab, newline and carriage return escaped. */
export function copyField(value: string | null): string {
  if (value === null) return '\\N';
  return NEEDS_ESCAPE.test(value) ? value.replace(/[\\\t\n\r]/g, (ch) => ESCAPES[ch] ?? ch) : value;
}

const NEEDS_QUOTE_ESCAPE = /["\\]/;

/** A text[] literal (`{"a","b"}`, each item quoted, `"` and `\` escaped), as a COPY field. */
export function copyArray(values: readonly string[]): string {
  if (values.length === 0) return '{}';
  let literal = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    literal += `${i === 0 ? '' : ','}"${NEEDS_QUOTE_ESCAPE.test(value) ? value.replace(/["\\]/g, (ch) => `\\${ch}`) : value}"`;
  }
  return copyField(`${literal}}`);
}

/** The fields every row of one capture shares (record time, enterprise, jurisdiction, capture), tab-separated. */
export function copyPrefix(target: CaptureTarget): string {
  return [target.recordTime.toISOString(), target.enterpriseId, target.jurisdictionCode, target.captureId].map(copyField).join('\t');
}

/** One row of {@link COPY_COLUMNS} in text format, newline-terminated. */
export function copyLine(prefix: string, r: EventRow): string {
  let line = prefix;
  for (const name of SCALARS) line += `\t${copyField(r[name])}`;
  for (const name of ARRAYS) line += `\t${copyArray(r[name])}`;
  return `${line}\t${copyField(JSON.stringify(r.doc))}\n`;
}

export const COPY_STATEMENT = `COPY epcis_events (${COPY_COLUMNS.join(', ')}) FROM STDIN`;

/** Characters per write to the COPY stream. */
const WRITE_SIZE = 1 << 19;

/**
 * Runs `COPY … FROM STDIN` through `client` (queued behind whatever the connection is running) with the
 * lines given, each newline-terminated; resolves to the rows the server stored. The lines are written in
 * slices of about half a megabyte, with the event loop let run between them, so the server stores the first
 * rows while the last are still being encoded.
 */
export async function copyLines(client: pg.ClientBase, statement: string, lines: Iterable<string>): Promise<number> {
  const stream = client.query(copyFrom(statement));
  // Rejects when the server refuses the data (the stream emits 'error').
  const done = once(stream, 'finish');
  let slice = '';
  for (const line of lines) {
    slice += line;
    if (slice.length >= WRITE_SIZE) {
      stream.write(slice);
      slice = '';
      await setImmediate(); // lets the event loop run (socket writes in flight)
    }
  }
  stream.end(slice);
  await done;
  return stream.rowCount;
}

/** Copies captured events into `epcis_events` (see {@link copyLines}). */
export async function copyEvents(client: pg.ClientBase, target: CaptureTarget, rows: readonly EventRow[]): Promise<number> {
  const prefix = copyPrefix(target);
  return copyLines(client, COPY_STATEMENT, (function* () {
    for (const row of rows) yield copyLine(prefix, row);
  })());
}
