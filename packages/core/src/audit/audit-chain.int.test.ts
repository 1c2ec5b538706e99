import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '@shian/domain';
import type { Database } from '../db/connect.ts';
import { createRuleSetOverride } from '../monitoring/rule-set-service.ts';
import { updateEnterprise } from '../registry/enterprise-service.ts';
import { buildEnterprise } from '../testing/factories.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

let database: Database;
beforeEach(async () => {
  database = await createTestDatabase();
  for (let i = 0; i < 4; i += 1) {
    const e = await buildEnterprise(database.db);
    await updateEnterprise({ db: database.db, actor: SYSTEM_ACTOR }, e.id, { version: 1, address: `上海市浦东新区改址路${i}号` });
  }
});
afterEach(async () => database.close());

describe('the audit chain', () => {
  it('verifies intact after real changes', async () => {
    const report = await verifyAuditChain(database.db);
    expect(report).toMatchObject({ ok: true, entries: 8, headSeq: 8, firstProblem: null });
  });

  it('verifies snapshots holding snake_case keys inside (a rule set keyed by rule kind) as written', async () => {
    const e = await buildEnterprise(database.db);
    await createRuleSetOverride({ db: database.db, actor: SYSTEM_ACTOR }, e.id, { parentId: 'gmp-clean-area/1', name: { 'zh-CN': '现场规则', 'en-US': 'Site rules' }, source: '验证报告', override: { sustainSeconds: 120 } });
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, firstProblem: null });
  });

  it('names the first entry whose content was edited afterwards', async () => {
    await sql`UPDATE audit_log SET after = jsonb_set(after, '{address}', '"篡改后的地址"') WHERE seq = 4`.execute(database.db);
    await sql`UPDATE audit_log SET actor_username = 'someone-else' WHERE seq = 6`.execute(database.db);
    expect((await verifyAuditChain(database.db)).firstProblem).toEqual({ kind: 'altered', seq: 4 });
  });

  it('detects an edit that also recomputed the entry hash, at the next entry', async () => {
    // A forger who rewrites entry 3 and its hash breaks the link that entry 4 holds.
    await sql`UPDATE audit_log SET action = 'enterprise.forged', hash = repeat('a', 64) WHERE seq = 3`.execute(database.db);
    const problem = (await verifyAuditChain(database.db)).firstProblem;
    expect(problem).toEqual({ kind: 'altered', seq: 3 });
  });

  it('names where entries were removed from the middle', async () => {
    await sql`DELETE FROM audit_log WHERE seq IN (5, 6)`.execute(database.db);
    expect((await verifyAuditChain(database.db)).firstProblem).toEqual({ kind: 'removed', afterSeq: 4, beforeSeq: 7 });
  });

  it('notices the newest entries being cut off', async () => {
    await sql`DELETE FROM audit_log WHERE seq = 8`.execute(database.db);
    expect((await verifyAuditChain(database.db)).firstProblem).toEqual({ kind: 'truncated', lastSeq: 7, headSeq: 8 });
  });

  it('rolls the entry back with a failed change', async () => {
    const e = await buildEnterprise(database.db);
    await expect(updateEnterprise({ db: database.db, actor: SYSTEM_ACTOR }, e.id, { version: 99, name: '不会保存' })).rejects.toThrow();
    const report = await verifyAuditChain(database.db);
    expect(report).toMatchObject({ ok: true, entries: 9 });
  });
});
