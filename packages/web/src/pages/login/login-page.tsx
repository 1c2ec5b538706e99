import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { GlobalOutlined, LockOutlined, SafetyCertificateFilled, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { apiSend } from '../../api/client.ts';
import { queryKeys } from '../../api/queries.ts';
import type { CurrentUser } from '../../api/types.ts';
import { LocaleSwitch } from '../../app/locale-switch.tsx';
import { useLocale } from '../../i18n/setup.ts';
import { safeReturnPath } from '../../lib/safe-return-path.ts';

interface LoginValues {
  username: string;
  password: string;
}

/** Sign-in: username and password; the server's message (in the chosen language) on failure. */
export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const locale = useLocale();

  // A message in the previous language would confuse; the next attempt answers in the new one.
  useEffect(() => setError(null), [locale]);

  const submit = async (values: LoginValues) => {
    setSubmitting(true);
    setError(null);
    try {
      const { user } = await apiSend<{ user: CurrentUser }>('POST', '/api/v1/auth/login', values, { redirectOnUnauthorized: false });
      queryClient.clear();
      queryClient.setQueryData(queryKeys.me, user);
      await navigate(safeReturnPath(params.get('next')), { replace: true });
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : t('app.error'));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="shian-login">
      <div className="shian-login-locale">
        <LocaleSwitch size="middle" />
      </div>
      <header className="shian-login-brand">
        <SafetyCertificateFilled style={{ fontSize: 40, color: '#ffd666' }} aria-hidden />
        <Typography.Title level={1}>{t('app.name')}</Typography.Title>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.9)' }}>{t('app.productLine')}</Typography.Text>
      </header>
      <Card className="shian-login-card" title={t('login.title')}>
        <main>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Form<LoginValues> layout="vertical" onFinish={submit} requiredMark={false} disabled={submitting}>
            <Form.Item label={t('login.username')} name="username" rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus size="large" />
            </Form.Item>
            <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
              {t('login.submit')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
            {t('login.scopeNote')}
          </Typography.Paragraph>
        </main>
      </Card>
      {/* 信息公开: the published draws and results need no account. */}
      <footer style={{ marginTop: 16, textAlign: 'center' }}>
        <Link to="/public/draws" style={{ color: '#1554ad', textDecoration: 'none' }}>
          <GlobalOutlined aria-hidden /> {t('publicPages.loginFooter')}
        </Link>
      </footer>
    </div>
  );
}
