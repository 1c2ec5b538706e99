import { memo, useId } from 'react';
import { Card, Input, Radio, Space, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ANSWER_RESULTS, DISPOSITIONS, INSPECTION_LIMITS, type AnswerResult, type ChecklistItem, type Disposition } from '../../api/inspection-types.ts';
import type { DraftAnswer, StoredPhoto } from '../../features/offline/inspection-draft.ts';
import { useMessages } from '../../i18n/setup.ts';
import { PhotoStrip } from './photo-strip.tsx';

/** Problems of one item, by field. */
export interface ItemErrors {
  result?: string;
  note?: string;
  disposition?: string;
  photoIds?: string;
}

/** The DOM id of a form field, from its form path (`answers.<itemId>.note`); item ids may hold any character. */
export function fieldDomId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]/g, (char) => `_${char.charCodeAt(0).toString(16)}`)}`;
}

interface ChecklistItemCardProps {
  item: ChecklistItem;
  number: number;
  answer: DraftAnswer | undefined;
  photos: StoredPhoto[];
  serverPhotoCount: number;
  errors: ItemErrors;
  disabled: boolean;
  onAnswer: (itemId: string, change: Partial<DraftAnswer>) => void;
  onAddPhoto: (itemId: string, file: File) => Promise<void>;
  onRemovePhoto: (itemId: string, photoId: string) => void;
}

function isResult(value: unknown): value is AnswerResult {
  return typeof value === 'string' && (ANSWER_RESULTS as readonly string[]).includes(value);
}

function isDisposition(value: unknown): value is Disposition {
  return typeof value === 'string' && (DISPOSITIONS as readonly string[]).includes(value);
}

/**
 * One checklist item (检查项): its text and basis, 符合 / 不符合 / 不适用, a note (required when failed), for a
 * failed general item the disposition (当场整改 / 限期整改) and whether it affects food safety, and photos.
 * Key items (重点项) are marked in red.
 */
export const ChecklistItemCard = memo(function ChecklistItemCard({
  item,
  number,
  answer,
  photos,
  serverPhotoCount,
  errors,
  disabled,
  onAnswer,
  onAddPhoto,
  onRemovePhoto,
}: ChecklistItemCardProps) {
  const { t } = useTranslation();
  const messages = useMessages();
  const noteId = useId();
  const failed = answer?.result === 'fail';
  const key = item.severity === 'key';
  const path = (field: keyof ItemErrors) => fieldDomId(`answers.${item.id}.${field}`);

  return (
    <Card
      size="small"
      role="group"
      aria-label={`${t('inspectionForm.item', { number })} ${item.text}`}
      className={`shian-inspection-item${key ? ' is-key' : ''}${failed ? ' is-failed' : ''}`}
    >
      <Space size={4} wrap>
        <Typography.Text strong>{t('inspectionForm.item', { number })}</Typography.Text>
        {key ? (
          <Tag color="error" style={{ fontWeight: 600 }}>
            {messages.inspectionForm.severity.key}
          </Tag>
        ) : (
          <Tag>{messages.inspectionForm.severity.general}</Tag>
        )}
      </Space>
      <p className="shian-inspection-item-text">{item.text}</p>
      {item.basis && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }} ellipsis={{ rows: 2, expandable: true }}>
          {t('inspectionForm.basis')}
          {t('common.colon')}
          {item.basis}
        </Typography.Paragraph>
      )}

      <div id={path('result')} className="shian-inspection-field">
        <Radio.Group
          aria-label={t('inspectionForm.resultLabel')}
          optionType="button"
          buttonStyle="solid"
          disabled={disabled}
          value={answer?.result}
          onChange={(event) => {
            const value: unknown = event.target.value;
            if (isResult(value)) onAnswer(item.id, { result: value });
          }}
          options={ANSWER_RESULTS.map((result) => ({ value: result, label: messages.inspectionForm.result[result] }))}
        />
        {errors.result && <span className="shian-field-error">{errors.result}</span>}
      </div>

      {failed && !key && (
        <div id={path('disposition')} className="shian-inspection-field">
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
            {t('inspectionForm.disposition')}
          </Typography.Text>
          <Radio.Group
            aria-label={t('inspectionForm.disposition')}
            disabled={disabled || answer.affectsSafety === true}
            value={answer.affectsSafety === true ? undefined : answer.disposition}
            onChange={(event) => {
              const value: unknown = event.target.value;
              if (isDisposition(value)) onAnswer(item.id, { disposition: value });
            }}
            options={DISPOSITIONS.map((disposition) => ({ value: disposition, label: messages.inspectionForm.dispositions[disposition] }))}
          />
          {errors.disposition && <span className="shian-field-error">{errors.disposition}</span>}
          <div style={{ marginTop: 6 }}>
            <Space size={8}>
              <Switch
                size="small"
                disabled={disabled}
                checked={answer.affectsSafety ?? false}
                aria-label={t('inspectionForm.affectsSafety')}
                onChange={(checked) => onAnswer(item.id, { affectsSafety: checked })}
              />
              <span>{t('inspectionForm.affectsSafety')}</span>
            </Space>
            {answer.affectsSafety === true && (
              <Typography.Text type="warning" style={{ display: 'block', fontSize: 12 }}>
                {t('inspectionForm.caseLead')}
              </Typography.Text>
            )}
          </div>
        </div>
      )}

      <div id={path('note')} className="shian-inspection-field">
        <label htmlFor={noteId} style={{ display: 'block', fontSize: 13, color: failed ? '#cf1322' : 'rgba(0,0,0,0.45)' }}>
          {failed ? t('inspectionForm.failNote') : t('inspectionForm.note')}
        </label>
        <Input.TextArea
          id={noteId}
          autoSize={{ minRows: failed ? 2 : 1, maxRows: 6 }}
          maxLength={INSPECTION_LIMITS.noteLength}
          disabled={disabled}
          status={errors.note ? 'error' : undefined}
          aria-invalid={errors.note ? true : undefined}
          value={answer?.note ?? ''}
          onChange={(event) => onAnswer(item.id, { note: event.target.value })}
        />
        {errors.note && <span className="shian-field-error">{errors.note}</span>}
      </div>

      <div id={path('photoIds')}>
        <PhotoStrip
          photos={photos}
          serverPhotoCount={serverPhotoCount}
          disabled={disabled}
          error={errors.photoIds}
          onAdd={(file) => onAddPhoto(item.id, file)}
          onRemove={(photoId) => onRemovePhoto(item.id, photoId)}
        />
      </div>
    </Card>
  );
});
