import { Button, Card, Col, Empty, Modal, Row, Space, Statistic, Table, Typography, App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAction, useQuery } from '../../api/hooks';
import { acceptPayable, listApplications, listTokens, rejectPayable } from '../../api/endpoints';
import { amountOf, type TokenView } from '../../api/models';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Money } from '../../components/Money';
import { Chart } from '../../components/Chart';
import { useLocale } from '../../i18n';
import { ApplicationTable } from './FinancingPages';
import { sumMinor, minorToChartNumber } from '../../lib/money';
import { byMaturityMonth } from '../../lib/buckets';
import { formatMonth } from '../../lib/dates';
import { useSession } from '../../auth/AuthContext';

const HELD = new Set(['ACTIVE', 'FINANCING_PENDING']);

export function SupplierDashboard() {
  const { t } = useTranslation();
  const { language, money, date } = useLocale();
  const session = useSession();
  const tokens = useQuery(() => listTokens(), []);
  const applications = useQuery(() => listApplications(), []);

  return (
    <>
      <PageHeader title={t('supplier.dashboard.title')} />
      <QueryView query={tokens} what={t('endpoint.tokens')} issue={4}>
        {(all) => {
          const mine = all.filter((x) => !session.user.enterpriseId || x.holderId === session.user.enterpriseId);
          const held = mine.filter((x) => HELD.has(x.status));
          const pending = mine.filter((x) => x.status === 'PENDING_ACCEPTANCE');
          // a financed token moves to the bank, so what was financed is read from the supplier's applications
          const financed = (applications.data ?? []).filter((a) => a.status === 'APPROVED' || a.status === 'DISBURSED');
          const currency = mine[0]?.currency ?? 'CNY';
          const ladder = byMaturityMonth(held);
          return (
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <Row gutter={[16, 16]}>
                <Col xs={24} md={8}>
                  <Card>
                    <Statistic title={t('supplier.dashboard.holdings')} value={money(sumMinor(held.map(amountOf)), currency)} />
                    <Typography.Text type="secondary">{t('common.tokenCount', { count: held.length })}</Typography.Text>
                  </Card>
                </Col>
                <Col xs={24} md={8}>
                  <Card>
                    <Statistic title={t('supplier.dashboard.pending')} value={money(sumMinor(pending.map(amountOf)), currency)} />
                    <Typography.Text type="secondary">{t('common.tokenCount', { count: pending.length })}</Typography.Text>
                  </Card>
                </Col>
                <Col xs={24} md={8}>
                  <Card>
                    <Statistic
                      title={t('supplier.dashboard.financed')}
                      value={applications.error ? '—' : money(sumMinor(financed.map((a) => a.faceAmountMinor)), currency)}
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
                  <PendingAcceptances tokens={pending} onChanged={tokens.reload} />
                </Col>
              </Row>
              <Card title={t('supplier.dashboard.applications')}>
                <QueryView query={applications} what={t('endpoint.financing')} issue={5}>
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

function PendingAcceptances({ tokens, onChanged }: { tokens: TokenView[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const { date } = useLocale();
  const { message } = App.useApp();
  const [rejecting, setRejecting] = useState<TokenView>();
  const accept = useAction(acceptPayable);
  const reject = useAction(rejectPayable);
  return (
    <Card title={t('supplier.dashboard.pendingTitle')} data-testid="pending-acceptances">
      <ProblemAlert error={accept.error ?? reject.error} />
      {tokens.length === 0 ? (
        <Empty description={t('supplier.dashboard.noPending')} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={tokens}
          columns={[
            {
              title: t('field.payable'),
              render: (_, x) => (
                <span>
                  <Link to={`/supplier/tokens/${encodeURIComponent(x.id)}`}>{x.payableId}</Link>
                  <br />
                  <Typography.Text type="secondary">{x.obligorId} · {date(x.maturityDate)}</Typography.Text>
                </span>
              ),
            },
            { title: t('field.amount'), align: 'right', render: (_, x) => <Money minor={amountOf(x)} currency={x.currency} /> },
            {
              title: t('common.actions'),
              render: (_, x) => (
                <Space>
                  <Button
                    type="primary"
                    size="small"
                    loading={accept.busy}
                    data-testid={`accept-${x.payableId}`}
                    onClick={async () => {
                      if (await accept.run(x.payableId, x.obligorId)) {
                        message.success(t('supplier.dashboard.accepted', { payable: x.payableId }));
                        onChanged();
                      }
                    }}
                  >
                    {t('action.accept')}
                  </Button>
                  <Button size="small" danger onClick={() => setRejecting(x)}>
                    {t('action.reject')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      )}
      <Modal
        open={!!rejecting}
        title={t('supplier.dashboard.rejectTitle', { payable: rejecting?.payableId })}
        okText={t('action.reject')}
        okButtonProps={{ danger: true, loading: reject.busy }}
        onCancel={() => setRejecting(undefined)}
        onOk={async () => {
          if (rejecting && (await reject.run(rejecting.payableId, rejecting.obligorId))) {
            setRejecting(undefined);
            onChanged();
          }
        }}
      >
        <Typography.Paragraph>
          {t('supplier.dashboard.rejectBody', { obligor: rejecting?.obligorId })}
        </Typography.Paragraph>
        <ProblemAlert error={reject.error} />
      </Modal>
    </Card>
  );
}
