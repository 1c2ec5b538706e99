import { randomInt } from 'node:crypto';
import { SYSTEM_ACTOR, makeJyNumber, makeScNumber, makeUscc, type Actor, type Role } from '@shian/domain';
import { createUser } from '../auth/user-admin.ts';
import type { Db } from '../db/connect.ts';
import type { EnterpriseRow, LicenceRow, UserRow } from '../db/schema.ts';
import { createEnterprise } from '../registry/enterprise-service.ts';
import { actorOf } from '../auth/sign-in.ts';

/**
 * Test factories: real rows through the real use cases (so audit and search columns are right), with
 * unique identifiers per call, so tests in one database never collide.
 */
let sequence = randomInt(1, 500_000_000);
const next = (): number => (sequence += 1);

export const TEST_PASSWORD = 'Test-Passw0rd!';

export async function buildEnterprise(db: Db, overrides: Partial<{ name: string; jurisdictionCode: string; kinds: string[]; uscc: string }> = {}): Promise<EnterpriseRow> {
  const n = next();
  const jurisdictionCode = overrides.jurisdictionCode ?? '310115';
  return createEnterprise(
    { db, actor: SYSTEM_ACTOR },
    {
      uscc: overrides.uscc ?? makeUscc('91', jurisdictionCode.slice(0, 6), n % 887_503_680),
      name: overrides.name ?? `测试保健食品有限公司${n}`,
      legalRepresentative: '张三',
      kinds: (overrides.kinds ?? ['producer']) as ['producer'],
      jurisdictionCode,
      address: `上海市测试路${n}号`,
      phone: '021-12345678',
    },
  );
}

export async function buildUser(db: Db, role: Role, scope: { jurisdictionCode?: string; enterpriseId?: string } = {}): Promise<{ user: UserRow; actor: Actor }> {
  const user = await createUser(
    { db, actor: SYSTEM_ACTOR },
    {
      username: `user-${role}-${next()}`,
      displayName: `测试用户${role}`,
      password: TEST_PASSWORD,
      role,
      jurisdictionCode: scope.jurisdictionCode ?? null,
      enterpriseId: scope.enterpriseId ?? null,
    },
  );
  return { user, actor: actorOf(user) };
}

/** A licence row inserted directly (the licence use case has its own tests). */
export async function buildLicence(db: Db, enterprise: EnterpriseRow, kind: 'SC' | 'JY' = 'SC', validUntil = '2029-12-31'): Promise<LicenceRow> {
  const n = next() % 10_000;
  const number = kind === 'SC' ? makeScNumber('127', enterprise.jurisdictionCode.slice(0, 6), n) : makeJyNumber(1, enterprise.jurisdictionCode.slice(0, 6), n);
  return db
    .insertInto('licences')
    .values({
      id: crypto.randomUUID(),
      enterpriseId: enterprise.id,
      number,
      kind,
      categories: kind === 'SC' ? ['127'] : [],
      issuingAuthority: '上海市市场监督管理局',
      issuedOn: '2024-01-01',
      validUntil,
      jurisdictionCode: enterprise.jurisdictionCode,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
