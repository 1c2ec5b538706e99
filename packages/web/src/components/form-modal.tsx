import { useState, type ReactNode } from 'react';
import { App, Form, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { applyServerError, type FormServerError } from '../lib/form-errors.ts';
import { FormErrorAlert } from './form-error-alert.tsx';

export interface FormModalProps<V extends object> {
  form: FormInstance<V>;
  title: ReactNode;
  /** The names of this form's fields: server error details for them go on the field, the rest to the alert. */
  fields: readonly string[];
  initialValues?: Partial<V>;
  submit: (values: V) => Promise<unknown>;
  onClose: () => void;
  onSaved?: () => void;
  /** Sees every server error first (e.g. to offer a confirmation); the usual field mapping still runs. */
  onServerError?: (error: ApiError) => void;
  /** The record changed under the user (409 `resource.conflict`): reload it; the form keeps what was typed. */
  onConflict?: () => void;
  successMessage: string;
  children: ReactNode;
  width?: number;
}

/**
 * A modal with one form: vertical layout (so fields stack on a phone), server errors mapped onto fields,
 * values kept on failure. Mount it only while open (`{editing && <FormModal …/>}`), so each opening starts fresh.
 */
export function FormModal<V extends object>(props: FormModalProps<V>) {
  const { form, title, fields, initialValues, submit, onClose, onSaved, onServerError, onConflict, successMessage, children, width } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<FormServerError | null>(null);

  const handleFinish = async (values: V) => {
    setSaving(true);
    setServerError(null);
    try {
      await submit(values);
      void message.success(successMessage);
      onSaved?.();
      onClose();
    } catch (error) {
      if (error instanceof ApiError) {
        onServerError?.(error);
        if (error.code === 'resource.conflict') onConflict?.();
      }
      setServerError(applyServerError(form, error, fields, t('app.error')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      width={width ?? 640}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={handleFinish} scrollToFirstError>
        <FormErrorAlert error={serverError} />
        {children}
      </Form>
    </Modal>
  );
}
