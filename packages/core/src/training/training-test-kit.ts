import { SYSTEM_ACTOR, type PersonCreate } from '@shian/domain';
import type { Db } from '../db/connect.ts';
import type { EnterpriseRow, PersonRow } from '../db/schema.ts';
import { createPerson } from '../registry/person-service.ts';

/** Test helpers of training and exams: managers appointed through the registry use case. */
export async function appoint(db: Db, enterprise: EnterpriseRow, name: string, role: PersonCreate['role'] = 'food_safety_officer', appointedOn = '2024-01-01', endedOn: string | null = null): Promise<PersonRow> {
  return createPerson({ db, actor: SYSTEM_ACTOR }, enterprise.id, { name, role, appointedOn, endedOn, phone: null });
}
