import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { PageLoading, RouteErrorPage } from './page-states.tsx';

/** React.lazy for a named export: each page is its own chunk, loaded on first visit. */
function lazyNamed<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const LoginPage = lazyNamed(() => import('../pages/login/login-page.tsx'), 'LoginPage');
const AuthenticatedShell = lazyNamed(() => import('./authenticated-shell.tsx'), 'AuthenticatedShell');
const HomePage = lazyNamed(() => import('../pages/home/home-page.tsx'), 'HomePage');
const RegistryPage = lazyNamed(() => import('../pages/registry/registry-page.tsx'), 'RegistryPage');
const DossierPage = lazyNamed(() => import('../pages/dossier/dossier-page.tsx'), 'DossierPage');
const ImportPage = lazyNamed(() => import('../pages/imports/import-page.tsx'), 'ImportPage');
const PasswordPage = lazyNamed(() => import('../pages/account/password-page.tsx'), 'PasswordPage');
const InspectionsTodayPage = lazyNamed(() => import('../pages/inspections/today-page.tsx'), 'InspectionsTodayPage');
const InspectionFormPage = lazyNamed(() => import('../pages/inspections/inspection-form-page.tsx'), 'InspectionFormPage');
const WorkQueuePage = lazyNamed(() => import('../pages/work/work-queue-page.tsx'), 'WorkQueuePage');
const InspectionDetailPage = lazyNamed(() => import('../pages/inspection-detail/inspection-detail-page.tsx'), 'InspectionDetailPage');
const RectificationListPage = lazyNamed(() => import('../pages/rectifications/rectification-list-page.tsx'), 'RectificationListPage');
const RectificationDetailPage = lazyNamed(() => import('../pages/rectifications/rectification-detail-page.tsx'), 'RectificationDetailPage');
const PlansPage = lazyNamed(() => import('../pages/planning/plans-page.tsx'), 'PlansPage');
const DrawFormPage = lazyNamed(() => import('../pages/planning/draw-form-page.tsx'), 'DrawFormPage');
const PublicLayout = lazyNamed(() => import('../pages/public/public-layout.tsx'), 'PublicLayout');
const PublicDrawsPage = lazyNamed(() => import('../pages/public/public-draws-page.tsx'), 'PublicDrawsPage');
const PublicDrawPage = lazyNamed(() => import('../pages/public/public-draw-page.tsx'), 'PublicDrawPage');
const PublicResultsPage = lazyNamed(() => import('../pages/public/public-results-page.tsx'), 'PublicResultsPage');
const TraceOperationsPage = lazyNamed(() => import('../pages/trace-operations/trace-operations-page.tsx'), 'TraceOperationsPage');
const TraceQueryPage = lazyNamed(() => import('../pages/trace/trace-query-page.tsx'), 'TraceQueryPage');
const TraceKpisPage = lazyNamed(() => import('../pages/trace/trace-kpis-page.tsx'), 'TraceKpisPage');
const RecallListPage = lazyNamed(() => import('../pages/recalls/recall-list-page.tsx'), 'RecallListPage');
const RecallDetailPage = lazyNamed(() => import('../pages/recalls/recall-detail-page.tsx'), 'RecallDetailPage');
const RecallNoticesPage = lazyNamed(() => import('../pages/recalls/recall-notices-page.tsx'), 'RecallNoticesPage');
const TraceCodesPage = lazyNamed(() => import('../pages/trace-codes/trace-codes-page.tsx'), 'TraceCodesPage');
const EnterpriseTrainingPage = lazyNamed(() => import('../pages/training/enterprise-training-page.tsx'), 'EnterpriseTrainingPage');
const ExamTakePage = lazyNamed(() => import('../pages/training/exam-take-page.tsx'), 'ExamTakePage');
const RegulatorExamsPage = lazyNamed(() => import('../pages/training/regulator-exams-page.tsx'), 'RegulatorExamsPage');
const ExamSessionPage = lazyNamed(() => import('../pages/training/exam-session-page.tsx'), 'ExamSessionPage');
const DutiesPage = lazyNamed(() => import('../pages/duties/duties-page.tsx'), 'DutiesPage');
const DutiesOverviewPage = lazyNamed(() => import('../pages/duties/duties-overview-page.tsx'), 'DutiesOverviewPage');
const SelfInspectionReportsPage = lazyNamed(() => import('../pages/self-inspection/report-list-page.tsx'), 'SelfInspectionReportsPage');
const SelfInspectionReportPage = lazyNamed(() => import('../pages/self-inspection/report-page.tsx'), 'SelfInspectionReportPage');
const RectificationItemsPage = lazyNamed(() => import('../pages/self-inspection/rectification-items-page.tsx'), 'RectificationItemsPage');
const QaReleasePage = lazyNamed(() => import('../pages/self-inspection/qa-release-page.tsx'), 'QaReleasePage');
const MonitoringDevicesPage = lazyNamed(() => import('../pages/monitoring/devices-page.tsx'), 'DevicesPage');
const MonitoringAlertsPage = lazyNamed(() => import('../pages/monitoring/alerts-page.tsx'), 'AlertsPage');
const MonitoringWallPage = lazyNamed(() => import('../pages/monitoring/monitoring-wall-page.tsx'), 'MonitoringWallPage');
const MonitoringSitePage = lazyNamed(() => import('../pages/monitoring/monitoring-site-page.tsx'), 'MonitoringSitePage');
const NotFoundPage = lazyNamed(() => import('./status-pages.tsx'), 'NotFoundPage');

