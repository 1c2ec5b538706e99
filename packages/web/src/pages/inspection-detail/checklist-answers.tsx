import { Card, Image, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnswerResult, ChecklistItem, Inspection, InspectionAnswer } from '../../api/inspection-types.ts';
import { inspectionPhotoUrl } from '../../api/supervision-queries.ts';
import { useMessages } from '../../i18n/setup.ts';

const RESULT_COLORS: Record<AnswerResult, string> = { pass: 'green', fail: 'red', na: 'default' };

/** How a failed item is dealt with: a key item or one that affects food safety is a case lead (案件线索). */
export type FindingDisposition = 'fixed_on_site' | 'rectification' | 'case_lead';

export function dispositionOf(item: ChecklistItem, answer: InspectionAnswer): FindingDisposition | null {
  if (answer.result !== 'fail') return null;
  if (item.severity === 'key' || answer.affectsSafety === true) return 'case_lead';
  return answer.disposition ?? null;
}

const DISPOSITION_COLORS: Record<FindingDisposition, string> = { fixed_on_site: 'blue', rectification: 'orange', case_lead: 'red' };

export function DispositionTag({ disposition }: { disposition: FindingDisposition }) {
  const messages = useMessages();
  return <Tag color={DISPOSITION_COLORS[disposition]}>{messages.inspectionDetail.dispositions[disposition]}</Tag>;
}

/** Photo thumbnails of one answer, from the inspection's photo endpoint; a click opens the preview. */
function AnswerPhotos({ inspectionId, photoIds }: { inspectionId: string; photoIds: readonly string[] }) {
  const { t } = useTranslation();
  if (photoIds.length === 0) return null;
  return (
    <div className="shian-checklist-photos">
      <Image.PreviewGroup>
        {photoIds.map((photoId, index) => (
          <Image key={photoId} src={inspectionPhotoUrl(inspectionId, photoId)} alt={t('inspectionDetail.photo', { number: index + 1 })} width={72} height={72} loading="lazy" />
        ))}
      </Image.PreviewGroup>
    </div>
  );
}

function ItemRow({ inspection, item, number }: { inspection: Inspection; item: ChecklistItem; number: string }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const answer = inspection.answers[item.id];
  const disposition = answer ? dispositionOf(item, answer) : null;
  const classes = [item.severity === 'key' ? 'is-key' : '', answer?.result === 'fail' ? 'is-failed' : ''].filter(Boolean).join(' ');
  return (
    <li className={classes || undefined}>
      <div className="shian-checklist-head">
        <span className="shian-checklist-number">{number}</span>
        <div className="shian-checklist-text">
          {item.severity === 'key' && (
            <Tag color="red" style={{ marginInlineEnd: 6 }}>
              {t('inspectionDetail.keyItem')}
            </Tag>
          )}
          {item.text}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {t('inspectionDetail.basis')}
            {t('common.colon')}
            {item.basis}
          </Typography.Text>
        </div>
      </div>
      <div className="shian-checklist-answer">
        {answer ? (
          <Tag color={RESULT_COLORS[answer.result]}>{messages.inspectionDetail.results[answer.result]}</Tag>
        ) : (
          <Tag>{t('inspectionDetail.notAnswered')}</Tag>
        )}
        {disposition && <DispositionTag disposition={disposition} />}
        {answer?.note && <span style={{ fontSize: 13 }}>{answer.note}</span>}
      </div>
      <AnswerPhotos inspectionId={inspection.id} photoIds={answer?.photoIds ?? []} />
    </li>
  );
}

/** The checklist section by section, each item with its answer (符合 / 不符合 / 不适用), note and photos. */
export function ChecklistAnswers({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={`${t('inspectionDetail.checklist')} · ${inspection.checklist.title}`}>
      {inspection.checklist.sections.map((section, sectionIndex) => (
        <section key={section.id} aria-labelledby={`section-${section.id}`} style={{ marginTop: sectionIndex === 0 ? 0 : 16 }}>
          <Typography.Title level={5} id={`section-${section.id}`} style={{ marginTop: 0 }}>
            {sectionIndex + 1}. {section.title}
          </Typography.Title>
          <ol className="shian-checklist">
            {section.items.map((item, itemIndex) => (
              <ItemRow key={item.id} inspection={inspection} item={item} number={`${sectionIndex + 1}.${itemIndex + 1}`} />
            ))}
          </ol>
        </section>
      ))}
    </Card>
  );
}
