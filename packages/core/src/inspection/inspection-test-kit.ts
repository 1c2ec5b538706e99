import { randomUUID } from 'node:crypto';
import { HEALTH_FOOD_SALES_V1, addCalendarDays, checklistItems, isAppError, type Actor, type AppError, type InspectionAnswer } from '@shian/domain';
import type { Db } from '../db/connect.ts';
import type { EnterpriseRow, UserRow } from '../db/schema.ts';
import { today } from '../registry/guards.ts';
import { buildEnterprise, buildUser } from '../testing/factories.ts';
import { signaturePng } from '../testing/signature-png.ts';
import { scheduleInspection, type InspectionRow } from './inspection-schedule.ts';
import { syncInspection, type Signatures, type SyncInput, type SyncResult } from './inspection-sync.ts';

/**
 * Test helpers for inspection scenarios (tests only): a district team, an inspection scheduled for it, and
 * complete, signed answers. Everything goes through the real use cases.
 */
export const TEMPLATE = HEALTH_FOOD_SALES_V1;
export const ITEM_IDS = checklistItems(TEMPLATE).map((item) => item.id);
/** Item ids of the health-food sales checklist used by the scenarios. */
export const KEY_ITEM = 'hfs-1.1';
export const GENERAL_ITEM = 'hfs-1.2';
export const OTHER_GENERAL_ITEM = 'hfs-1.3';

export interface Person {
  user: UserRow;
  actor: Actor;
}

export interface Team {
  enterprise: EnterpriseRow;
  supervisor: Person;
  inspectors: [Person, Person];
  /** An enterprise administrator of `enterprise`. */
  enterpriseUser: Person;
}

/**
 * An enterprise of the district with its supervisor, two inspectors and an enterprise administrator. With
 * `staff`, the supervisor and inspectors are reused (a new enterprise for the same officers: fewer password
 * hashes per test file).
 */
export async function buildTeam(db: Db, jurisdictionCode = '310115', staff?: Pick<Team, 'supervisor' | 'inspectors'>): Promise<Team> {
  const enterprise = await buildEnterprise(db, { jurisdictionCode });
  if (staff) {
    const enterpriseUser = await buildUser(db, 'enterprise_admin', { enterpriseId: enterprise.id });
    return { enterprise, supervisor: staff.supervisor, inspectors: staff.inspectors, enterpriseUser };
  }
  const [supervisor, a, b, enterpriseUser] = await Promise.all([
    buildUser(db, 'district_supervisor', { jurisdictionCode }),
    buildUser(db, 'inspector', { jurisdictionCode }),
    buildUser(db, 'inspector', { jurisdictionCode }),
    buildUser(db, 'enterprise_admin', { enterpriseId: enterprise.id }),
  ]);
  return { enterprise, supervisor, inspectors: [a, b], enterpriseUser };
}

/** A routine inspection of the team's enterprise in two days, scheduled by its supervisor. */
export async function scheduleFor(db: Db, team: Team, scheduledOn = addCalendarDays(today(), 2)): Promise<InspectionRow> {
  return scheduleInspection(
    { db, actor: team.supervisor.actor },
    { enterpriseId: team.enterprise.id, kind: 'routine', scheduledOn, inspectorIds: team.inspectors.map((i) => i.user.id), templateId: TEMPLATE.id },
  );
}

/** Every item answered "pass", but for `overrides`. */
export function answersWith(overrides: Record<string, InspectionAnswer> = {}): Record<string, InspectionAnswer> {
  return { ...Object.fromEntries(ITEM_IDS.map((id) => [id, { result: 'pass' as const }])), ...overrides };
}

/** A small opaque PNG (a dark bar on white) as a data URL, as the signature pad sends it. */
export const SIGNATURE_PNG = `data:image/png;base64,${signaturePng().toString('base64')}`;


/** Every inspector's signature and the enterprise representative's. */
export function signaturesOf(inspectors: readonly Person[]): Signatures {
  return {
    inspectors: inspectors.map((i) => ({ userId: i.user.id, name: i.user.displayName, image: SIGNATURE_PNG })),
    representative: { name: '李四', image: SIGNATURE_PNG },
  };
}

/** A submission from the offline form: a new submission id from the inspection's current revision. */
export function submission(inspection: Pick<InspectionRow, 'revision'>, fields: Partial<SyncInput> = {}): SyncInput {
  return {
    submissionId: randomUUID(),
    baseRevision: inspection.revision,
    answers: {},
    photos: [],
    signatures: null,
    inspectedOn: today(),
    complete: false,
    ...fields,
  };
}

/** Finishes an inspection as its first inspector: every item answered (pass but for `overrides`) and signed. */
export async function completeWith(
  db: Db,
  team: Pick<Team, 'inspectors'>,
  inspection: InspectionRow,
  overrides: Record<string, InspectionAnswer> = {},
  inspectedOn = today(),
): Promise<SyncResult> {
  return syncInspection(
    { db, actor: team.inspectors[0].actor },
    inspection.id,
    submission(inspection, { answers: answersWith(overrides), signatures: signaturesOf(team.inspectors), inspectedOn, complete: true }),
  );
}

/** The AppError a call fails with (any other failure is rethrown), for assertions on code, details and data. */
export async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
