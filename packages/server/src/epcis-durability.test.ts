import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exited, kill9, platformProcess } from './testing/platform-process.ts';
import { SYSTEM_ACTOR } from '@shian/domain';
import { connectDatabase, createApiKey, migrateToLatest, seedJurisdictions } from '@shian/core';
import { buildCapturingEnterprise, epcisDocument, itemLink, type CapturingEnterprise } from '@shian/core/epcis/capture/capture-test-kit.ts';

// The platform process on the embedded database: an EPCIS capture acknowledged with 202 survives a kill -9
// right after the answer and a kill -9 in the middle of its job, completes after the restart with every
// event stored exactly once, and is never visible half-stored. (On a PostgreSQL server the lease applies.)
const platform = platformProcess('epcis-durability', 4100);
const base = platform.base;
const dataDir = platform.dataDir;
const start = (): ReturnType<typeof platform.start> => platform.start();
const EVENTS = 20_000;

afterAll(() => platform.dispose());

let enterprise: CapturingEnterprise;
let key = '';
const auth = () => ({ authorization: `Bearer ${key}` });

/** A document of `EVENTS` observations at the enterprise's premises, each with its own eventID. */
function bigDocument(tag: string): { text: string; first: string; last: string } {
  const ids = Array.from({ length: EVENTS }, () => `urn:uuid:${randomUUID()}`);
  const events = ids.map((eventID, i) => ({
    type: 'ObjectEvent',
    eventID,
    eventTime: '2026-03-01T08:00:00.000+08:00',
    eventTimeZoneOffset: '+08:00',
    action: 'OBSERVE',
    bizStep: 'stocking',
    epcList: [itemLink(enterprise.gtin, `${tag}${i}`)],
    readPoint: { id: enterprise.glnLocation },
  }));
  return { text: JSON.stringify(epcisDocument(events)), first: ids[0] ?? '', last: ids[ids.length - 1] ?? '' };
}

const capture = (text: string) => fetch(`${base}/epcis/capture`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth() }, body: text });
const job = async (location: string) => (await (await fetch(`${base}${location}`, { headers: auth() })).json()) as { status: string; running: boolean; success: boolean; capturedCount: number; errors: unknown[] };
const visible = async (eventId: string) => (await fetch(`${base}/epcis/events/${encodeURIComponent(eventId)}`, { headers: auth() })).status === 200;

/** Polls the job until it has finished; on the way, the capture is all there or not there at all. */
async function awaitCompletion(location: string, doc: { first: string; last: string }): Promise<{ success: boolean; capturedCount: number }> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    // First, then last: a capture that commits between the two looks like "first absent, last present",
    // never like the partial "first present, last absent".
    const firstSeen = await visible(doc.first);
    const lastSeen = await visible(doc.last);
    expect(firstSeen && !lastSeen, 'a capture half-stored').toBe(false);
    const state = await job(location);
    expect([0, EVENTS]).toContain(state.capturedCount);
    if (!state.running) return state;
    if (Date.now() > deadline) throw new Error('capture did not finish');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The rows and distinct eventIDs a capture stored, and the attempts its job took, read with the process stopped. */
async function storedCounts(captureId: string): Promise<{ rows: number; distinct: number; attempts: number }> {
  const database = await connectDatabase({ dataDir: join(dataDir, 'pglite') });
  try {
    const row = await database.db
      .selectFrom('epcisEvents')
      .select((eb) => [eb.fn.countAll<number>().as('rows'), eb.fn.count<number>('eventId').distinct().as('distinct')])
      .where('captureId', '=', captureId)
      .executeTakeFirstOrThrow();
    const job = await database.db
      .selectFrom('jobs')
      .innerJoin('epcisCaptures', 'epcisCaptures.jobId', 'jobs.id')
      .select('jobs.attempts')
      .where('epcisCaptures.id', '=', captureId)
      .executeTakeFirstOrThrow();
    return { rows: Number(row.rows), distinct: Number(row.distinct), attempts: job.attempts };
  } finally {
    await database.close();
  }
}

describe('EPCIS capture in the platform process on PGlite', () => {
  it('completes every acknowledged capture exactly once through kill -9, never half-visible', { timeout: 600_000 }, async () => {
    // An enterprise with its premises, product and API key, made directly as an operator would.
    const setup = await connectDatabase({ dataDir: join(dataDir, 'pglite') });
    await migrateToLatest(setup.db);
    await seedJurisdictions(setup.db);
    enterprise = await buildCapturingEnterprise(setup.db);
    key = (await createApiKey({ db: setup.db, actor: SYSTEM_ACTOR }, enterprise.enterprise.id, '仓储系统')).key;
    await setup.close();

    // 1. Killed at once after the 202.
    let proc = await start();
    const one = bigDocument('K');
    const accepted = await capture(one.text);
    expect(accepted.status).toBe(202);
    await kill9(proc);
    const location = accepted.headers.get('location') ?? '';

    proc = await start();
    const done = await awaitCompletion(location, one);
    expect(done).toMatchObject({ success: true, capturedCount: EVENTS });

    // 2. Killed while its job is running.
    const two = bigDocument('R');
    const second = await capture(two.text);
    expect(second.status).toBe(202);
    const secondLocation = second.headers.get('location') ?? '';
    // On PGlite the job's transaction holds the one connection: a status request that gets no answer within
    // 250 ms is waiting for it. Kill as soon as the job shows running or holds the database.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const answer = await fetch(`${base}${secondLocation}`, { headers: auth(), signal: AbortSignal.timeout(250) }).then(
        async (res) => ((await res.json()) as { status: string }).status,
        () => 'busy',
      );
      if (answer === 'running' || answer === 'busy') break;
      expect(answer, 'the capture finished before it could be interrupted').toBe('queued');
      if (Date.now() > deadline) throw new Error('the capture job never started');
      await new Promise((r) => setTimeout(r, 20));
    }
    await kill9(proc);

    proc = await start();
    const finished = await awaitCompletion(secondLocation, two);
    expect(finished).toMatchObject({ success: true, capturedCount: EVENTS });

    const stopped = exited(proc);
    proc.kill('SIGTERM');
    expect(await stopped).toBe(0);
    expect(await storedCounts(location.split('/').pop() ?? '')).toEqual({ rows: EVENTS, distinct: EVENTS, attempts: expect.any(Number) });
    // The second job was interrupted once, then completed: two attempts, every event once.
    expect(await storedCounts(secondLocation.split('/').pop() ?? '')).toEqual({ rows: EVENTS, distinct: EVENTS, attempts: 2 });
  });
});

