import type { Inspection } from '../../api/inspection-types.ts';
import type { DraftSignature, InspectionDraft } from './inspection-draft.ts';

/** Test data for the offline modules' unit tests (not imported by the app). */

export const INSPECTOR_A = '8f0c3c0e-5b7a-4f5e-9a59-1f2b3c4d5e01';
export const INSPECTOR_B = '8f0c3c0e-5b7a-4f5e-9a59-1f2b3c4d5e02';

/** An inspection with two sections: item ids with dots (as the real templates have), general and key items. */
export function inspectionFixture(overrides: Partial<Inspection> = {}): Inspection {
  return {
    id: '2b1d6a4e-0c7f-4d2a-8f3e-6a5b4c3d2e10',
    number: 'JC-2026-000123',
    enterprise: { id: '5d6e7f80-1a2b-4c3d-8e9f-0a1b2c3d4e5f', name: '上海示例保健品商店', uscc: '91310115MA1K000001', address: '浦东新区示例路 1 号', grade: 'B' },
    jurisdictionCode: '310115',
    kind: 'routine',
    kindName: '日常检查',
    origin: 'plan',
    scheduledOn: '2026-03-02',
    status: 'scheduled',
    statusName: '待检查',
    inspectors: [
      { id: INSPECTOR_A, name: '张伟' },
      { id: INSPECTOR_B, name: '李娜' },
    ],
    revision: 0,
    answers: {},
    signatures: null,
    outcome: null,
    outcomeName: null,
    inspectedOn: null,
    publishedAt: null,
    photoIds: [],
    checklist: {
      id: 'health-food-sales@1',
      version: 1,
      title: '保健食品销售监督检查表',
      sections: [
        {
          id: 'hfs-1',
          title: '经营资质与人员',
          items: [
            { id: 'hfs-1.1', key: 'sales.licence_valid', text: '持有有效的食品经营许可证', severity: 'key', basis: '食品安全法 第三十五条' },
            { id: 'hfs-1.2', key: 'sales.licence_displayed', text: '亮证经营', severity: 'general', basis: '总局令第78号' },
          ],
        },
        {
          id: 'hfs-2',
          title: '进货查验',
          items: [
            { id: 'hfs-2.1', key: 'sales.purchase_check', text: '查验供货者许可证和产品合格证明', severity: 'general', basis: '食品安全法 第五十三条' },
            { id: 'hfs-2.10', key: 'sales.purchase_records', text: '进货查验记录完整', severity: 'general', basis: '食品安全法 第五十三条' },
          ],
        },
      ],
    },
    ...overrides,
  };
}

export function signatureFixture(label = 'x'): DraftSignature {
  return {
    image: `data:image/png;base64,${btoa(encodeURIComponent(label))}`,
    strokes: [
      {
        dotSize: 0,
        minWidth: 0.8,
        maxWidth: 2.6,
        penColor: '#000000',
        velocityFilterWeight: 0.7,
        compositeOperation: 'source-over',
        points: [
          { x: 10, y: 10, pressure: 0.5, time: 1 },
          { x: 60, y: 40, pressure: 0.5, time: 2 },
        ],
      },
    ],
  };
}

/** A draft every rule accepts: all items pass, everyone signed. */
export function completeDraftFixture(inspection: Inspection = inspectionFixture()): InspectionDraft {
  const answers: InspectionDraft['answers'] = {};
  for (const section of inspection.checklist.sections) for (const item of section.items) answers[item.id] = { result: 'pass' };
  return {
    inspectionId: inspection.id,
    userId: INSPECTOR_A,
    baseRevision: inspection.revision,
    answers,
    photoIds: {},
    inspectorSignatures: Object.fromEntries(inspection.inspectors.map((inspector) => [inspector.id, signatureFixture(inspector.name)])),
    representative: { name: '王芳', signature: signatureFixture('rep') },
    inspectedOn: '2026-03-02',
    updatedAt: '2026-03-02T02:00:00.000Z',
  };
}
