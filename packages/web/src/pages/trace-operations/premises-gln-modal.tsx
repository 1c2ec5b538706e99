import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiSend } from '../../api/client.ts';
import type { Premises } from '../../api/types.ts';
import { FormModal } from '../../components/form-modal.tsx';

/**
 * Sets or clears the GS1 GLN (全球位置码) of a premises (`PATCH /premises/:id`): 13 digits with the GS1 check
 * digit, unique on the platform; the server names a wrong check digit or a GLN already taken on the field.
 * Shown from the dossier's premises list.
 */
export function PremisesGlnModal({ premises, onClose, onSaved }: { premises: Premises; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ gln: string }>();
  return (
    <FormModal<{ gln: string }>
      form={form}
      title={`${t('traceOps.gln.title')} · ${premises.name}`}
      fields={['gln']}
      initialValues={{ gln: premises.gln ?? '' }}
      submit={(values) => apiSend('PATCH', `/api/v1/premises/${premises.id}`, { gln: values.gln.trim() || null })}
      onClose={onClose}
      onSaved={onSaved}
      successMessage={t('common.saved')}
      width={480}
    >
      <Form.Item label={t('traceOps.gln.label')} name="gln" extra={t('traceOps.gln.hint')} rules={[{ pattern: /^\s*(\d{13})?\s*$/, message: t('traceOps.gln.format') }]}>
        <Input inputMode="numeric" maxLength={13} autoComplete="off" />
      </Form.Item>
    </FormModal>
  );
}
