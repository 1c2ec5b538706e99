/**
 * The shapes of the server API (`/api/v1`), as the web client uses them. The server's Zod schemas are the
 * source of truth; these mirror the published contract.
 */

export type RoleCode =
  | 'city_admin'
  | 'city_supervisor'
  | 'district_supervisor'
  | 'inspector'
  | 'enterprise_admin'
  | 'enterprise_staff';

/** Actions a user may take; the server sends the ones granted (`permissions`) and per record (`abilities`). */
export type Permission =
  | 'dashboard.read'
  | 'registry.read'
  | 'registry.create'
  | 'registry.update'
  | 'licence.write'
  | 'product.write'
  | 'person.write'
  | 'registry.import'
  | 'registry.export'
  | 'audit.read'
  | 'user.manage';

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  role: RoleCode;
  roleName: string;
  jurisdictionCode: string | null;
  jurisdictionName: string | null;
  enterpriseId: string | null;
  enterpriseName: string | null;
  permissions: string[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
  totalIsEstimate: boolean;
}

export interface Jurisdiction {
  code: string;
  parentCode: string | null;
  level: 'city' | 'district' | 'street';
  nameZh: string;
  nameEn: string;
}

export interface DashboardSummary {
  scope: { code: string; nameZh: string; nameEn: string };
  counts: {
    enterprises: number;
    producers: number;
    sellers: number;
    licences: number;
    licencesExpiringSoon: number;
    products: number;
    people: number;
    flaggedEnterprises: number;
  };
  byDistrict: { code: string; nameZh: string; nameEn: string; enterprises: number; producers: number; sellers: number }[];
  byKind: { kind: string; count: number }[];
  expiringLicences: { id: string; enterpriseId: string; enterpriseName: string; number: string; validUntil: string }[];
}

export type EnterpriseKind = 'producer' | 'seller' | 'importer' | 'e_commerce_platform' | 'online_seller' | 'warehouse';

export const ENTERPRISE_KINDS: readonly EnterpriseKind[] = [
  'producer',
  'seller',
  'importer',
  'e_commerce_platform',
  'online_seller',
  'warehouse',
];

export interface EnterpriseListItem {
  id: string;
  uscc: string;
  name: string;
  legalRepresentative: string;
  kinds: string[];
  jurisdictionCode: string;
  jurisdictionName: string;
  address: string;
  status: string;
  licenceCount: number;
  productCount: number;
  flags: string[];
}

export interface Enterprise extends EnterpriseListItem {
  phone: string | null;
  usccCheckFailed: boolean;
  needsReview: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Premises {
  id: string;
  name: string;
  address: string;
  kind: string;
  /** GS1 global location number (全球位置码), when the premises has one. */
  gln: string | null;
  jurisdictionCode: string;
  jurisdictionName: string;
}

export interface Licence {
  id: string;
  number: string;
  kind: 'SC' | 'JY';
  categories: string[];
  categoryNames: string[];
  issuingAuthority: string;
  issuedOn: string;
  validUntil: string;
  status: string;
  expiresInDays: number;
  /** Sent back on PATCH for optimistic locking when the server includes it. */
  version?: number;
}

export interface Product {
  id: string;
  name: string;
  category: string;
  registrationNumber: string;
  registrationKind: string;
  legacy: boolean;
  functions: string[];
  gtins: string[];
  licenceId: string | null;
  specification?: string | null;
  status: string;
  version?: number;
}

export interface Person {
  id: string;
  name: string;
  role: 'food_safety_director' | 'food_safety_officer' | 'quality_authorised_person';
  appointedOn: string;
  endedOn: string | null;
  phone: string | null;
  roleName?: string;
  version?: number;
}

export interface Dossier {
  enterprise: Enterprise;
  premises: Premises[];
  licences: Licence[];
  products: Product[];
  people: Person[];
  flags: { code: string; message: string }[];
  abilities: string[];
}

export interface AuditChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface AuditEntry {
  seq: number | string;
  occurredAt: string;
  actorUsername: string;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string;
  changes: AuditChange[];
}

export type ImportKind = 'enterprises' | 'licences' | 'products';
export const IMPORT_KINDS: readonly ImportKind[] = ['enterprises', 'licences', 'products'];

export interface ImportRow {
  row: number;
  action: 'create' | 'update' | 'unchanged' | 'error';
  key: string;
  changes: AuditChange[];
  errors: { column: string; columnLabel: string; message: string }[];
}

export interface ImportPreview {
  id: string;
  kind: ImportKind;
  filename: string;
  counts: { create: number; update: number; unchanged: number; error: number };
  rows: ImportRow[];
  /** Problems that do not block the import (e.g. an ignored column). */
  warnings?: { column: string; columnLabel: string; message: string }[];
}

export interface ImportApplied {
  applied: { created: number; updated: number; unchanged: number };
}
