import { Form, Input, Radio } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal.tsx';
import { RECALL_LEVELS, createRecall, invalidateRecalls, type RecallLevel } from './recall-api.ts';

interface RecallForm {
  gtin: string;
  lot?: string;
  serials?: string;
  level: RecallLevel;
  reason: string;
}

const FIELDS = ['gtin', 'lot', 'serials', 'level', 'reason'] as const;

/**
 * 发起召回: a product's GTIN with a lot, or some serials (one per line), the level and the reason. The recall
 * takes effect at once; the page of the new recall then shows the trace and notices as the job finishes.
 */
export function RecallCreateModal({ onClose, initial }: { onClose: () => void; initial?: { gtin?: string; lot?: string } }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RecallForm>();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const submit = async (values: RecallForm) => {
    const serials = (values.serials ?? '')
      .split(/[\s,，;；]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const created = await createRecall({ gtin: values.gtin.trim(), lot: values.lot?.trim() || null, ...(serials.length ? { serials } : {}), level: values.level, reason: values.reason });
    await invalidateRecalls(queryClient);
    void navigate(`/recalls/${created.id}`);
  };
  return (
    <FormModal<RecallForm>
      form={form}
      title={t('recalls.createTitle')}
      fields={FIELDS}
      initialValues={{ level: '2', ...initial }}
      submit={submit}
      onClose={onClose}
      successMessage={t('recalls.created')}
    >
      <Form.Item name="gtin" label={t('recalls.fields.gtin')} rules={[{ required: true, message: t('common.required') }]}>
        <Input inputMode="numeric" maxLength={14} autoComplete="off" />
      </Form.Item>
      <Form.Item name="lot" label={t('recalls.fields.lot')}>
        <Input maxLength={20} autoComplete="off" />
      </Form.Item>
      <Form.Item name="serials" label={t('recalls.fields.serials')} extra={t('recalls.fields.serialsHint')}>
        <Input.TextArea rows={3} autoComplete="off" />
      </Form.Item>
      <Form.Item name="level" label={t('recalls.fields.level')} rules={[{ required: true, message: t('common.required') }]}>
        <Radio.Group
          options={RECALL_LEVELS.map((level) => ({ value: level, label: `${t(`recalls.levels.${level}`)}（${t(`recalls.levelHints.${level}`)}）` }))}
          style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
        />
      </Form.Item>
      <Form.Item name="reason" label={t('recalls.fields.reason')} rules={[{ required: true, message: t('common.required') }]}>
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
    </FormModal>
  );
}
