import { Card, Col, Empty, Row, Space, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApplications } from '../../api/financing';
import { useTokens } from '../../api/tokens';
import { ApplicationTable } from '../../components/ApplicationTable';
import { Chart } from '../../components/Chart';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { useLocale } from '../../i18n';
import { useSession } from '../../lib/auth';
import { byMaturityMonth } from '../../lib/buckets';
import { formatMonth } from '../../lib/dates';
import { minorToChartNumber, sumMinor } from '../../lib/money';
import { PendingAcceptances } from './PendingAcceptances';

const HELD = new Set(['ACTIVE', 'FINANCING_PENDING']);

export function SupplierDashboardPage() {
  const { t } = useTranslation();
  const { language, money, date } = useLocale();
  const session = useSession();
  const tokens = useTokens();
  const applications = useApplications();

  return (
    <>
      <PageHeader title={t('supplier.dashboard.title')} />
      <QueryView query={tokens}>
        {(all) => {
          const mine = all.filter((x) => !session.user.enterpriseId || x.holderId === session.user.enterpriseId);
          const held = mine.filter((x) => HELD.has(x.status ?? ''));
          const pending = mine.filter((x) => x.status === 'PENDING_ACCEPTANCE');
          // a financed token moves to the bank, so what was financed is read from the supplier's applications
          const financed = (applications.data ?? []).filter((a) => a.status === 'APPROVED' || a.status === 'DISBURSED');
          const currency = mine[0]?.currency ?? 'CNY';
          const ladder = byMaturityMonth(held, (x) => x.amountMinor);
          return (
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <Row gutter={[16, 16]}>
                <Col xs={24} md={8}>
                  <Card>
                    <Statistic title={t('supplier.dashboard.holdings')} value={money(sumMinor(held.map((x) => x.amountMinor ?? 0)), currency)} />
                    <Typography.Text type="secondary">{t('common.tokenCount', { count: held.length })}</Typography.Text>
                  </Card>
                </Col>
                <Col xs={24} md={8}>
                  <Card>
                    <Statistic title={t('supplier.dashboard.pending')} value={money(sumMinor(pending.map((x) => x.amountMinor ?? 0)), currency)} />
                    <Typography.Text type="secondary">{t('common.tokenCount', { count: pending.length })}</Typography.Text>
                  </Card>
                </Col>
                <Col xs={24} md={8}>
                  <Card>
                    <Statistic
                      title={t('supplier.dashboard.financed')}
                      value={applications.error ? '—' : money(sumMinor(financed.map((a) => a.faceAmountMinor ?? 0)), currency)}
                    />
                    <Typography.Text type="secondary">{t('supplier.dashboard.applicationCount', { count: financed.length })}</Typography.Text>
                  </Card>
                </Col>
              </Row>
              <Row gutter={[16, 16]}>
                <Col xs={24} lg={14}>
                  <Card title={t('supplier.dashboard.byMaturity')}>
                    {ladder.length === 0 ? (
                      <Empty description={t('supplier.dashboard.noHoldings')} />
                    ) : (
                      <>
                        <Chart
                          label={t('supplier.dashboard.byMaturity')}
                          height={260}
                          option={{
                            grid: { left: 90, right: 20, top: 20, bottom: 40 },
                            tooltip: { trigger: 'item', formatter: ((p: { dataIndex: number; name: string }) => `${p.name}: ${money(ladder[p.dataIndex].total, currency)}`) as never },
                            xAxis: { type: 'category', data: ladder.map((b) => formatMonth(b.key, language)) },
                            yAxis: { type: 'value', axisLabel: { formatter: (v: number) => new Intl.NumberFormat(language, { notation: 'compact' }).format(v) } },
                            series: [
                              {
                                type: 'bar',
                                name: t('supplier.dashboard.holdings'),
                                data: ladder.map((b) => minorToChartNumber(b.total, currency)),
                                itemStyle: { color: '#0b5cad' },
                                label: { show: ladder.length <= 6, position: 'top', formatter: ((p: { dataIndex: number }) => money(ladder[p.dataIndex].total, currency)) as never },
                              },
                            ],
                          }}
                        />
                        <Table
                          size="small"
                          pagination={false}
                          rowKey="key"
                          dataSource={ladder}
                          columns={[
                            { title: t('field.maturityMonth'), dataIndex: 'key', render: (k: string) => formatMonth(k, language) },
                            { title: t('field.amount'), dataIndex: 'total', align: 'right', render: (v: bigint) => <Money minor={v} currency={currency} /> },
                          ]}
                        />
                      </>
                    )}
                  </Card>
                </Col>
                <Col xs={24} lg={10}>
                  <PendingAcceptances tokens={pending} />
                </Col>
              </Row>
              <Card title={t('supplier.dashboard.applications')}>
                <QueryView query={applications}>
                  {(apps) => <ApplicationTable list={apps} base="/supplier/financing" date={date} />}
                </QueryView>
              </Card>
            </Space>
          );
        }}
      </QueryView>
    </>
  );
}
