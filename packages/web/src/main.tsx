import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configureApiClient } from './api/client.ts';
import { createQueryClient } from './api/queries.ts';
import { AppRoot } from './app/app-root.tsx';
import { router } from './app/router.tsx';
import { keepSessionForOffline } from './features/offline/offline-session.ts';
import { registerServiceWorker } from './features/offline/service-worker.ts';
import { setOfflineUser, startOutboxSync } from './features/offline/sync-runtime.ts';
import { currentLocale, setupI18n } from './i18n/setup.ts';
import i18next from 'i18next';
import { loginPathFor } from './lib/safe-return-path.ts';
import './styles.css';

setupI18n();
const queryClient = createQueryClient();

// Offline inspections (现场检查): the last signed-in user stands in when the server cannot be reached, and
// submissions queued on the device are sent when the user is known and whenever the network returns.
keepSessionForOffline(queryClient, (user) => setOfflineUser(user?.id ?? null));
startOutboxSync();

configureApiClient({
  getLocale: currentLocale,
  fallbackMessage: (status) => (status === 0 ? i18next.t('app.networkError') : i18next.t('app.unknownError', { status })),
  // An expired session anywhere: back to the sign-in page, keeping where the user was.
  onUnauthorized: () => {
    const { location } = router.state;
    if (location.pathname === '/login') return;
    void router.navigate(loginPathFor(location), { replace: true }).then(() => queryClient.clear());
  },
});

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <AppRoot queryClient={queryClient} />
  </StrictMode>,
);
registerServiceWorker(router);
