import { useState } from 'react';
import { Button, DatePicker, Form, Input, Space, Typography } from 'antd';
import { CalendarOutlined, CheckCircleOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { apiSend } from '../../api/client.ts';
import { RECTIFICATION_LIMITS, type RectificationOrder } from '../../api/supervision-types.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { toIsoDate } from '../../lib/format.ts';

const verificationPath = (order: RectificationOrder) => `/api/v1/rectification-orders/${encodeURIComponent(order.id)}/verification`;

/** 书面核查通过: the fix is verified from the report and evidence, with the inspector's note. */
function RemoteModal({ order, onClose, onSaved }: { order: RectificationOrder; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  return (
    <FormModal<{ note: string }>
      form={form}
      title={t('rectification.verifyRemote')}
      fields={['note']}
      initialValues={{ note: '' }}
      submit={(values) => apiSend('POST', verificationPath(order), { method: 'remote', note: values.note.trim() })}
      onClose={onClose}
      onSaved={onSaved}
      successMessage={t('rectification.verified')}
      width={520}
    >
      <Typography.Paragraph type="secondary">{t('rectification.detailTitle', { number: order.number })}</Typography.Paragraph>
      <Form.Item label={t('rectification.verifyNote')} name="note" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input.TextArea rows={4} maxLength={RECTIFICATION_LIMITS.verificationNoteLength} showCount placeholder={t('rectification.verifyNotePlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}

/** 安排现场复查: a follow-up inspection with the original inspectors (the server creates it). */
function FollowUpModal({ order, onClose, onSaved }: { order: RectificationOrder; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ scheduledOn: Dayjs | null }>();
  return (
    <FormModal<{ scheduledOn: Dayjs | null }>
      form={form}
      title={t('rectification.verifyFollowUp')}
      fields={['scheduledOn']}
      initialValues={{ scheduledOn: dayjs().add(5, 'day') }}
      submit={(values) => apiSend('POST', verificationPath(order), { method: 'follow_up', ...(values.scheduledOn ? { scheduledOn: toIsoDate(values.scheduledOn) } : {}) })}
      onClose={onClose}
      onSaved={onSaved}
      successMessage={t('rectification.followUpScheduled')}
      width={480}
    >
      <Typography.Paragraph type="secondary">{t('rectification.detailTitle', { number: order.number })}</Typography.Paragraph>
      <Form.Item label={t('rectification.followUpDate')} name="scheduledOn" extra={t('rectification.followUpHint')}>
        <DatePicker style={{ width: '100%', maxWidth: 240 }} disabledDate={(day) => day.isBefore(dayjs(), 'day')} aria-label={t('rectification.followUpDate')} />
      </Form.Item>
    </FormModal>
  );
}

/** The verification actions of an answered order, for inspectors and supervisors (rectification.verify). */
export function VerifyActions({ order, onVerified }: { order: RectificationOrder; onVerified: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'remote' | 'follow_up' | null>(null);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('rectification.verifyHint')}</Typography.Paragraph>
      <Space wrap>
        <Button type="primary" icon={<CheckCircleOutlined aria-hidden />} onClick={() => setOpen('remote')}>
          {t('rectification.verifyRemote')}
        </Button>
        {!order.followUpInspectionId && (
          <Button icon={<CalendarOutlined aria-hidden />} onClick={() => setOpen('follow_up')}>
            {t('rectification.verifyFollowUp')}
          </Button>
        )}
      </Space>
      {open === 'remote' && <RemoteModal order={order} onClose={() => setOpen(null)} onSaved={onVerified} />}
      {open === 'follow_up' && <FollowUpModal order={order} onClose={() => setOpen(null)} onSaved={onVerified} />}
    </>
  );
}
