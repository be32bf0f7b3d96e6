import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications } from '../../api/notifications';
import type { NotificationEntry } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryView } from '../../components/QueryView';
import { useLocale } from '../../i18n';
import { useAuth } from '../../lib/auth';
import { notificationLink, notificationText } from './notificationText';

const PAGE_SIZE = 20;

/** What arrived for the user's enterprise, newest first; opening one or "Mark read" marks it read for this user. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const { money, date, dateTime } = useLocale();
  const { session } = useAuth();
  const [page, setPage] = useState(0);
  const query = useNotifications(page, PAGE_SIZE);
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const role = session?.user.role;
  const read = (n: NotificationEntry) => {
    if (!n.read && n.id) markRead.mutate(n.id);
  };

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        extra={
          <Button onClick={() => markAll.mutate()} loading={markAll.isPending} disabled={!query.data?.unread} data-testid="notifications-read-all">
            {t('notifications.readAll')}
          </Button>
        }
      />
      <ProblemAlert error={markRead.error ?? markAll.error} />
      <Card>
        <QueryView query={query}>
          {(data) =>
            (data.items ?? []).length === 0 ? (
              <Empty description={t('notifications.none')} />
            ) : (
              <>
                <Typography.Paragraph type="secondary" data-testid="notifications-unread">
                  {t('notifications.unread', { count: data.unread ?? 0 })}
                </Typography.Paragraph>
                <List
                  itemLayout="vertical"
                  dataSource={data.items ?? []}
                  rowKey={(n) => n.id ?? ''}
                  pagination={{
                    current: page + 1,
                    pageSize: PAGE_SIZE,
                    total: data.totalItems ?? 0,
                    hideOnSinglePage: true,
                    onChange: (p) => setPage(p - 1),
                  }}
                  renderItem={(n) => {
                    const link = notificationLink(n, role);
                    const text = notificationText(n, { t, money, date });
                    return (
                      <List.Item
                        data-testid="notification"
                        data-type={n.type}
                        data-read={n.read ? 'true' : 'false'}
                        actions={[
                          !n.read && (
                            <Button key="read" size="small" type="link" onClick={() => read(n)} data-testid="notification-mark-read">
                              {t('notifications.markRead')}
                            </Button>
                          ),
                        ].filter(Boolean)}
                      >
                        <Space direction="vertical" size={2} style={{ width: '100%' }}>
                          <Space wrap size={8}>
                            <Tag color={n.read ? 'default' : 'blue'}>{t(`notifications.type.${n.type}`)}</Tag>
                            {!n.read && <Typography.Text type="secondary">{t('notifications.new')}</Typography.Text>}
                            <Typography.Text type="secondary">{dateTime(n.occurredAt)}</Typography.Text>
                          </Space>
                          {link ? (
                            <Link to={link} onClick={() => read(n)} style={{ fontWeight: n.read ? undefined : 600, overflowWrap: 'anywhere' }}>
                              {text}
                            </Link>
                          ) : (
                            <Typography.Text strong={!n.read} style={{ overflowWrap: 'anywhere' }}>
                              {text}
                            </Typography.Text>
                          )}
                        </Space>
                      </List.Item>
                    );
                  }}
                />
              </>
            )
          }
        </QueryView>
      </Card>
    </>
  );
}
