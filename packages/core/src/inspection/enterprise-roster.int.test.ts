import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connect.ts';
import { buildEnterprise } from '../testing/factories.ts';
import type { Database } from '../db/connect.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { loadEnterpriseRoster } from './enterprise-roster.ts';

let t: Database;
let db: Db;
beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
});
afterAll(async () => t?.close());

async function inspection(enterpriseId: string, jurisdictionCode: string, kind: 'routine' | 'flight', status: 'completed' | 'scheduled', inspectedOn: string | null): Promise<void> {
  await db
    .insertInto('inspections')
    .values({
      id: randomUUID(),
      number: `JC-${randomUUID()}`,
      enterpriseId,
      jurisdictionCode,
      kind,
      origin: 'manual',
      drawId: null,
      followUpOf: null,
      templateId: 'health-food-sales@1',
      scheduledOn: inspectedOn ?? '2026-03-01',
      inspectorIds: [randomUUID(), randomUUID()],
      status,
      outcome: null,
      counts: null,
      inspectedOn,
      completedAt: null,
      completedBy: null,
      publishedAt: null,
      publishedBy: null,
      createdBy: null,
    })
    .execute();
}

describe('the enterprise roster of plans and draws', () => {
  it("takes each enterprise's last finished full-checklist inspection, ignoring flight checks and unfinished ones", async () => {
    const a = await buildEnterprise(db, { jurisdictionCode: '310115007', kinds: ['seller'] });
    const b = await buildEnterprise(db, { jurisdictionCode: '310115007', kinds: ['seller'] });
    await inspection(a.id, a.jurisdictionCode, 'routine', 'completed', '2024-05-02');
    await inspection(a.id, a.jurisdictionCode, 'routine', 'completed', '2025-09-10');
    await inspection(a.id, a.jurisdictionCode, 'flight', 'completed', '2026-01-15');
    await inspection(a.id, a.jurisdictionCode, 'routine', 'scheduled', null);
    await inspection(b.id, b.jurisdictionCode, 'flight', 'completed', '2025-04-01');
    const roster = await loadEnterpriseRoster(db, '310115');
    const byId = new Map(roster.map((r) => [r.id, r]));
    expect(byId.get(a.id)?.lastFullInspectionOn).toBe('2025-09-10');
    expect(byId.get(b.id)?.lastFullInspectionOn).toBeNull();
    expect((await loadEnterpriseRoster(db, '310101')).map((r) => r.id)).not.toContain(a.id);
  });
});
