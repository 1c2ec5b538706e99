import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  ApiKeysTable,
  EpcisCapturesTable,
  EpcisEventsTable,
  RecallNoticesTable,
  RecallsTable,
  TraceAlertsTable,
  TraceCodeBatchesTable,
  TraceCodesTable,
  TraceEpcPlacesTable,
  TraceScansTable,
} from './schema-trace.ts';
import type { ExamAttemptsTable, ExamCandidatesTable, ExamSessionsTable, TrainingRecordsTable } from './schema-training.ts';
import type { QaReleaseRecordsTable, SelfInspectionAnswersTable, SelfInspectionRectificationsTable, SelfInspectionReportsTable } from './schema-self-inspection.ts';
import type { DutyDailyChecksTable, DutyHazardsTable, DutyListsTable, DutyMonthlyMinutesTable, DutyRiskItemsTable, DutyWeeklyReportsTable } from './schema-duties.ts';
import type { MonitoringAlertsTable, MonitoringCameraEventsTable, MonitoringDevicesTable, MonitoringReadingsTable, MonitoringRollupsTable, MonitoringRuleSetsTable } from './schema-monitoring.ts';

/**
 * The database as Kysely sees it (camelCase through `CamelCasePlugin`). Kept beside the migrations; the
 * migration test compares both engines' catalogues, and the typecheck keeps queries honest against this.
 */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in by default. */
export type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A calendar date as `YYYY-MM-DD` (parsers keep dates as strings). */
export type DateString = string;
export type Json = ColumnType<unknown, string, string>;

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
  /** The premises' GS1 global location number (13 digits), when it has one: its EPCIS location identifier. */
  gln: string | null;
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

export type Grade = 'A' | 'B' | 'C' | 'D';
/** A bytea column (Buffer in Node, Uint8Array in PGlite). */
type Bytes = ColumnType<Uint8Array, Uint8Array, Uint8Array>;

export interface CountersTable {
  name: string;
  value: number;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  payload: Json;
  status: Generated<'queued' | 'running' | 'done' | 'failed'>;
  dedupeKey: string | null;
  runAfter: DefaultTimestamp;
  attempts: Generated<number>;
  maxAttempts: Generated<number>;
  lockedUntil: Timestamp | null;
  lastError: string | null;
  result: Json | null;
  requestedBy: string | null;
  createdAt: DefaultTimestamp;
  finishedAt: Timestamp | null;
}

export interface ClocksTable {
  id: string;
  ruleId: string;
  subjectType: string;
  subjectId: string;
  enterpriseId: string | null;
  jurisdictionCode: string;
  owner: 'regulator' | 'enterprise';
  assigneeIds: Generated<string[]>;
  label: string;
  length: number;
  events: Json;
  startedOn: DateString;
  dueOn: DateString | null;
  metOn: DateString | null;
  state: 'running' | 'paused' | 'met';
  escalatedAt: Timestamp | null;
  version: Generated<number>;
  createdAt: DefaultTimestamp;
  updatedAt: DefaultTimestamp;
}

export interface RiskProfilesTable {
  enterpriseId: string;
  jurisdictionCode: string;
  sector: 'production' | 'sales';
  facts: Json;
  creditClass: Grade | null;
  currentGrade: Grade | null;
  consecutiveCompliantYears: Generated<number>;
  version: Generated<number>;
  updatedAt: DefaultTimestamp;
}

export interface RiskTriggersTable {
  id: string;
  enterpriseId: string;
  jurisdictionCode: string;
  kind: string;
  occurredOn: DateString;
  note: string;
  source: 'manual' | 'sampling' | 'case' | 'inspection';
  sourceRef: string | null;
  recordedBy: string | null;
  withdrawnAt: Timestamp | null;
  withdrawnReason: string | null;
  createdAt: DefaultTimestamp;
}

