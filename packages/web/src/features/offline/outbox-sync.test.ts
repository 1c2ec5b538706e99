import { describe, expect, it } from 'vitest';
import type { SyncBody, SyncResult } from '../../api/inspection-types.ts';
import { inspectionFixture } from './offline-test-fixtures.ts';
import {
  CONFLICT_CODE,
  classifySyncResponse,
  createSyncTransport,
  processOutbox,
  type OutboxPort,
  type OutboxProblem,
  type QueuedEntry,
  type SendSubmission,
  type SyncAnswer,
} from './outbox-sync.ts';

const USER = 'user-1';

function bodyFor(submissionId: string, baseRevision = 0): SyncBody {
  return { submissionId, baseRevision, answers: {}, photos: [], signatures: null, inspectedOn: '2026-03-02', complete: true };
}

function entry(seq: number, inspectionId: string, overrides: Partial<QueuedEntry> = {}): QueuedEntry {
  const submissionId = `sub-${seq}`;
  return {
    seq,
    submissionId,
    inspectionId,
    userId: USER,
    queuedAt: '2026-03-02T02:00:00.000Z',
    body: bodyFor(submissionId),
    state: 'pending',
    attempts: 0,
    lastAttemptAt: null,
    problem: null,
    ...overrides,
  };
}

/** The outbox in memory, as the IndexedDB port behaves: settle removes, problems mark. */
function memoryPort(initial: QueuedEntry[]) {
  const entries = new Map(initial.map((item) => [item.seq, { ...item }]));
  const settled: { seq: number; result: SyncResult }[] = [];
  const port: OutboxPort = {
    list: async () => [...entries.values()].sort((a, b) => a.seq - b.seq),
    recordAttempt: async (item, at) => {
      const stored = entries.get(item.seq);
      if (stored) entries.set(item.seq, { ...stored, attempts: stored.attempts + 1, lastAttemptAt: at });
    },
    settle: async (item, result) => {
      entries.delete(item.seq);
      settled.push({ seq: item.seq, result });
    },
    markProblem: async (item, problem: OutboxProblem) => {
      const stored = entries.get(item.seq);
      if (stored) entries.set(item.seq, { ...stored, state: problem.kind, problem });
    },
  };
  return { port, entries, settled };
}

function result(status: SyncResult['status'], revision = 1): SyncResult {
  return { status, revision, inspection: inspectionFixture({ revision, status: 'completed' }) };
}

/** A send that answers from a script, recording every request's submission id. */
function scriptedSend(answers: SyncAnswer[]) {
  const sent: string[] = [];
  const send: SendSubmission = async (item) => {
    sent.push(item.body.submissionId);
    const next = answers.shift();
    if (!next) throw new Error('unexpected request');
    return next;
  };
  return { send, sent };
}

/**
 * A server that applies each submission id once: a repeated id answers `duplicate` and changes nothing, a
 * stale base revision answers a conflict. `loseAnswers` drops the answer of the first n requests after
 * applying them (the connection died on the way back).
 */
function fakeServer(loseAnswers = 0) {
  let revision = 0;
  const seen = new Set<string>();
  let lost = 0;
  const send: SendSubmission = async (item) => {
    let answer: SyncAnswer;
    if (seen.has(item.body.submissionId)) answer = { kind: 'ok', result: result('duplicate', revision) };
    else if (item.body.baseRevision !== revision) answer = { kind: 'conflict', currentRevision: revision, message: 'stale' };
    else {
      seen.add(item.body.submissionId);
      revision += 1;
      answer = { kind: 'ok', result: result('applied', revision) };
    }
    if (lost < loseAnswers) {
      lost += 1;
      return { kind: 'retry', reason: 'network' };
    }
    return answer;
  };
  return { send, revision: () => revision };
}

