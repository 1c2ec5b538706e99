import type { Generated } from 'kysely';
import type { DateString, DefaultTimestamp, Json, Timestamp } from './schema.ts';

/** The self-inspection tables (migration 0005-self-inspection): reports, answers, rectification items, QA releases. */

export interface SelfInspectionReportsTable {
  id: string;
  number: string;
  enterpriseId: string;
  jurisdictionCode: string;
  kind: 'annual' | 'ad_hoc';
  year: number;
  /** The checklist version (`code@version`) the report is answered against. */
  checklistId: string;
  title: string;
  status: Generated<'draft' | 'submitted' | 'acknowledged' | 'returned'>;
  submittedAt: Timestamp | null;
  submittedBy: string | null;
  reviewedAt: Timestamp | null;
  reviewedBy: string | null;
  reviewComment: string | null;
  createdBy: string | null;
  version: Generated<number>;
  createdAt: DefaultTimestamp;
  updatedAt: DefaultTimestamp;
}

export interface SelfInspectionAnswersTable {
  reportId: string;
  itemKey: string;
  result: 'conformant' | 'non_conformant' | 'not_applicable';
  note: Generated<string>;
  rectificationOwner: string | null;
  rectificationDueOn: DateString | null;
  updatedAt: DefaultTimestamp;
}

export interface SelfInspectionRectificationsTable {
  id: string;
  number: string;
  reportId: string;
  enterpriseId: string;
  jurisdictionCode: string;
  itemKey: string;
  /** What was found (the answer's note). */
  finding: string;
  ownerName: string;
  dueOn: DateString;
  status: Generated<'open' | 'closed' | 'verified'>;
  evidence: string | null;
  closedAt: Timestamp | null;
  closedBy: string | null;
  verifiedAt: Timestamp | null;
  verifiedBy: string | null;
  verificationNote: string | null;
  version: Generated<number>;
  createdAt: DefaultTimestamp;
  updatedAt: DefaultTimestamp;
}

export interface QaReleaseRecordsTable {
  id: string;
  number: string;
  enterpriseId: string;
  jurisdictionCode: string;
  productId: string;
  /** The product's GTINs as GTIN-14 when the decision was recorded: the scan page looks a lot up by them. */
  gtins: string[];
  lot: string;
  /** `QaTest[]` (name, result, conclusion). */
  tests: Json;
  decision: 'release' | 'reject';
  personId: string;
  personName: string;
  decidedAt: Timestamp;
  note: Generated<string>;
  /** The record this one corrects (更正); null for a lot's first decision. */
  correctsId: string | null;
  createdBy: string | null;
  createdAt: DefaultTimestamp;
}
