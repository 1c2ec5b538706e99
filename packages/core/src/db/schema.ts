import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The database as Kysely sees it (camelCase through `CamelCasePlugin`). Kept beside the migrations; the
 * migration test compares both engines' catalogues, and the typecheck keeps queries honest against this.
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in by default. */
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A calendar date as `YYYY-MM-DD` (parsers keep dates as strings). */
type DateString = string;
type Json = ColumnType<unknown, string, string>;

export interface JurisdictionsTable {
  code: string;
  parentCode: string | null;
  level: 'city' | 'district' | 'street';
  nameZh: string;
  nameEn: string;
}

export interface EnterprisesTable {
  id: string;
  uscc: string;
  usccCheckFailed: Generated<boolean>;
  needsReview: Generated<boolean>;
  name: string;
  legalRepresentative: string;
  kinds: string[];
  jurisdictionCode: string;
  address: string;
  phone: string | null;
  status: Generated<'active' | 'suspended' | 'closed'>;
  searchName: Generated<string>;
  searchGrams: Generated<string[]>;
  searchKeys: Generated<string[]>;
  version: Generated<number>;
  createdAt: DefaultTimestamp;
  updatedAt: DefaultTimestamp;
}

export interface PremisesTable {
  id: string;
  enterpriseId: string;
  name: string;
  address: string;
  kind: 'registered' | 'production' | 'business' | 'warehouse';
  jurisdictionCode: string;
  createdAt: DefaultTimestamp;
  updatedAt: DefaultTimestamp;
}

export interface LicencesTable {
  id: string;
  enterpriseId: string;
  premisesId: string | null;
  number: string;
  kind: 'SC' | 'JY';
  categories: string[];
  issuingAuthority: string;
  issuedOn: DateString;
  validUntil: DateString;
  status: Generated<'valid' | 'suspended' | 'revoked' | 'cancelled'>;
  jurisdictionCode: string;
  version: Generated<number>;
  createdAt: DefaultTimestamp;
  updatedAt: DefaultTimestamp;
}

export interface ProductsTable {
  id: string;
  enterpriseId: string;
  licenceId: string | null;
  name: string;
  category: 'health_food' | 'infant_formula' | 'fsmp';
  registrationNumber: string;
  registrationKind: string;
  legacy: Generated<boolean>;
  functions: string[];
  gtins: string[];
  specification: string | null;
  status: Generated<'active' | 'discontinued' | 'cancelled'>;
  jurisdictionCode: string;
  version: Generated<number>;
  createdAt: DefaultTimestamp;
  updatedAt: DefaultTimestamp;
}

export interface PeopleTable {
  id: string;
  enterpriseId: string;
  name: string;
  role: 'food_safety_director' | 'food_safety_officer' | 'quality_authorised_person';
  appointedOn: DateString;
  endedOn: DateString | null;
  phone: string | null;
  jurisdictionCode: string;
  version: Generated<number>;
  createdAt: DefaultTimestamp;
  updatedAt: DefaultTimestamp;
}

export interface UsersTable {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  role: string;
  jurisdictionCode: string | null;
  enterpriseId: string | null;
  active: Generated<boolean>;
  failedAttempts: Generated<number>;
  lockedUntil: Timestamp | null;
  passwordChangedAt: DefaultTimestamp;
  createdAt: DefaultTimestamp;
  updatedAt: DefaultTimestamp;
}

export interface SessionsTable {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: DefaultTimestamp;
  expiresAt: Timestamp;
  lastSeenAt: DefaultTimestamp;
}

export interface AuditLogTable {
  seq: number;
  occurredAt: Timestamp;
  actorUserId: string | null;
  actorUsername: string;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string;
  jurisdictionCode: string | null;
  enterpriseId: string | null;
  before: Json | null;
  after: Json | null;
  requestId: string | null;
  prevHash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface ImportsTable {
  id: string;
  kind: 'enterprises' | 'licences' | 'products';
  filename: string;
  createdBy: string | null;
  jurisdictionCode: string | null;
  status: 'previewed' | 'applied';
  plan: Json;
  counts: Json;
  createdAt: DefaultTimestamp;
  appliedAt: Timestamp | null;
}

export interface SettingsTable {
  key: string;
  value: Json;
  updatedAt: DefaultTimestamp;
}

export interface DB {
  jurisdictions: JurisdictionsTable;
  enterprises: EnterprisesTable;
  premises: PremisesTable;
  licences: LicencesTable;
  products: ProductsTable;
  people: PeopleTable;
  users: UsersTable;
  sessions: SessionsTable;
  auditLog: AuditLogTable;
  auditHead: AuditHeadTable;
  imports: ImportsTable;
  settings: SettingsTable;
}

export type EnterpriseRow = Selectable<EnterprisesTable>;
export type NewEnterpriseRow = Insertable<EnterprisesTable>;
export type EnterpriseUpdate = Updateable<EnterprisesTable>;
export type LicenceRow = Selectable<LicencesTable>;
export type ProductRow = Selectable<ProductsTable>;
export type PersonRow = Selectable<PeopleTable>;
export type PremisesRow = Selectable<PremisesTable>;
export type UserRow = Selectable<UsersTable>;
export type AuditRow = Selectable<AuditLogTable>;
