import { INSPECTION_OUTCOME_NAMES, checklistItems, districtOf, findJurisdiction, type InspectionCounts, type InspectionOutcome } from '@shian/domain';
import type { Ctx } from '../db/transaction.ts';
import { answersOf } from './inspection-completion.ts';
import { findInspection } from './inspection-queries.ts';
import type { Signatures } from './inspection-sync.ts';
import { renderInspectionRecordPdf, type InspectionRecordDocument } from './record-pdf.ts';

const KIND_NAMES = { routine: '日常监督检查', flight: '飞行检查', system: '体系检查', follow_up: '整改复查' } as const;

/** The on-site record (现场检查记录) of a finished inspection as a PDF, in Chinese: it is the legal document. */
export async function renderInspectionRecord(ctx: Ctx, inspectionId: string): Promise<{ number: string; pdf: Buffer }> {
  const view = await findInspection(ctx, inspectionId);
  const { inspection, template } = view;
  const answers = answersOf(inspection);
  const signatures = (inspection.signatures ?? {}) as Partial<Signatures>;
  const licence = await ctx.db
    .selectFrom('licences')
    .select('number')
    .where('enterpriseId', '=', inspection.enterpriseId)
    .where('status', '=', 'valid')
    .orderBy('issuedOn', 'desc')
    .executeTakeFirst();
  const order = await ctx.db.selectFrom('rectificationOrders').select('dueOn').where('inspectionId', '=', inspection.id).executeTakeFirst();
  const sectionOf = new Map(template.sections.flatMap((s) => s.items.map((i) => [i.id, s.title['zh-CN']] as const)));
  const district = findJurisdiction(districtOf(inspection.jurisdictionCode) ?? inspection.jurisdictionCode);
  const doc: InspectionRecordDocument = {
    bureau: `上海市${district?.nameZh ?? ''}市场监督管理局`,
    number: inspection.number,
    enterprise: { name: view.enterprise.name, uscc: view.enterprise.uscc, address: view.enterprise.address, licenceNumber: licence?.number ?? null },
    kind: KIND_NAMES[inspection.kind],
    inspectedOn: inspection.inspectedOn ?? inspection.scheduledOn,
    checklistTitle: `${template.title['zh-CN']}（第${template.version}版）`,
    items: checklistItems(template).map((item) => {
      const answer = answers[item.id];
      return {
        section: sectionOf.get(item.id) ?? '',
        text: item.text['zh-CN'],
        severity: item.severity,
        result: answer?.result ?? 'na',
        note: answer?.note ?? null,
      };
    }),
    outcome: outcomeLine(inspection.outcome, inspection.counts as InspectionCounts | null),
    rectificationDueOn: order?.dueOn ?? null,
    inspectors: view.inspectors.map((i) => ({ name: i.name, signaturePng: pngOf(signatures.inspectors?.find((s) => s.userId === i.id)?.image) })),
    representative: signatures.representative ? { name: signatures.representative.name, signaturePng: pngOf(signatures.representative.image) } : null,
    photosCount: view.photoIds.length,
    generatedAt: (inspection.completedAt ?? inspection.updatedAt).toISOString(),
  };
  return { number: inspection.number, pdf: await renderInspectionRecordPdf(doc) };
}

/** The conclusion as written on the record: what was checked, what failed, and what follows. */
function outcomeLine(outcome: InspectionOutcome | null, counts: InspectionCounts | null): string {
  if (!outcome || !counts) return '检查未完成';
  const found = counts.failed === 0 ? '未发现不符合项' : `发现不符合项 ${counts.failed} 项（重点项 ${counts.keyFailed} 项，一般项 ${counts.generalFailed} 项）`;
  return `共检查 ${counts.checked} 项，${found}。结论：${INSPECTION_OUTCOME_NAMES[outcome]['zh-CN']}。`;
}

const pngOf = (dataUrl: string | undefined): Uint8Array | null => (dataUrl ? Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64') : null);