describe('processOutbox', () => {
  it('sends the pending entries in queue order, one request each, and drops each on applied or duplicate', async () => {
    const { port, entries, settled } = memoryPort([entry(2, 'insp-b'), entry(1, 'insp-a')]);
    const { send, sent } = scriptedSend([
      { kind: 'ok', result: result('applied') },
      { kind: 'ok', result: result('duplicate') },
    ]);
    const report = await processOutbox(port, send, USER);
    expect(sent).toEqual(['sub-1', 'sub-2']);
    expect(entries.size).toBe(0);
    expect(settled.map((item) => item.seq)).toEqual([1, 2]);
    expect(report).toMatchObject({ sent: 2, applied: ['insp-a'], duplicates: ['insp-b'], stopped: null, remaining: 0 });
  });

  it('stops at a network failure and keeps that entry and every later one queued', async () => {
    const { port, entries } = memoryPort([entry(1, 'insp-a'), entry(2, 'insp-b')]);
    const { send, sent } = scriptedSend([{ kind: 'retry', reason: 'network' }]);
    const report = await processOutbox(port, send, USER);
    expect(sent).toEqual(['sub-1']);
    expect([...entries.keys()]).toEqual([1, 2]);
    expect(entries.get(1)).toMatchObject({ state: 'pending', attempts: 1 });
    expect(report).toMatchObject({ stopped: 'retry', remaining: 2 });
  });

  it('retries with the same submission id, and a lost answer ends as one change on the server', async () => {
    const server = fakeServer(1);
    const { port, entries } = memoryPort([entry(1, 'insp-a')]);
    const sent: string[] = [];
    const send: SendSubmission = (item) => {
      sent.push(item.body.submissionId);
      return server.send(item);
    };
    const first = await processOutbox(port, send, USER);
    expect(first.stopped).toBe('retry');
    expect(entries.size).toBe(1);
    const second = await processOutbox(port, send, USER);
    expect(second).toMatchObject({ duplicates: ['insp-a'], remaining: 0 });
    expect(sent).toEqual(['sub-1', 'sub-1']);
    expect(server.revision()).toBe(1);
    // Nothing left: a further run makes no request.
    const third = await processOutbox(port, send, USER);
    expect(third.sent).toBe(0);
    expect(server.revision()).toBe(1);
  });

  it('keeps a conflict for the user, does not send it again, and still sends the entries after it', async () => {
    const { port, entries } = memoryPort([entry(1, 'insp-a'), entry(2, 'insp-b')]);
    const { send, sent } = scriptedSend([
      { kind: 'conflict', currentRevision: 3, message: 'changed' },
      { kind: 'ok', result: result('applied') },
    ]);
    const report = await processOutbox(port, send, USER);
    expect(report).toMatchObject({ conflicts: ['insp-a'], applied: ['insp-b'], remaining: 0 });
    expect(entries.get(1)).toMatchObject({ state: 'conflict', problem: { kind: 'conflict', currentRevision: 3 } });
    expect(entries.has(2)).toBe(false);

    const again = await processOutbox(port, send, USER);
    expect(again.sent).toBe(0);
    expect(sent).toEqual(['sub-1', 'sub-2']);
  });

  it('keeps a refused submission with the fields the server named', async () => {
    const { port, entries } = memoryPort([entry(1, 'insp-a')]);
    const details = [{ path: 'answers.hfs-1.2.note', message: '不符合项须填写问题描述' }];
    const { send } = scriptedSend([{ kind: 'rejected', status: 422, code: 'inspection.invalid_answers', message: 'invalid', details }]);
    const report = await processOutbox(port, send, USER);
    expect(report.rejected).toEqual(['insp-a']);
    expect(entries.get(1)).toMatchObject({ state: 'rejected', problem: { kind: 'rejected', status: 422, details } });
  });

  it('stops when the session has expired, keeping the entry', async () => {
    const { port, entries } = memoryPort([entry(1, 'insp-a'), entry(2, 'insp-b')]);
    const { send, sent } = scriptedSend([{ kind: 'unauthorized' }]);
    const report = await processOutbox(port, send, USER);
    expect(sent).toEqual(['sub-1']);
    expect(report).toMatchObject({ stopped: 'unauthorized', remaining: 2 });
    expect(entries.get(1)?.state).toBe('pending');
  });

  it("leaves other users' entries alone", async () => {
    const { port, entries } = memoryPort([entry(1, 'insp-a', { userId: 'someone-else' }), entry(2, 'insp-b')]);
    const { send, sent } = scriptedSend([{ kind: 'ok', result: result('applied') }]);
    await processOutbox(port, send, USER);
    expect(sent).toEqual(['sub-2']);
    expect([...entries.keys()]).toEqual([1]);
  });

  it('a stale base revision is refused by the server and never overwrites it', async () => {
    const server = fakeServer();
    const { port: firstDevice } = memoryPort([entry(1, 'insp-a')]);
    await processOutbox(firstDevice, server.send, USER);
    const { port: secondDevice, entries } = memoryPort([entry(1, 'insp-a', { submissionId: 'other', body: bodyFor('other', 0) })]);
    const report = await processOutbox(secondDevice, server.send, USER);
    expect(report.conflicts).toEqual(['insp-a']);
    expect(server.revision()).toBe(1);
    expect(entries.get(1)?.problem).toMatchObject({ kind: 'conflict', currentRevision: 1 });
  });
});

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('classifySyncResponse', () => {
  it('reads a 200 as the result', async () => {
    const ok = result('applied');
    expect(await classifySyncResponse(json(200, ok))).toEqual({ kind: 'ok', result: ok });
  });

  it('sends an unreadable 200 again (the server will answer duplicate)', async () => {
    expect((await classifySyncResponse(new Response('<html>', { status: 200 }))).kind).toBe('retry');
    expect((await classifySyncResponse(json(200, { status: 'applied' }))).kind).toBe('retry');
  });

  it('reads the conflict and the server revision from a 409', async () => {
    const answer = await classifySyncResponse(json(409, { code: CONFLICT_CODE, message: '服务器上的记录已更新', details: [], data: { currentRevision: 4 } }));
    expect(answer).toEqual({ kind: 'conflict', currentRevision: 4, message: '服务器上的记录已更新' });
  });

  it('takes any other 409 as a refusal', async () => {
    const answer = await classifySyncResponse(json(409, { code: 'inspection.not_editable', message: 'closed', details: [] }));
    expect(answer).toMatchObject({ kind: 'rejected', status: 409, code: 'inspection.not_editable' });
  });

  it('keeps the details of a 422, joining array paths', async () => {
    const answer = await classifySyncResponse(
      json(422, {
        code: 'inspection.invalid_answers',
        message: '检查结果有误',
        details: [
          { path: 'answers.hfs-1.2.note', message: '请填写问题描述' },
          { path: ['signatures', 'inspectors', 1], message: '未签名' },
        ],
      }),
    );
    expect(answer).toEqual({
      kind: 'rejected',
      status: 422,
      code: 'inspection.invalid_answers',
      message: '检查结果有误',
      details: [
        { path: 'answers.hfs-1.2.note', message: '请填写问题描述' },
        { path: 'signatures.inspectors.1', message: '未签名' },
      ],
    });
  });

  it('retries later on server trouble and stops on an expired session', async () => {
    expect((await classifySyncResponse(json(500, { code: 'internal', message: '' }))).kind).toBe('retry');
    expect((await classifySyncResponse(new Response('Bad gateway', { status: 502 }))).kind).toBe('retry');
    expect((await classifySyncResponse(json(429, { code: 'rate', message: '' }))).kind).toBe('retry');
    expect((await classifySyncResponse(json(401, { code: 'auth.required', message: '' }))).kind).toBe('unauthorized');
  });
});

