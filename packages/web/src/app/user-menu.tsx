import { App, Button, Dropdown, Grid, Space, Tag, Typography, type MenuProps } from 'antd';
import { ApiOutlined, DownOutlined, LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { apiSend } from '../api/client.ts';
import { isRegulator, useCurrentUser } from './current-user.tsx';

/** Name, role and jurisdiction (or enterprise) of the user, and the account actions. */
export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const where = user.jurisdictionName ?? user.enterpriseName ?? '';

  const logout = async () => {
    try {
      await apiSend<void>('POST', '/api/v1/auth/logout', undefined, { redirectOnUnauthorized: false });
    } catch {
      // Already signed out (or the server is gone): leaving is still right.
    }
    await navigate('/login', { replace: true });
    queryClient.clear();
    void message.success(t('user.loggedOut'));
  };

  const items: MenuProps['items'] = [
    {
      key: 'who',
      type: 'group',
      label: (
        <span className="shian-user-summary">
          {user.displayName} · {user.roleName}
          {where ? ` · ${where}` : ''}
        </span>
      ),
    },
    { key: 'password', icon: <LockOutlined aria-hidden />, label: t('user.changePassword') },
    ...(isRegulator(user)
      ? [
          {
            key: 'docs',
            icon: <ApiOutlined aria-hidden />,
            label: (
              <a href="/api/docs" target="_blank" rel="noreferrer">
                {t('user.apiDocs')}
              </a>
            ),
          },
        ]
      : []),
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined aria-hidden />, danger: true, label: t('user.logout') },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') void navigate('/account/password');
    if (key === 'logout') void logout();
  };

  return (
    <Space size={12} className="shian-user-menu">
      {screens.lg && (
        <Space size={6} className="shian-user-facts">
          <Tag color="gold" variant="solid">
            {user.roleName}
          </Tag>
          {where && <Typography.Text className="shian-header-text">{where}</Typography.Text>}
        </Space>
      )}
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <Button type="text" className="shian-header-button" icon={<UserOutlined aria-hidden />} aria-label={`${t('user.menu')}: ${user.displayName}`}>
          {screens.sm && (
            <>
              {user.displayName} <DownOutlined aria-hidden />
            </>
          )}
        </Button>
      </Dropdown>
    </Space>
  );
}
