import { withOwnConnection } from '../../db/connect.ts';
import { withTransaction, type Ctx, type TrxCtx } from '../../db/transaction.ts';
import { rebuildEpcPlaces, writeEpcPlaces, type EpcPlaceRow } from '../../trace/places/epc-places.ts';
import { copyEvents } from './copy-events.ts';
import type { CaptureTarget } from './event-store.ts';
import { insertEvents } from './insert-events.ts';
import type { EventRow } from './normalise-event.ts';

/** How a capture stores what it derives, inside its transaction. */
export interface CaptureWriter {
  /** Stores rows of captured events; resolves to the rows stored. */
  events(target: CaptureTarget, rows: readonly EventRow[]): Promise<number>;
  /** Stores the places of the capture's objects, and derives again those of objects whose events it retracted. */
  places(rows: readonly EpcPlaceRow[], retracted: Iterable<string>): Promise<void>;
}

/**
 * The transaction of a capture, with the fastest way in its engine to store rows: on a PostgreSQL server
 * the transaction holds a connection of its own and the rows go by COPY on it; on PGlite by INSERT.
 */
export async function withCaptureTransaction<T>(ctx: Ctx, fn: (trx: TrxCtx, write: CaptureWriter) => Promise<T>): Promise<T> {
  return withOwnConnection(ctx.db, (db, client) =>
    withTransaction({ ...ctx, db }, (trx) =>
      fn(trx, {
        events: (target, rows) => (client ? copyEvents(client, target, rows) : insertEvents(trx.db, target, rows)),
        places: async (rows, retracted) => {
          await writeEpcPlaces(trx.db, client, rows);
          await rebuildEpcPlaces(trx.db, retracted);
        },
      }),
    ),
  );
}
