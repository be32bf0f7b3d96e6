import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Space, Tag, Typography, type MenuProps } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { Role } from '../api/types';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { NotificationBell, NotificationMenuLabel } from '../features/notifications/NotificationBell';
import { SelfCustodyBanner, SIGNING_KEY_PATH } from '../features/self-custody/SelfCustodyBanner';
import { useAuth, type Session } from '../lib/auth';

interface Item {
  key: string;
  label: ReactNode;
}

const NOTIFICATIONS_PATH = '/notifications';

function menuFor(role: Role | undefined, t: (k: string) => string): Item[] {
  const signingKey = { key: SIGNING_KEY_PATH, label: t('nav.signingKey') };
  const notifications = { key: NOTIFICATIONS_PATH, label: <NotificationMenuLabel role={role} /> };
  switch (role) {
    case 'SUPPLIER':
      return [
        { key: '/supplier', label: t('nav.supplierDashboard') },
        { key: '/supplier/tokens', label: t('nav.tokens') },
        { key: '/supplier/financing', label: t('nav.financing') },
        notifications,
        signingKey,
      ];
    case 'BANK':
      return [
        { key: '/bank', label: t('nav.underwriting') },
        { key: '/bank/portfolio', label: t('nav.portfolio') },
        notifications,
        signingKey,
      ];
    case 'CORE':
      return [
        { key: '/core/payables', label: t('nav.payables') },
        { key: '/core/payables/new', label: t('nav.registerPayable') },
        { key: '/core/import', label: t('nav.import') },
        { key: '/core/calendar', label: t('nav.calendar') },
        notifications,
        signingKey,
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

/** Who is logged in: name, role and enterprise. */
function WhoAmI({ user, stacked }: { user: Session['user']; stacked?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={stacked ? 'whoami whoami-stacked' : 'whoami'} data-testid="whoami">
      <span className="whoami-name">{user.username}</span>
      <Tag color="blue" style={{ color: '#0b2a4a', marginInline: stacked ? 0 : 6 }}>
        {t(`role.${user.role}`)}
      </Tag>
      {user.enterpriseId && <span className="whoami-enterprise">{user.enterpriseId}</span>}
    </span>
  );
}

/**
 * A table or description list wider than the screen scrolls inside its card; keyboard users must reach that
 * scroll too (WCAG 2.1.1), so such a region becomes focusable and named while it overflows.
 */
function useFocusableScrollRegions(label: string) {
  useEffect(() => {
    const main = document.querySelector('main');
    if (!main || typeof MutationObserver === 'undefined') return;
    const mark = () => {
      main.querySelectorAll<HTMLElement>('.ant-table-wrapper, .ant-descriptions-view').forEach((el) => {
        if (el.scrollWidth > el.clientWidth && !el.hasAttribute('tabindex')) {
          el.tabIndex = 0;
          el.setAttribute('role', 'region');
          el.setAttribute('aria-label', label);
        }
      });
    };
    const observer = new MutationObserver(mark);
    observer.observe(main, { childList: true, subtree: true });
    window.addEventListener('resize', mark);
    mark();
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', mark);
    };
  }, [label]);
}

/**
 * The frame of every page after login. From md (768 px) up: the header shows the user, the language and Log out,
 * and the menu is a sider. Below it the header keeps the name of the app and one Menu button, which opens a
 * drawer with the user (name, role, enterprise), the pages, the language and Log out.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const { session, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  // a narrow screen is one that answers xs or sm but not md; a runtime without media queries gets the wide layout
  const phone = !screens.md && (screens.xs === true || screens.sm === true);
  const [drawerOpen, setDrawerOpen] = useState(false);
  useFocusableScrollRegions(t('common.scrollable'));
  const items = menuFor(session?.user.role, t);
  const selected = items
    .map((i) => i.key)
    .filter((k) => location.pathname === k || location.pathname.startsWith(`${k}/`))
    .sort((a, b) => b.length - a.length)[0];
  const go = (key: string) => {
    setDrawerOpen(false);
    navigate(key);
  };
  const logoutButton = session && (
    <Button
      icon={<LogoutOutlined />}
      block={phone}
      onClick={async () => {
        setDrawerOpen(false);
        await logout();
        navigate('/login');
      }}
    >
      {t('nav.logout')}
    </Button>
  );
  const menu = (
    <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items as MenuProps['items']} onClick={(e) => go(e.key)} style={{ borderInlineEnd: 0 }} />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="app-header" style={{ paddingInline: phone ? 12 : 20 }}>
        <Typography.Text strong className="app-name">
          {t('app.name')}
        </Typography.Text>
        <div style={{ flex: 1 }} />
        <NotificationBell role={session?.user.role} />
        {phone ? (
          <Button icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)} aria-expanded={drawerOpen} aria-controls="app-drawer" data-testid="menu-button">
            {t('nav.menu')}
          </Button>
        ) : (
          <Space size={12} wrap={false}>
            {session && <WhoAmI user={session.user} />}
            <LanguageSwitch />
            {logoutButton}
          </Space>
        )}
      </Layout.Header>
      {phone && (
        <Drawer id="app-drawer" open={drawerOpen} onClose={() => setDrawerOpen(false)} placement="right" size={300} title={t('nav.menu')}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            {session && <WhoAmI user={session.user} stacked />}
            <nav aria-label={t('nav.main')}>{menu}</nav>
            <LanguageSwitch />
            {logoutButton}
          </Space>
        </Drawer>
      )}
      <Layout>
        {!phone && (
          <Layout.Sider width={220} breakpoint="lg" collapsedWidth={0} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
            <nav aria-label={t('nav.main')}>{menu}</nav>
          </Layout.Sider>
        )}
        <Layout.Content className="app-content" style={{ padding: phone ? 12 : 24 }}>
          <main>
            <SelfCustodyBanner />
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
