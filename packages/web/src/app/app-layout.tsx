import { Suspense, useEffect, useState } from 'react';
import { Button, Drawer, Grid, Layout } from 'antd';
import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined, SafetyCertificateFilled } from '@ant-design/icons';
import { Link, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppMenu } from './app-menu.tsx';
import { LocaleSwitch } from './locale-switch.tsx';
import { PageLoading } from './page-states.tsx';
import { UserMenu } from './user-menu.tsx';

const COLLAPSED_KEY = 'shian.menuCollapsed';

function readCollapsed(): boolean {
  try {
    return window.localStorage.getItem(COLLAPSED_KEY) === '1';
  } catch {
    return false;
  }
}

function Brand({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  return (
    <Link to="/" className="shian-brand" aria-label={t('app.productLine')}>
      <SafetyCertificateFilled className="shian-brand-mark" aria-hidden />
      <span className="shian-brand-name">{t('app.name')}</span>
      {!compact && <span className="shian-brand-tagline">{t('app.tagline')}</span>}
    </Link>
  );
}

/**
 * The back-office frame: a blue header (brand, language, user), a collapsible left menu, the page.
 * Below the `md` breakpoint (phones) the menu moves into a drawer opened from the header.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const isMobile = screens.md === false;
  const [collapsed, setCollapsed] = useState(readCollapsed);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { pathname } = useLocation();

  useEffect(() => setDrawerOpen(false), [pathname]);

  const toggleCollapsed = () => {
    const next = !collapsed;
    setCollapsed(next);
    try {
      window.localStorage.setItem(COLLAPSED_KEY, next ? '1' : '0');
    } catch {
      // Not remembered; harmless.
    }
  };

  return (
    <Layout className="shian-layout">
      <Layout.Header className="shian-header">
        {isMobile ? (
          <Button
            type="text"
            className="shian-header-button"
            icon={<MenuOutlined aria-hidden />}
            aria-label={t('nav.openMenu')}
            aria-expanded={drawerOpen}
            onClick={() => setDrawerOpen(true)}
          />
        ) : (
          <Button
            type="text"
            className="shian-header-button"
            icon={collapsed ? <MenuUnfoldOutlined aria-hidden /> : <MenuFoldOutlined aria-hidden />}
            aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
            onClick={toggleCollapsed}
          />
        )}
        <Brand compact={!screens.lg} />
        <div className="shian-header-spacer" />
        <LocaleSwitch />
        <UserMenu />
      </Layout.Header>
      <Layout>
        {!isMobile && (
          <Layout.Sider className="shian-sider" width={208} collapsedWidth={64} collapsed={collapsed} trigger={null} theme="light">
            <nav aria-label={t('nav.label')}>
              <AppMenu />
            </nav>
          </Layout.Sider>
        )}
        {/* Layout.Content renders the page's one <main>. */}
        <Layout.Content className="shian-content">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {isMobile && (
        <Drawer placement="left" size={260} open={drawerOpen} onClose={() => setDrawerOpen(false)} title={t('app.productLine')} styles={{ body: { padding: 0 } }}>
          <nav aria-label={t('nav.label')}>
            <AppMenu onNavigate={() => setDrawerOpen(false)} />
          </nav>
        </Drawer>
      )}
    </Layout>
  );
}
