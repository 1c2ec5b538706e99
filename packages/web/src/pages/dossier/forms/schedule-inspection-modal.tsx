import { useRef } from 'react';
import { Alert, Checkbox, DatePicker, Form, Radio, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { apiSend } from '../../../api/client.ts';
import type { Inspection } from '../../../api/inspection-types.ts';
import { useEligibleInspectors } from '../../../api/supervision-queries.ts';
import { SCHEDULED_KINDS, type ScheduledKind } from '../../../api/supervision-types.ts';
import { FormModal } from '../../../components/form-modal.tsx';
import { useMessages } from '../../../i18n/setup.ts';
import { toIsoDate } from '../../../lib/format.ts';

interface ScheduleValues {
  kind: ScheduledKind;
  scheduledOn: Dayjs | null;
  inspectorIds: string[];
}

const FIELDS = ['kind', 'scheduledOn', 'inspectorIds'] as const;
/** 49号令: every inspection is carried out by at least two inspectors; the contract takes at most six. */
const MIN_INSPECTORS = 2;
const MAX_INSPECTORS = 6;

interface ScheduleInspectionModalProps {
  enterprise: { id: string; name: string };
  onClose: () => void;
  onSaved: (inspection: Inspection) => void;
}

/**
 * 安排检查: a supervisor schedules an inspection of this enterprise with at least two inspectors from the
 * roster; inspectors who declared a recusal (回避) or work elsewhere are listed but cannot be picked.
 */
export function ScheduleInspectionModal({ enterprise, onClose, onSaved }: ScheduleInspectionModalProps) {
  const { t } = useTranslation();
  const messages = useMessages();
  const [form] = Form.useForm<ScheduleValues>();
  const roster = useEligibleInspectors(enterprise.id);
  // The inspection the server made, handed on after the modal's success message.
  const created = useRef<Inspection | null>(null);

  const submit = async (values: ScheduleValues) => {
    created.current = await apiSend<Inspection>('POST', '/api/v1/inspections', {
      enterpriseId: enterprise.id,
      kind: values.kind,
      scheduledOn: toIsoDate(values.scheduledOn),
      inspectorIds: values.inspectorIds,
    });
  };

  return (
    <FormModal<ScheduleValues>
      form={form}
      title={t('inspectionDetail.schedule')}
      fields={FIELDS}
      initialValues={{ kind: 'routine', scheduledOn: dayjs().add(1, 'day'), inspectorIds: [] }}
      submit={submit}
      onClose={onClose}
      onSaved={() => {
        if (created.current) onSaved(created.current);
      }}
      successMessage={t('inspectionDetail.scheduled')}
      width={560}
    >
      <Typography.Paragraph>
        <Typography.Text strong>{enterprise.name}</Typography.Text>
      </Typography.Paragraph>
      <Form.Item label={t('inspectionDetail.fields.kind')} name="kind" rules={[{ required: true, message: t('common.required') }]}>
        <Radio.Group options={SCHEDULED_KINDS.map((kind) => ({ value: kind, label: messages.inspectionDetail.kinds[kind] }))} />
      </Form.Item>
      <Form.Item label={t('inspectionDetail.fields.scheduledOn')} name="scheduledOn" rules={[{ required: true, message: t('common.required') }]}>
        <DatePicker style={{ width: '100%', maxWidth: 240 }} disabledDate={(day) => day.isBefore(dayjs(), 'day')} aria-label={t('inspectionDetail.fields.scheduledOn')} />
      </Form.Item>
      {roster.data && roster.data.length > 0 ? (
        <Form.Item
          label={t('inspectionDetail.fields.inspectors')}
          name="inspectorIds"
          required
          extra={t('inspectionDetail.inspectorsHint', { min: MIN_INSPECTORS })}
          rules={[
            {
              validator: (_rule, ids: string[] | undefined) => {
                const count = ids?.length ?? 0;
                if (count < MIN_INSPECTORS) return Promise.reject(new Error(t('inspectionDetail.inspectorsMin', { min: MIN_INSPECTORS })));
                if (count > MAX_INSPECTORS) return Promise.reject(new Error(t('inspectionDetail.inspectorsMax', { max: MAX_INSPECTORS })));
                return Promise.resolve();
              },
            },
          ]}
        >
          <Checkbox.Group style={{ display: 'block' }}>
            <Space orientation="vertical" size={6}>
              {roster.data.map((inspector) => (
                <Checkbox key={inspector.id} value={inspector.id} disabled={inspector.ineligible !== null}>
                  {inspector.name}
                  {inspector.ineligible && (
                    <Tag style={{ marginInlineStart: 8 }} color={inspector.ineligible === 'recused' ? 'orange' : 'default'}>
                      {messages.inspectionDetail.ineligible[inspector.ineligible]}
                    </Tag>
                  )}
                </Checkbox>
              ))}
            </Space>
          </Checkbox.Group>
        </Form.Item>
      ) : (
        <Form.Item label={t('inspectionDetail.fields.inspectors')}>
          {roster.isPending ? (
            <Skeleton active paragraph={{ rows: 2 }} title={false} />
          ) : roster.isError ? (
            <Alert type="error" showIcon title={roster.error.message} />
          ) : (
            <Typography.Text type="secondary">{t('inspectionDetail.noInspectors')}</Typography.Text>
          )}
        </Form.Item>
      )}
    </FormModal>
  );
}