const page = (element: ReactNode) => <Suspense fallback={<PageLoading />}>{element}</Suspense>;

/**
 * Routes (browser history; the server answers index.html for any non-API path). Pages inside the shell
 * suspend inside its content area, so the header and menu stay while a page loads.
 */
export const router = createBrowserRouter([
  { path: '/login', element: page(<LoginPage />), errorElement: <RouteErrorPage /> },
  // 信息公开: published draws and inspection results, outside the sign-in guard (anyone may read them).
  {
    path: '/public',
    element: page(<PublicLayout />),
    errorElement: <RouteErrorPage />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <Navigate to="/public/draws" replace /> },
          { path: 'draws', element: page(<PublicDrawsPage />) },
          { path: 'draws/:id', element: page(<PublicDrawPage />) },
          { path: 'results', element: page(<PublicResultsPage />) },
          { path: '*', element: page(<NotFoundPage />) },
        ],
      },
    ],
  },
  {
    path: '/',
    element: page(<AuthenticatedShell />),
    errorElement: <RouteErrorPage />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: page(<HomePage />) },
          { path: 'enterprises', element: page(<RegistryPage />) },
          { path: 'enterprises/:id', element: page(<DossierPage />) },
          { path: 'imports', element: page(<ImportPage />) },
          { path: 'account/password', element: page(<PasswordPage />) },
          { path: 'inspections/today', element: page(<InspectionsTodayPage />) },
          { path: 'inspections/:id/form', element: page(<InspectionFormPage />) },
          { path: 'inspections/:id', element: page(<InspectionDetailPage />) },
          { path: 'work', element: page(<WorkQueuePage />) },
          { path: 'rectifications', element: page(<RectificationListPage />) },
          { path: 'rectifications/:id', element: page(<RectificationDetailPage />) },
          { path: 'plans', element: page(<PlansPage />) },
          { path: 'draws/new', element: page(<DrawFormPage />) },
          { path: 'trace/codes', element: page(<TraceCodesPage />) },
          { path: 'trace/operations', element: page(<TraceOperationsPage />) },
          { path: 'trace/lots', element: page(<TraceQueryPage />) },
          { path: 'trace/kpis', element: page(<TraceKpisPage />) },
          { path: 'recalls', element: page(<RecallListPage />) },
          { path: 'recalls/:id', element: page(<RecallDetailPage />) },
          { path: 'recall-notices', element: page(<RecallNoticesPage />) },
          { path: 'duties', element: page(<DutiesPage />) },
          { path: 'duties/overview', element: page(<DutiesOverviewPage />) },
          { path: 'duties/enterprises/:id', element: page(<DutiesPage />) },
          { path: 'training', element: page(<EnterpriseTrainingPage />) },
          { path: 'training/attempts/:id', element: page(<ExamTakePage />) },
          { path: 'exams', element: page(<RegulatorExamsPage />) },
          { path: 'exams/:id', element: page(<ExamSessionPage />) },
          { path: 'self-inspection/reports', element: page(<SelfInspectionReportsPage />) },
          { path: 'self-inspection/reports/:id', element: page(<SelfInspectionReportPage />) },
          { path: 'self-inspection/rectifications', element: page(<RectificationItemsPage />) },
          { path: 'qa-releases', element: page(<QaReleasePage />) },
          { path: 'monitoring/devices', element: page(<MonitoringDevicesPage />) },
          { path: 'monitoring/alerts', element: page(<MonitoringAlertsPage />) },
          { path: 'monitoring', element: page(<MonitoringWallPage />) },
          { path: 'monitoring/sites/:enterpriseId', element: page(<MonitoringSitePage />) },
          { path: '*', element: page(<NotFoundPage />) },
        ],
      },
    ],
  },
]);