export interface RiskGradesTable {
  id: string;
  enterpriseId: string;
  jurisdictionCode: string;
  year: number;
  ruleSetId: string;
  staticScore: number;
  dynamicScore: number;
  totalScore: number;
  scoreGrade: Grade;
  computedGrade: Grade;
  grade: Grade;
  previousGrade: Grade | null;
  movement: 'up' | 'keep' | 'down';
  explanation: Json;
  origin: 'regrade' | 'override';
  overrideReason: string | null;
  jobId: number | null;
  isCurrent: Generated<boolean>;
  createdBy: string | null;
  createdAt: DefaultTimestamp;
}

export interface RecusalsTable {
  id: string;
  inspectorId: string;
  enterpriseId: string;
  jurisdictionCode: string;
  reason: string;
  declaredOn: DateString;
  withdrawnAt: Timestamp | null;
  createdBy: string | null;
  createdAt: DefaultTimestamp;
}

export interface InspectionPlansTable {
  id: string;
  jurisdictionCode: string;
  year: number;
  ruleSetId: string;
  status: Generated<'draft' | 'approved'>;
  summary: Json;
  generatedBy: string | null;
  generatedAt: DefaultTimestamp;
  approvedBy: string | null;
  approvedAt: Timestamp | null;
  version: Generated<number>;
}

export interface InspectionPlanItemsTable {
  planId: string;
  enterpriseId: string;
  jurisdictionCode: string;
  grade: Grade | null;
  required: number;
  priority: boolean;
  fullChecklistDue: boolean;
  months: number[];
  reasons: Json;
}

export interface DrawsTable {
  id: string;
  number: string;
  jurisdictionCode: string;
  title: string;
  filters: Json;
  size: Json;
  inspectorsPerTarget: number;
  weighting: Json;
  algorithm: string;
  seed: string;
  rosterDigest: string;
  inspectorRosterDigest: string;
  rosterSize: number;
  pickedCount: number;
  unstaffedCount: number;
  templateId: string;
  scheduledOn: DateString;
  createdBy: string | null;
  createdAt: DefaultTimestamp;
}

export interface DrawInputsTable {
  drawId: string;
  targets: Json;
  inspectors: Json;
}

export interface DrawPicksTable {
  drawId: string;
  position: number;
  enterpriseId: string;
  inspectorIds: string[];
  inspectionId: string | null;
}

export type InspectionStatus = 'scheduled' | 'in_progress' | 'completed' | 'published' | 'cancelled';
export type InspectionOutcome = 'compliant' | 'fixed_on_site' | 'rectification' | 'case_lead';

export interface InspectionsTable {
  id: string;
  number: string;
  enterpriseId: string;
  jurisdictionCode: string;
  kind: 'routine' | 'flight' | 'system' | 'follow_up';
  origin: 'plan' | 'draw' | 'follow_up' | 'manual';
  drawId: string | null;
  followUpOf: string | null;
  templateId: string;
  scheduledOn: DateString;
  inspectorIds: string[];
  status: Generated<InspectionStatus>;
  answers: ColumnType<unknown, string | undefined, string>;
  signatures: ColumnType<unknown, string | undefined, string>;
  outcome: InspectionOutcome | null;
  counts: Json | null;
  inspectedOn: DateString | null;
  completedAt: Timestamp | null;
  completedBy: string | null;
  publishedAt: Timestamp | null;
  publishedBy: string | null;
  revision: Generated<number>;
  createdBy: string | null;
  createdAt: DefaultTimestamp;
  updatedAt: DefaultTimestamp;
}

export interface InspectionPhotosTable {
  id: string;
  inspectionId: string;
  itemId: string | null;
  contentType: string;
  bytes: Bytes;
  sha256: string;
  takenAt: Timestamp | null;
  createdAt: DefaultTimestamp;
}

export interface InspectionSubmissionsTable {
  submissionId: string;
  inspectionId: string;
  userId: string | null;
  baseRevision: number;
  result: 'applied' | 'conflict';
  revision: number;
  receivedAt: DefaultTimestamp;
}

export interface InspectionFindingsTable {
  id: string;
  inspectionId: string;
  enterpriseId: string;
  jurisdictionCode: string;
  itemId: string;
  itemKey: string;
  severity: 'general' | 'key';
  disposition: 'fixed_on_site' | 'rectification' | 'case_lead';
  note: string;
  earlierFailures: Generated<number>;
  createdAt: DefaultTimestamp;
}

