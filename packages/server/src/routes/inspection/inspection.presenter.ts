import { INSPECTION_OUTCOME_NAMES, type ChecklistTemplate, type Locale } from '@shian/domain';
import type { InspectionView } from '@shian/core';
import type { z } from 'zod';
import type { checklistSchema, inspectionSchema } from './inspection.contract.ts';

export const INSPECTION_KIND_NAMES = {
  routine: { 'zh-CN': '日常监督检查', 'en-US': 'Routine inspection' },
  flight: { 'zh-CN': '飞行检查', 'en-US': 'Unannounced inspection' },
  system: { 'zh-CN': '体系检查', 'en-US': 'Quality-system audit' },
  follow_up: { 'zh-CN': '整改复查', 'en-US': 'Follow-up inspection' },
} as const;

export const INSPECTION_STATUS_NAMES = {
  scheduled: { 'zh-CN': '待检查', 'en-US': 'Scheduled' },
  in_progress: { 'zh-CN': '检查中', 'en-US': 'In progress' },
  completed: { 'zh-CN': '已完成', 'en-US': 'Completed' },
  published: { 'zh-CN': '已公示', 'en-US': 'Published' },
  cancelled: { 'zh-CN': '已取消', 'en-US': 'Cancelled' },
} as const;

export function presentChecklist(template: ChecklistTemplate, locale: Locale): z.infer<typeof checklistSchema> {
  return {
    id: template.id,
    version: template.version,
    title: template.title[locale],
    sections: template.sections.map((s) => ({
      id: s.id,
      title: s.title[locale],
      items: s.items.map((i) => ({ id: i.id, key: i.key, text: i.text[locale], severity: i.severity, basis: i.basis })),
    })),
  };
}

/** Stored JSON written by the sync use case after validation. */
type Stored<T> = T;

export function presentInspection(view: InspectionView, locale: Locale): z.infer<typeof inspectionSchema> {
  const { inspection: i } = view;
  const signatures = i.signatures as Stored<Partial<NonNullable<z.infer<typeof inspectionSchema>['signatures']>> | null>;
  return {
    id: i.id,
    number: i.number,
    enterprise: { ...view.enterprise, grade: (view.enterprise.grade as 'A' | 'B' | 'C' | 'D' | null) ?? null },
    jurisdictionCode: i.jurisdictionCode,
    kind: i.kind,
    kindName: INSPECTION_KIND_NAMES[i.kind][locale],
    origin: i.origin,
    scheduledOn: i.scheduledOn,
    status: i.status,
    statusName: INSPECTION_STATUS_NAMES[i.status][locale],
    inspectors: view.inspectors,
    revision: i.revision,
    answers: i.answers as Stored<z.infer<typeof inspectionSchema>['answers']>,
    signatures: signatures?.inspectors ? { inspectors: signatures.inspectors, representative: signatures.representative ?? null } : null,
    outcome: i.outcome,
    outcomeName: i.outcome ? INSPECTION_OUTCOME_NAMES[i.outcome][locale] : null,
    inspectedOn: i.inspectedOn,
    publishedAt: i.publishedAt?.toISOString() ?? null,
    photoIds: view.photoIds,
    checklist: presentChecklist(view.template, locale),
  };
}