describe('createSyncTransport', () => {
  it('posts the queued body as JSON with the CSRF token and the UI language', async () => {
    const calls: { url: string; init: RequestInit | undefined }[] = [];
    const fetchFn: typeof fetch = async (input, init) => {
      calls.push({ url: String(input), init });
      return json(200, result('applied'));
    };
    const send = createSyncTransport(fetchFn, { csrfToken: () => 'token-1', locale: () => 'zh-CN' });
    const queued = entry(1, 'insp/a');
    const answer = await send(queued);
    expect(answer.kind).toBe('ok');
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.url).toBe('/api/v1/inspections/insp%2Fa/sync');
    expect(call?.init?.method).toBe('POST');
    expect(call?.init?.credentials).toBe('same-origin');
    expect(call?.init?.headers).toMatchObject({ 'x-csrf-token': 'token-1', 'Content-Type': 'application/json', 'Accept-Language': 'zh-CN' });
    expect(JSON.parse(String(call?.init?.body))).toEqual(queued.body);
  });

  it('turns a failed fetch (no network) into a retry', async () => {
    const fetchFn: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const send = createSyncTransport(fetchFn, { csrfToken: () => null, locale: () => 'en-US' });
    expect(await send(entry(1, 'insp-a'))).toEqual({ kind: 'retry', reason: 'network' });
  });
});
