import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Badge, Button, Calendar, Card, Col, Empty, Flex, Row, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePayables } from '../../api/payables';
import { useBusinessDay } from '../../api/settings';
import type { PayableView } from '../../api/types';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { StatusTag } from '../../components/StatusTag';
import { useLocale } from '../../i18n';
import { formatMonth } from '../../lib/dates';
import { sumMinor } from '../../lib/money';
import { SettleButton } from './SettleButton';

export function CalendarPage() {
  const { t } = useTranslation();
  const { money, date, language } = useLocale();
  const query = usePayables();
  const businessDay = useBusinessDay();
  const [picked, setSelected] = useState<Dayjs>();
  const selected = picked ?? dayjs(businessDay.today);
  return (
    <>
      <PageHeader title={t('core.calendar.title')} />
      <QueryView query={query}>
        {(all) => {
          const due = all.filter((p) => p.status === 'ACCEPTED' || p.status === 'PENDING_ACCEPTANCE');
          const byDay = new Map<string, PayableView[]>();
          for (const p of due) if (p.maturityDate) byDay.set(p.maturityDate, [...(byDay.get(p.maturityDate) ?? []), p]);
          const day = selected.format('YYYY-MM-DD');
          const today = byDay.get(day) ?? [];
          const upcoming = due.filter((p) => (p.maturityDate ?? '') >= businessDay.today).sort((a, b) => (a.maturityDate ?? '').localeCompare(b.maturityDate ?? '')).slice(0, 8);
          return (
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={16}>
                <Card>
                  <Calendar
                    value={selected}
                    onSelect={(d) => setSelected(d)}
                    headerRender={({ value, onChange }) => (
                      <Flex justify="space-between" align="center" style={{ padding: '0 0 12px' }}>
                        <Button aria-label={t('core.calendar.previous')} icon={<LeftOutlined />} onClick={() => onChange(value.subtract(1, 'month'))} />
                        <Typography.Title level={3} style={{ margin: 0, fontSize: 18 }} data-testid="calendar-month">
                          {formatMonth(value.format('YYYY-MM'), language)}
                        </Typography.Title>
                        <Button aria-label={t('core.calendar.next')} icon={<RightOutlined />} onClick={() => onChange(value.add(1, 'month'))} />
                      </Flex>
                    )}
                    cellRender={(d, info) => {
                      if (info.type !== 'date') return info.originNode;
                      const list = byDay.get(d.format('YYYY-MM-DD'));
                      if (!list) return null;
                      const cur = list[0].currency;
                      return (
                        <div style={{ fontSize: 12 }}>
                          <Badge status="warning" text={t('core.calendar.count', { count: list.length })} />
                          <div className="money">{money(sumMinor(list.map((p) => p.amountMinor ?? 0)), cur)}</div>
                        </div>
                      );
                    }}
                  />
                </Card>
              </Col>
              <Col xs={24} xl={8}>
                <Card title={t('core.calendar.due', { date: date(day) })}>
                  {today.length === 0 ? (
                    <Empty description={t('core.calendar.none')} />
                  ) : (
                    <Space direction="vertical" style={{ width: '100%' }}>
                      {today.map((p) => (
                        <Card key={p.payableId} size="small" title={<Link to={`/core/payables/${encodeURIComponent(p.payableId ?? '')}`}>{p.payableId}</Link>} extra={<SettleButton payable={p} />}>
                          <Money minor={p.amountMinor} currency={p.currency} strong /> · {p.beneficiaryId} <StatusTag status={p.status} />
                        </Card>
                      ))}
                    </Space>
                  )}
                </Card>
                <Card title={t('core.calendar.upcoming')} style={{ marginTop: 16 }} data-testid="calendar-upcoming">
                  {upcoming.length === 0 ? (
                    <Empty description={t('core.calendar.noneUpcoming')} />
                  ) : (
                    <Table<PayableView>
                      size="small"
                      pagination={false}
                      rowKey={(p) => p.payableId ?? ''}
                      dataSource={upcoming}
                      columns={[
                        {
                          title: t('field.maturity'),
                          dataIndex: 'maturityDate',
                          render: (d: string) => (
                            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setSelected(dayjs(d))}>
                              {date(d)}
                            </Button>
                          ),
                        },
                        { title: t('field.payable'), render: (_, p) => <Link to={`/core/payables/${encodeURIComponent(p.payableId ?? '')}`}>{p.payableId}</Link> },
                        { title: t('field.amount'), align: 'right', render: (_, p) => <Money minor={p.amountMinor} currency={p.currency} /> },
                      ]}
                    />
                  )}
                </Card>
              </Col>
            </Row>
          );
        }}
      </QueryView>
    </>
  );
}
