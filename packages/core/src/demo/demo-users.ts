/**
 * The demo accounts: the city bureau (市局), one supervisor per district bureau (区局), inspectors in 黄浦 and
 * 浦东, and the demo enterprise's administrator and staff member. All share one password hash (the published
 * demo password, hashed once: argon2id is slow on purpose).
 */
import { randomUUID } from 'node:crypto';
import { SHANGHAI_CODE, type Role } from '@shian/domain';
import type { UserRow } from '../db/schema.ts';
import type { PlanContext } from './demo-plan.ts';
import { personName } from './people-names.ts';
import { DISTRICT_PROFILES } from './places.ts';
import type { Random } from './random.ts';

/** The demo enterprise's accounts (README, tests): its administrator and a staff member. */
export const DEMO_ENTERPRISE_ADMIN = {
  username: 'ent-admin-1',
  staffUsername: 'ent-staff-1',
  /** The demo enterprise is the first health-food producer (保健食品生产企业), in 浦东新区. */
  districtCode: '310115',
} as const;

/**
 * The demo sellers' administrators (README): the first two sellers in 浦东 that the demo producer supplies;
 * their accounts are made with the demo's traceability (demo-trace.ts), which needs the sellers to exist.
 */
export const DEMO_SELLER_ADMINS = [{ username: 'ent-seller-1' }, { username: 'ent-seller-2' }] as const;

interface UserSpec {
  username: string;
  displayName: string;
  role: Role;
  jurisdictionCode: string | null;
  enterpriseId: string | null;
}

/** The named accounts of the README; every other district supervisor gets a generated name. */
function userSpecs(random: Random, demoEnterpriseId: string): UserSpec[] {
  const regulator = (username: string, displayName: string, role: Role, jurisdictionCode: string): UserSpec => ({
    username,
    displayName,
    role,
    jurisdictionCode,
    enterpriseId: null,
  });
  const specs: UserSpec[] = [
    regulator('city-admin', '王建国', 'city_admin', SHANGHAI_CODE),
    regulator('city-supervisor', '李慧敏', 'city_supervisor', SHANGHAI_CODE),
    regulator('huangpu-inspector', '陈志强', 'inspector', '310101'),
    regulator('pudong-inspector', '张伟', 'inspector', '310115'),
    regulator('pudong-supervisor', '刘海燕', 'district_supervisor', '310115'),
  ];
  for (const district of DISTRICT_PROFILES) {
    if (district.node.code === '310115') continue;
    specs.push(regulator(`${district.pinyin}-supervisor`, personName(random), 'district_supervisor', district.node.code));
  }
  const enterpriseUser = (username: string, role: Role): UserSpec => ({
    username,
    displayName: personName(random),
    role,
    jurisdictionCode: null,
    enterpriseId: demoEnterpriseId,
  });
  specs.push(enterpriseUser(DEMO_ENTERPRISE_ADMIN.username, 'enterprise_admin'), enterpriseUser(DEMO_ENTERPRISE_ADMIN.staffUsername, 'enterprise_staff'));
  // Enforcement staff (执法检查人员): every inspection needs two, so each district has three or four.
  for (const district of DISTRICT_PROFILES) {
    const named = district.node.code === '310115' ? 'pudong-inspector' : district.node.code === '310101' ? 'huangpu-inspector' : null;
    const extra = named === 'pudong-inspector' ? 13 : 3;
    for (let i = 1; i <= extra; i += 1) {
      const username = named ? `${named}-${i + 1}` : `${district.pinyin}-inspector-${i}`;
      specs.push(regulator(username, personName(random), 'inspector', district.node.code));
    }
  }
  return specs;
}

/** Complete user rows, all with `passwordHash`. */
export function planUsers(ctx: PlanContext, random: Random, passwordHash: string, demoEnterpriseId: string): UserRow[] {
  return userSpecs(random, demoEnterpriseId).map((spec) => ({
    id: randomUUID(),
    ...spec,
    passwordHash,
    active: true,
    failedAttempts: 0,
    lockedUntil: null,
    passwordChangedAt: ctx.now,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }));
}
