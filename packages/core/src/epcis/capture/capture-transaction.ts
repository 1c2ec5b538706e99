import { withOwnConnection } from '../../db/connect.ts';
import { withTransaction, type Ctx, type TrxCtx } from '../../db/transaction.ts';
import { copyEvents } from './copy-events.ts';
import type { CaptureTarget } from './event-store.ts';
import { insertEvents } from './insert-events.ts';
import type { EventRow } from './normalise-event.ts';

/** Stores rows of captured events inside the capture's transaction; resolves to the rows stored. */
export type EventWriter = (target: CaptureTarget, rows: readonly EventRow[]) => Promise<number>;

/**
 * The transaction of a capture, with the fastest way in its engine to store events: on a PostgreSQL server
 * the transaction holds a connection of its own and the events go by COPY on it; on PGlite by INSERT.
 */
export async function withCaptureTransaction<T>(ctx: Ctx, fn: (trx: TrxCtx, write: EventWriter) => Promise<T>): Promise<T> {
  return withOwnConnection(ctx.db, (db, client) =>
    withTransaction({ ...ctx, db }, (trx) => fn(trx, client ? (target, rows) => copyEvents(client, target, rows) : (target, rows) => insertEvents(trx.db, target, rows))),
  );
}
