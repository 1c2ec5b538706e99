import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { makeUscc } from '@shian/domain';
import { connectDatabase, createDraw, enqueueJob, saveRiskProfile } from '@shian/core';
import { buildEnterprise, buildUser } from '@shian/core/testing/factories.ts';

// The operator commands as an operator runs them: a separate process on an embedded database directory.
const CLI = new URL('./main.ts', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'shian-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function shian(dataDir: string, ...args: string[]): { status: number | null; out: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, SHIAN_DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

async function withDb<T>(dataDir: string, fn: (db: Awaited<ReturnType<typeof connectDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = await connectDatabase({ dataDir: join(dataDir, 'pglite') });
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

describe('operator commands', { timeout: 240_000 }, () => {
  const a = join(work, 'a');
  const b = join(work, 'b');

  it('migrates, creates a user, imports a spreadsheet, and verifies the audit chain', () => {
    expect(shian(a, 'migrate').out).toContain('applied: 0001-foundation');
    expect(shian(a, 'status').out).toMatch(/applied\s+0001-foundation/);
    const created = shian(a, 'create-user', '--username', 'ops-admin', '--password', 'Ops-Passw0rd!', '--role', 'city_admin', '--jurisdiction', '310000', '--name', '运维管理员');
    expect(created).toMatchObject({ status: 0 });
    const weak = shian(a, 'create-user', '--username', 'weak', '--password', 'short', '--role', 'inspector', '--jurisdiction', '310101');
    expect(weak.status).not.toBe(0);

    const csv = join(work, 'enterprises.csv');
    const rows = [0, 1, 2].map((i) => `${makeUscc('91', '310115', 880_000 + i)},上海命令行导入商行${i},张三,销售者,310115,上海市浦东新区测试路${i}号,021-5000000${i}`);
    writeFileSync(csv, `\uFEFF统一社会信用代码,企业名称,法定代表人,主体类型,所属辖区代码,地址,电话\n${rows.join('\n')}\n`);
    const bad = join(work, 'bad.csv');
    writeFileSync(bad, `统一社会信用代码,企业名称,法定代表人,主体类型,所属辖区代码,地址,电话\nNOT-A-CODE,坏行,张三,销售者,310115,上海市,021\n`);
    const badRun = shian(a, 'import', bad, '--kind', 'enterprises', '--apply');
    expect(badRun.status).toBe(1);
    expect(badRun.out).toMatch(/row 2, column A/);
    const preview = shian(a, 'import', csv, '--kind', 'enterprises');
    expect(preview.status).toBe(0);
    expect(shian(a, 'import', csv, '--kind', 'enterprises', '--apply').status).toBe(0);
    const verified = shian(a, 'verify-audit');
    expect(verified.status).toBe(0);
    expect(verified.out).toMatch(/audit chain intact: \d+ entries/);
  });

  it('backs up and restores into an empty database with the same rows and an intact chain', async () => {
    const file = join(work, 'backup.jsonl.gz');
    expect(shian(a, 'backup', file).status).toBe(0);
    const restored = shian(b, 'restore', file);
    expect(restored.status).toBe(0);
    const count = (dir: string) =>
      withDb(dir, async (db) => {
        const r = await sql<{ e: number; u: number; l: number }>`SELECT (SELECT count(*) FROM enterprises)::int AS e, (SELECT count(*) FROM users)::int AS u, (SELECT count(*) FROM audit_log)::int AS l`.execute(db);
        return r.rows[0];
      });
    const [left, right] = [await count(a), await count(b)];
    expect(right).toEqual(left);
    expect(left?.e).toBe(3);
    expect(shian(b, 'verify-audit').status).toBe(0);
    expect(shian(b, 'restore', file).status).toBe(1); // not into a database that has data
  });

  it('names the entry that was edited afterwards and exits 1', async () => {
    await withDb(b, (db) => sql`UPDATE audit_log SET after = jsonb_set(after, '{name}', '"改过的名字"') WHERE seq = 2`.execute(db));
    const result = shian(b, 'verify-audit');
    expect(result.status).toBe(1);
    expect(result.out).toContain('entry 2 was altered');
  });

  it('re-runs a stored draw, exiting 1 and naming the difference once a pick was altered; runs queued re-grades', async () => {
    const c = join(work, 'c');
    expect(shian(c, 'migrate').status).toBe(0);
    // A draw and a queued re-grade made through the use cases, in the database the commands then open.
    const { number, jobId, graded } = await withDb(c, async (db) => {
      const { actor } = await buildUser(db, 'district_supervisor', { jurisdictionCode: '310101' });
      await buildUser(db, 'inspector', { jurisdictionCode: '310101' });
      await buildUser(db, 'inspector', { jurisdictionCode: '310101' });
      const seller = await buildEnterprise(db, { jurisdictionCode: '310101', kinds: ['seller'] });
      await buildEnterprise(db, { jurisdictionCode: '310101', kinds: ['seller'] });
      const draw = await createDraw({ db, actor }, { jurisdictionCode: '310101', title: '黄浦区食品销售抽查', filters: {}, size: { mode: 'count', count: 2 }, inspectorsPerTarget: 2, weighted: true, scheduledOn: '2026-06-01' });
      const facts = { areaM2: 80, prepackagedSkus: { ambient: 30, chilled: 0, frozen: 0 }, bulkSkus: { ambient: 0, chilled: 0, frozen: 0 }, supplierCount: 6, specialFoodItems: [], onlineSales: false };
      await saveRiskProfile({ db, actor }, seller.id, { risk: { sector: 'sales', facts }, creditClass: null });
      const job = await enqueueJob(db, { kind: 'risk.regrade', payload: { year: 2026, jurisdictionCode: '310101' } });
      return { number: draw.number, jobId: job.id, graded: seller.id };
    });

    const verified = shian(c, 'verify-draw', number);
    expect(verified.status).toBe(0);
    expect(verified.out).toContain(`draw ${number}: re-run matches the published outcome`);
    const unknown = shian(c, 'verify-draw', 'SJ-310101-2026-999999');
    expect(unknown.status).toBe(1);
    expect(unknown.out).toContain('no draw SJ-310101-2026-999999');

    await withDb(c, (db) => sql`UPDATE draw_picks SET inspector_ids = ARRAY[inspector_ids[2], inspector_ids[1]] WHERE position = 1 AND draw_id = (SELECT id FROM draws WHERE number = ${number})`.execute(db));
    const altered = shian(c, 'verify-draw', number);
    expect(altered.status).toBe(1);
    expect(altered.out).toContain(`draw ${number} differs:`);
    expect(altered.out).toContain('picked[0].inspectorIds: published');

    const jobs = shian(c, 'run-jobs');
    expect(jobs.status).toBe(0);
    expect(jobs.out).toMatch(/ran \d+ job\(s\)/);
    const after = await withDb(c, async (db) => ({
      job: await db.selectFrom('jobs').select(['status', 'result']).where('id', '=', jobId).executeTakeFirstOrThrow(),
      grades: await db.selectFrom('riskGrades').select(['year', 'jobId']).where('enterpriseId', '=', graded).execute(),
    }));
    expect(after.job).toMatchObject({ status: 'done', result: { graded: 1, withoutFacts: 1 } });
    expect(after.grades).toEqual([{ year: 2026, jobId }]);
  });
});
