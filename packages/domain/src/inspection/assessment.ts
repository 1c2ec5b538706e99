import type { Localised } from '../i18n/locale.ts';
import { answerOf } from './answers.ts';
import type { InspectionAnswer } from './answers.ts';
import { checklistItems } from './checklists/index.ts';
import type { ChecklistSeverity, ChecklistTemplate } from './checklists/types.ts';

/**
 * What happens to a failed item (食品生产经营监督检查管理办法（总局令第49号）第三十二条、第三十三条):
 * fixed on site (当场整改), rectification within a time limit (限期整改), or a case lead (案件线索) to be
 * investigated. In rising order of seriousness.
 */
export const FINDING_DISPOSITIONS = ['fixed_on_site', 'rectification', 'case_lead'] as const;
export type FindingDisposition = (typeof FINDING_DISPOSITIONS)[number];

export const FINDING_DISPOSITION_NAMES: Record<FindingDisposition, Localised> = {
  fixed_on_site: { 'zh-CN': '当场整改', 'en-US': 'Fixed on site' },
  rectification: { 'zh-CN': '限期整改', 'en-US': 'Rectification within a time limit' },
  case_lead: { 'zh-CN': '案件线索', 'en-US': 'Case lead' },
};

/** The conclusion of an inspection: compliant, or the most serious disposition among its findings. */
export const INSPECTION_OUTCOMES = ['compliant', ...FINDING_DISPOSITIONS] as const;
export type InspectionOutcome = (typeof INSPECTION_OUTCOMES)[number];

export const INSPECTION_OUTCOME_NAMES: Record<InspectionOutcome, Localised> = {
  compliant: { 'zh-CN': '符合要求', 'en-US': 'Compliant' },
  fixed_on_site: { 'zh-CN': '发现问题，已当场整改', 'en-US': 'Problems found and fixed on site' },
  rectification: { 'zh-CN': '发现问题，责令限期整改', 'en-US': 'Problems found; rectification ordered within a time limit' },
  case_lead: { 'zh-CN': '发现案件线索，依法调查处理', 'en-US': 'Case lead found; to be investigated' },
};


export interface InspectionFinding {
  itemId: string;
  /** The item's key, stable across checklist versions (repeat violations). */
  key: string;
  severity: ChecklistSeverity;
  disposition: FindingDisposition;
  note: string;
}

export interface InspectionCounts {
  /** Items of the checklist that have an answer (passed + failed + notApplicable). */
  checked: number;
  passed: number;
  failed: number;
  notApplicable: number;
  keyFailed: number;
  generalFailed: number;
}

export interface InspectionAssessment {
  /** One per failed item, in checklist order. */
  findings: InspectionFinding[];
  outcome: InspectionOutcome;
  counts: InspectionCounts;
}

/**
 * The disposition of a failed item: a key item is a case lead (49号令 第三十二条); a general item that
 * affects food safety is a case lead (第三十三条); any other general item takes the inspector's disposition,
 * rectification when none was given (answers are validated before; this keeps the stricter path).
 */
function dispositionOf(severity: ChecklistSeverity, answer: InspectionAnswer): FindingDisposition {
  if (severity === 'key' || answer.affectsSafety === true) return 'case_lead';
  return answer.disposition ?? 'rectification';
}

/**
 * Assesses answered checklist items: a finding per failed item and the outcome, the most serious disposition
 * present (case lead > rectification > fixed on site), or compliant without findings. Answers to ids the
 * template does not have are ignored; validate with `validateAnswers` first.
 */
export function assessInspection(template: ChecklistTemplate, answers: Readonly<Record<string, InspectionAnswer>>): InspectionAssessment {
  const findings: InspectionFinding[] = [];
  const counts: InspectionCounts = { checked: 0, passed: 0, failed: 0, notApplicable: 0, keyFailed: 0, generalFailed: 0 };
  for (const item of checklistItems(template)) {
    const answer = answerOf(answers, item.id);
    if (!answer) continue;
    counts.checked += 1;
    if (answer.result === 'pass') counts.passed += 1;
    else if (answer.result === 'na') counts.notApplicable += 1;
    else {
      counts.failed += 1;
      if (item.severity === 'key') counts.keyFailed += 1;
      else counts.generalFailed += 1;
      findings.push({ itemId: item.id, key: item.key, severity: item.severity, disposition: dispositionOf(item.severity, answer), note: answer.note?.trim() ?? '' });
    }
  }
  let outcome: InspectionOutcome = 'compliant';
  for (const finding of findings) {
    if (INSPECTION_OUTCOMES.indexOf(finding.disposition) > INSPECTION_OUTCOMES.indexOf(outcome)) outcome = finding.disposition;
  }
  return { findings, outcome, counts };
}
