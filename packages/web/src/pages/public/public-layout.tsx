import { Suspense } from 'react';
import { App as AntApp, Layout } from 'antd';
import { DesktopOutlined, LoginOutlined, SafetyCertificateFilled } from '@ant-design/icons';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUserQuery } from '../../api/queries.ts';
import { LocaleSwitch } from '../../app/locale-switch.tsx';
import { PageLoading } from '../../app/page-states.tsx';
import { loginPathFor } from '../../lib/safe-return-path.ts';
import './public.css';

/** 返回工作台 for a signed-in visitor, 登录 (coming back here afterwards) for anyone else. */
function AccountLink() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useCurrentUserQuery();
  const signedIn = me.isSuccess;
  const label = signedIn ? t('publicPages.backToApp') : t('publicPages.signIn');
  return (
    <Link to={signedIn ? '/' : loginPathFor(location)} className="shian-public-account" aria-label={label}>
      {signedIn ? <DesktopOutlined aria-hidden /> : <LoginOutlined aria-hidden />}
      <span className="shian-public-account-label">{label}</span>
    </Link>
  );
}

/**
 * The frame of the public pages (信息公开): no sign-in needed. A blue header (title, language, account link),
 * a row of section links, the page, a short footer. Works from 375px up.
 */
export function PublicLayout() {
  const { t } = useTranslation();
  const sections = [
    { to: '/public/draws', label: t('publicPages.draws') },
    { to: '/public/results', label: t('publicPages.results') },
  ];
  return (
    <AntApp>
      <Layout className="shian-layout">
        <Layout.Header className="shian-header">
          <Link to="/public/draws" className="shian-brand" aria-label={t('publicPages.title')}>
            <SafetyCertificateFilled className="shian-brand-mark" aria-hidden />
            <span className="shian-brand-name">{t('publicPages.title')}</span>
          </Link>
          <div className="shian-header-spacer" />
          <LocaleSwitch />
          <AccountLink />
        </Layout.Header>
        <nav className="shian-public-nav" aria-label={t('publicPages.navLabel')}>
          {sections.map((section) => (
            <NavLink key={section.to} to={section.to} className={({ isActive }) => (isActive ? 'is-active' : undefined)}>
              {section.label}
            </NavLink>
          ))}
        </nav>
        {/* Layout.Content renders the page's one <main>. */}
        <Layout.Content className="shian-content shian-public-content">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer className="shian-public-footer">{t('publicPages.footer')}</Layout.Footer>
      </Layout>
    </AntApp>
  );
}
