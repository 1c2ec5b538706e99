import { App as AntApp, Button, Result, Spin } from 'antd';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { useCurrentUserQuery } from '../api/queries.ts';
import { loginPathFor } from '../lib/safe-return-path.ts';
import { AppLayout } from './app-layout.tsx';
import { CurrentUserProvider } from './current-user.tsx';

/** Every page but sign-in: loads the session user, sends anonymous visitors to /login?next=…, then the layout. */
export function AuthenticatedShell() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useCurrentUserQuery();

  if (me.isPending) {
    return (
      <div className="shian-fullscreen-center" role="status" aria-live="polite">
        <Spin size="large" />
        <span className="shian-visually-hidden">{t('app.loading')}</span>
      </div>
    );
  }
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) return <Navigate to={loginPathFor(location)} replace />;
    return (
      <Result
        status="error"
        title={t('app.error')}
        subTitle={me.error.message}
        extra={
          <Button type="primary" onClick={() => void me.refetch()}>
            {t('app.retry')}
          </Button>
        }
      />
    );
  }
  return (
    <CurrentUserProvider user={me.data}>
      <AntApp>
        <AppLayout />
      </AntApp>
    </CurrentUserProvider>
  );
}
