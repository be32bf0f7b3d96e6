import { LogoutOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tag, Typography, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { Role } from '../api/types';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useAuth } from '../lib/auth';

interface Item {
  key: string;
  label: string;
}

function menuFor(role: Role | undefined, t: (k: string) => string): Item[] {
  switch (role) {
    case 'SUPPLIER':
      return [
        { key: '/supplier', label: t('nav.supplierDashboard') },
        { key: '/supplier/tokens', label: t('nav.tokens') },
        { key: '/supplier/financing', label: t('nav.financing') },
      ];
    case 'BANK':
      return [
        { key: '/bank', label: t('nav.underwriting') },
        { key: '/bank/portfolio', label: t('nav.portfolio') },
      ];
    case 'CORE':
      return [
        { key: '/core/payables', label: t('nav.payables') },
        { key: '/core/payables/new', label: t('nav.registerPayable') },
        { key: '/core/import', label: t('nav.import') },
        { key: '/core/calendar', label: t('nav.calendar') },
      ];
    case 'AUDITOR':
      return [{ key: '/core/payables', label: t('nav.payables') }, { key: '/audit', label: t('nav.audit') }];
    case 'PLATFORM_ADMIN':
      return [
        { key: '/admin/enterprises', label: t('nav.enterprises') },
        { key: '/admin/kyc', label: t('nav.kyc') },
        { key: '/audit', label: t('nav.audit') },
      ];
    default:
      return [];
  }
}

export function AppLayout() {
  const { t } = useTranslation();
  const { session, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const items = menuFor(session?.user.role, t);
  const selected = items
    .map((i) => i.key)
    .filter((k) => location.pathname === k || location.pathname.startsWith(`${k}/`))
    .sort((a, b) => b.length - a.length)[0];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#0b2a4a', paddingInline: 20 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 17, whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Typography.Text>
        <div style={{ flex: 1 }} />
        <Space size={12} wrap>
          {session && (
            <span style={{ color: '#fff' }} data-testid="whoami">
              {session.user.username}{' '}
              <Tag color="blue" style={{ color: '#0b2a4a', marginInline: 6 }}>
                {t(`role.${session.user.role}`)}
              </Tag>
              {session.user.enterpriseId && <span style={{ color: '#d6e4ff' }}>{session.user.enterpriseId}</span>}
            </span>
          )}
          <LanguageSwitch />
          {session && (
            <Button
              icon={<LogoutOutlined />}
              onClick={async () => {
                await logout();
                navigate('/login');
              }}
            >
              {t('nav.logout')}
            </Button>
          )}
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={220} breakpoint="lg" collapsedWidth={0} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          <nav aria-label={t('nav.main')}>
            <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items as MenuProps['items']} onClick={(e) => navigate(e.key)} style={{ borderInlineEnd: 0 }} />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, maxWidth: 1400 }}>
          <main>
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
