import { Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CLOCK_RULES } from '@shian/domain/deadlines/clock-rules.ts';
import { apiSend } from '../../api/client.ts';
import type { ClockExtended, WorkItem } from '../../api/supervision-types.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { useMessages } from '../../i18n/setup.ts';
import { formatDate } from '../../lib/format.ts';

interface ExtensionValues {
  days: number | null;
  reason: string;
}

const FIELDS = ['days', 'reason'] as const;

/** Working days or calendar days, as the clock's rule counts them (unknown rules: not said). */
function unitOf(ruleId: string): 'working_day' | 'calendar_day' | null {
  const rules: Record<string, { unit: 'working_day' | 'calendar_day' }> = CLOCK_RULES;
  return rules[ruleId]?.unit ?? null;
}

/** 延期: a supervisor extends a statutory clock by some days, with the reason (`POST /clocks/:id/extension`). */
export function ExtensionModal({ item, onClose, onSaved }: { item: WorkItem; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const [form] = Form.useForm<ExtensionValues>();
  const unit = unitOf(item.ruleId);

  return (
    <FormModal<ExtensionValues>
      form={form}
      title={t('workQueue.extendTitle')}
      fields={FIELDS}
      initialValues={{ days: null, reason: '' }}
      submit={(values) => apiSend<ClockExtended>('POST', `/api/v1/clocks/${encodeURIComponent(item.clockId)}/extension`, { days: values.days, reason: values.reason.trim() })}
      onClose={onClose}
      onSaved={onSaved}
      successMessage={t('workQueue.extended')}
      width={520}
    >
      <Typography.Paragraph type="secondary">
        {item.ruleName} · {item.label} · {t('workQueue.columns.dueOn')}
        {t('common.colon')}
        {formatDate(item.dueOn, t('workQueue.paused'))}
      </Typography.Paragraph>
      <Form.Item
        label={t('workQueue.extendDays')}
        name="days"
        extra={unit ? t('workQueue.extendDaysHint', { unit: messages.workQueue.units[unit] }) : undefined}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <InputNumber min={1} max={60} precision={0} style={{ width: 160 }} aria-label={t('workQueue.extendDays')} />
      </Form.Item>
      <Form.Item
        label={t('workQueue.extendReason')}
        name="reason"
        extra={t('workQueue.extendReasonHint')}
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          { min: 2, message: t('workQueue.reasonTooShort', { min: 2 }) },
        ]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}
