import { useState } from 'react';
import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { apiSend } from '../../api/client.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { applyServerError, type FormServerError } from '../../lib/form-errors.ts';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const FIELDS = ['currentPassword', 'newPassword'] as const;

export function PasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const [serverError, setServerError] = useState<FormServerError | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async ({ currentPassword, newPassword }: PasswordValues) => {
    setSaving(true);
    setServerError(null);
    try {
      await apiSend<void>('POST', '/api/v1/auth/password', { currentPassword, newPassword });
      void message.success(t('password.done'));
      form.resetFields();
      await navigate('/');
    } catch (error) {
      const shown = applyServerError(form, error, FIELDS, t('app.error'));
      // Codes that concern one field put their message on it as well.
      if (shown.code === 'auth.wrong_password') form.setFields([{ name: 'currentPassword', errors: [shown.message] }]);
      if (shown.code === 'auth.password_too_weak') form.setFields([{ name: 'newPassword', errors: [shown.message] }]);
      setServerError(shown);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <div className="shian-page-header">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('password.title')}
        </Typography.Title>
      </div>
      <Card style={{ maxWidth: 520 }}>
        <FormErrorAlert error={serverError} />
        <Form<PasswordValues> form={form} layout="vertical" onFinish={submit} disabled={saving}>
          <Form.Item label={t('password.current')} name="currentPassword" rules={[{ required: true, message: t('password.required') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label={t('password.next')}
            name="newPassword"
            extra={t('password.hint')}
            rules={[{ required: true, message: t('password.required') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={t('password.confirm')}
            name="confirmPassword"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.required') },
              ({ getFieldValue }) => ({
                validator: (_rule, value: unknown) =>
                  !value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
