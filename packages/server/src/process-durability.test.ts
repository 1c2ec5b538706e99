import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exited, platformProcess } from './testing/platform-process.ts';
import { SYSTEM_ACTOR, makeUscc } from '@shian/domain';
import { connectDatabase, createUser } from '@shian/core';

// The platform process itself, on the embedded database: SIGTERM closes cleanly, and a kill -9 at any
// moment loses no acknowledged write. (On a PostgreSQL server durability is the server's; this covers PGlite.)
const platform = platformProcess('durability', 3900);
const base = platform.base;
const dataDir = platform.dataDir;
const start = (): ReturnType<typeof platform.start> => platform.start();


async function signIn(): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'durable-admin', password: 'Durable-Passw0rd!' }) });
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
  return { cookie: cookies.join('; '), csrf: (cookies.find((c) => c.startsWith('shian_csrf=')) ?? '').slice('shian_csrf='.length) };
}

afterAll(() => platform.dispose());

describe('the platform process on PGlite', () => {
  it('keeps every acknowledged write through kill -9 and starts again', { timeout: 240_000 }, async () => {
    let proc = await start();
    const stopped = exited(proc);
    proc.kill('SIGTERM');
    expect(await stopped).toBe(0);
    // Create an administrator directly, as an operator would with the CLI.
    const database = await connectDatabase({ dataDir: join(dataDir, 'pglite') });
    await createUser({ db: database.db, actor: SYSTEM_ACTOR }, { username: 'durable-admin', displayName: '持久性测试', password: 'Durable-Passw0rd!', role: 'city_admin', jurisdictionCode: '310000' });
    await database.close();

    proc = await start();
    const session = await signIn();
    const acknowledged: string[] = [];
    const create = (i: number): Promise<void> =>
      fetch(`${base}/api/v1/enterprises`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
        body: JSON.stringify({ uscc: makeUscc('91', '310115', 700_000 + i), name: `持久性测试企业${i}`, legalRepresentative: '测试', kinds: ['seller'], jurisdictionCode: '310115', address: '上海市浦东新区' }),
      })
        .then(async (res) => {
          if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
        })
        .catch(() => undefined);
    // Five writes acknowledged for certain, then forty in flight when the process is killed.
    for (let i = 0; i < 5; i += 1) await create(i);
    expect(acknowledged).toHaveLength(5);
    const writes = Array.from({ length: 40 }, (_, i) => create(5 + i));
    // Kill the process while writes are in flight.
    await new Promise((r) => setTimeout(r, 100));
    const killed = exited(proc);
    proc.kill('SIGKILL');
    await Promise.all([...writes, killed]);

    await start();
    const after = await signIn();
    const list = (await (await fetch(`${base}/api/v1/enterprises?q=${encodeURIComponent('持久性测试企业')}&limit=200`, { headers: { cookie: after.cookie } })).json()) as { items: { id: string }[] };
    const stored = new Set(list.items.map((i) => i.id));
    for (const id of acknowledged) expect(stored.has(id)).toBe(true);
    // And nothing half-written: every stored enterprise has its registered premises.
    for (const id of stored) {
      const dossier = (await (await fetch(`${base}/api/v1/enterprises/${id}`, { headers: { cookie: after.cookie } })).json()) as { premises: unknown[] };
      expect(dossier.premises).toHaveLength(1);
    }
    platform.current?.kill('SIGTERM');
  });
});
