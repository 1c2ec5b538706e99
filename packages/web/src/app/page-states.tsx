import { Button, Spin } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';

/**
 * States the router needs before any page chunk has loaded. They avoid antd's <Result> (its illustrations
 * would weigh on the first load); the full-page statuses are in `status-pages.tsx`.
 */

/** Shown while a lazily loaded page arrives. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="shian-page-loading" role="status" aria-live="polite">
      <Spin />
      <span className="shian-visually-hidden">{t('app.loading')}</span>
    </div>
  );
}

/** A lazily loaded chunk that fails (usually: a new deployment replaced it) or a render error. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const chunkFailed = error instanceof Error && /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message);
  const detail = notFound ? t('app.notFound') : chunkFailed ? t('app.chunkError') : error instanceof Error ? error.message : '';
  return (
    <div className="shian-route-error" role="alert">
      <h1>{notFound ? '404' : t('app.error')}</h1>
      {detail && <p>{detail}</p>}
      <Button type="primary" onClick={() => (notFound ? window.location.assign('/') : window.location.reload())}>
        {notFound ? t('app.backHome') : t('app.reload')}
      </Button>
    </div>
  );
}
