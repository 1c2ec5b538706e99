import type { ReactNode } from 'react';
import { Menu, type MenuProps } from 'antd';
import { CloudUploadOutlined, DatabaseOutlined, FormOutlined, HomeOutlined, ShopOutlined } from '@ant-design/icons';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Permission, RoleCode } from '../api/types.ts';
import { hasPermission, isRegulator, useCurrentUser } from './current-user.tsx';

interface NavEntry {
  key: string;
  to: string;
  label: string;
  icon: ReactNode;
  /** Shown only to users holding this permission. */
  permission?: Permission;
  /** Shown only to users of these roles. */
  roles?: readonly RoleCode[];
}

/** The key of the menu entry a path belongs to. */
function selectedKey(pathname: string, entries: readonly NavEntry[]): string | undefined {
  const exact = entries.find((entry) => entry.to === pathname);
  if (exact) return exact.key;
  return entries.filter((entry) => entry.to !== '/' && pathname.startsWith(`${entry.to}/`)).sort((a, b) => b.to.length - a.to.length)[0]?.key;
}

/** The left menu: entries the user lacks permission for are not shown at all. */
export function AppMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { pathname } = useLocation();

  const registry: NavEntry =
    !isRegulator(user) && user.enterpriseId
      ? { key: 'my-enterprise', to: `/enterprises/${user.enterpriseId}`, label: t('nav.myEnterprise'), icon: <ShopOutlined aria-hidden />, permission: 'registry.read' }
      : { key: 'registry', to: '/enterprises', label: t('nav.registry'), icon: <DatabaseOutlined aria-hidden />, permission: 'registry.read' };
  const all: NavEntry[] = [
    { key: 'home', to: '/', label: t('nav.home'), icon: <HomeOutlined aria-hidden /> },
    registry,
    { key: 'imports', to: '/imports', label: t('nav.imports'), icon: <CloudUploadOutlined aria-hidden />, permission: 'registry.import' },
    { key: 'inspections', to: '/inspections/today', label: t('inspectionForm.nav'), icon: <FormOutlined aria-hidden />, roles: ['inspector'] },
  ];
  const entries = all.filter(
    (entry) => (!entry.permission || hasPermission(user, entry.permission)) && (!entry.roles || entry.roles.includes(user.role)),
  );

  const items: MenuProps['items'] = entries.map((entry) => ({
    key: entry.key,
    icon: entry.icon,
    label: (
      <Link to={entry.to} onClick={onNavigate}>
        {entry.label}
      </Link>
    ),
  }));
  const selected = selectedKey(pathname, entries);

  return <Menu mode="inline" items={items} selectedKeys={selected ? [selected] : []} style={{ borderInlineEnd: 0 }} />;
}
