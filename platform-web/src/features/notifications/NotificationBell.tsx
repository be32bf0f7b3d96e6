import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useNotifications } from '../../api/notifications';
import type { Role } from '../../api/types';

/** Roles that act for an enterprise, and so have notifications. */
export const NOTIFIED_ROLES: Role[] = ['SUPPLIER', 'BANK', 'CORE'];

/** The caller's unread count, kept fresh by polling and on return to the tab; 0 while unknown. */
export function useUnreadCount(role: Role | undefined): number {
  const query = useNotifications(0, 20, role !== undefined && NOTIFIED_ROLES.includes(role));
  return query.data?.unread ?? 0;
}

/** The header's bell: the unread count as a badge; opens the notification page. */
export function NotificationBell({ role }: { role: Role | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const unread = useUnreadCount(role);
  if (!role || !NOTIFIED_ROLES.includes(role)) return null;
  return (
    <Badge count={unread} overflowCount={99} size="small" data-testid="notification-badge">
      <Button
        type="text"
        icon={<BellOutlined style={{ fontSize: 18 }} />}
        aria-label={t('notifications.bell', { count: unread })}
        data-testid="notification-bell"
        onClick={() => navigate('/notifications')}
      />
    </Badge>
  );
}

/** The notification page's menu entry, with the same count (the phone menu shows it). */
export function NotificationMenuLabel({ role }: { role: Role | undefined }) {
  const { t } = useTranslation();
  const unread = useUnreadCount(role);
  return (
    <span>
      {t('nav.notifications')} <Badge count={unread} size="small" style={{ marginInlineStart: 4 }} />
    </span>
  );
}