export interface RectificationOrdersTable {
  id: string;
  number: string;
  inspectionId: string;
  enterpriseId: string;
  jurisdictionCode: string;
  findingIds: string[];
  dueOn: DateString;
  status: Generated<'open' | 'answered' | 'verified' | 'escalated'>;
  response: string | null;
  respondedAt: Timestamp | null;
  respondedBy: string | null;
  verification: 'remote' | 'follow_up' | null;
  followUpInspectionId: string | null;
  verifiedAt: Timestamp | null;
  verifiedBy: string | null;
  verificationNote: string | null;
  escalatedAt: Timestamp | null;
  version: Generated<number>;
  createdAt: DefaultTimestamp;
  updatedAt: DefaultTimestamp;
}

export interface RectificationEvidenceTable {
  id: string;
  orderId: string;
  filename: string;
  contentType: string;
  bytes: Bytes;
  createdBy: string | null;
  createdAt: DefaultTimestamp;
}

export interface CaseLeadsTable {
  id: string;
  number: string;
  enterpriseId: string;
  jurisdictionCode: string;
  source: 'inspection';
  inspectionId: string | null;
  findingId: string | null;
  summary: string;
  legalBasis: string;
  status: Generated<'open' | 'taken' | 'dismissed'>;
  createdAt: DefaultTimestamp;
}

export interface DB {
  trainingRecords: TrainingRecordsTable;
  examSessions: ExamSessionsTable;
  examCandidates: ExamCandidatesTable;
  examAttempts: ExamAttemptsTable;
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
  counters: CountersTable;
  jobs: JobsTable;
  clocks: ClocksTable;
  riskProfiles: RiskProfilesTable;
  riskTriggers: RiskTriggersTable;
  riskGrades: RiskGradesTable;
  recusals: RecusalsTable;
  inspectionPlans: InspectionPlansTable;
  inspectionPlanItems: InspectionPlanItemsTable;
  draws: DrawsTable;
  drawInputs: DrawInputsTable;
  drawPicks: DrawPicksTable;
  inspections: InspectionsTable;
  inspectionPhotos: InspectionPhotosTable;
  inspectionSubmissions: InspectionSubmissionsTable;
  inspectionFindings: InspectionFindingsTable;
  rectificationOrders: RectificationOrdersTable;
  rectificationEvidence: RectificationEvidenceTable;
  caseLeads: CaseLeadsTable;
  apiKeys: ApiKeysTable;
  traceCodeBatches: TraceCodeBatchesTable;
  traceCodes: TraceCodesTable;
  traceScans: TraceScansTable;
  traceEpcPlaces: TraceEpcPlacesTable;
  traceAlerts: TraceAlertsTable;
  epcisCaptures: EpcisCapturesTable;
  epcisEvents: EpcisEventsTable;
  recalls: RecallsTable;
  recallNotices: RecallNoticesTable;
  selfInspectionReports: SelfInspectionReportsTable;
  selfInspectionAnswers: SelfInspectionAnswersTable;
  selfInspectionRectifications: SelfInspectionRectificationsTable;
  qaReleaseRecords: QaReleaseRecordsTable;
  dutyLists: DutyListsTable;
  dutyRiskItems: DutyRiskItemsTable;
  dutyDailyChecks: DutyDailyChecksTable;
  dutyHazards: DutyHazardsTable;
  dutyWeeklyReports: DutyWeeklyReportsTable;
  dutyMonthlyMinutes: DutyMonthlyMinutesTable;
  monitoringRuleSets: MonitoringRuleSetsTable;
  monitoringDevices: MonitoringDevicesTable;
  monitoringReadings: MonitoringReadingsTable;
  monitoringRollups: MonitoringRollupsTable;
  monitoringAlerts: MonitoringAlertsTable;
  monitoringCameraEvents: MonitoringCameraEventsTable;
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
