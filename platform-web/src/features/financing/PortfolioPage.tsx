import { Button, Card, Col, Empty, Row, Space, Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApplications, useCreditLimits, useSetCreditLimit } from '../../api/financing';
import type { FinancingStatus } from '../../api/statuses';
import type { Exposure, FinancingSummary } from '../../api/types';
import { Chart } from '../../components/Chart';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryView } from '../../components/QueryView';
import { useLocale } from '../../i18n';
import { byMaturityMonth, sumBy } from '../../lib/buckets';
import { formatMonth } from '../../lib/dates';
import { minorToChartNumber } from '../../lib/money';
import { SetLimitForm } from './SetLimitForm';

const FINANCED: readonly FinancingStatus[] = ['APPROVED', 'DISBURSED'];

export function PortfolioPage() {
  const { t } = useTranslation();
  const { language, money } = useLocale();
  const apps = useApplications(FINANCED);
  const limits = useCreditLimits();
  const confirm = useSetCreditLimit();
  const financed = useMemo(() => (apps.data ?? []).filter((a) => a.status === 'APPROVED' || a.status === 'DISBURSED'), [apps.data]);
  const currency = financed[0]?.currency ?? limits.data?.[0]?.currency ?? 'CNY';
  const byObligor = sumBy(financed, (a: FinancingSummary) => a.obligorId ?? '', (a) => a.faceAmountMinor);
  const ladder = byMaturityMonth(financed, (a) => a.faceAmountMinor);
  const bar = (cats: string[], values: bigint[], color: string) => ({
    grid: { left: 90, right: 20, top: 20, bottom: 40 },
    tooltip: { trigger: 'item' as const, formatter: ((p: { dataIndex: number; name: string }) => `${p.name}: ${money(values[p.dataIndex], currency)}`) as never },
    xAxis: { type: 'category' as const, data: cats },
    yAxis: { type: 'value' as const, axisLabel: { formatter: (v: number) => new Intl.NumberFormat(language, { notation: 'compact' }).format(v) } },
    series: [{ type: 'bar' as const, data: values.map((v) => minorToChartNumber(v, currency)), itemStyle: { color } }],
  });
  return (
    <>
      <PageHeader title={t('bank.portfolio.title')} />
      <QueryView query={apps}>
        {() => (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card title={t('bank.portfolio.byObligor')}>
                {byObligor.length === 0 ? <Empty description={t('bank.portfolio.none')} /> : <Chart label={t('bank.portfolio.byObligor')} option={bar(byObligor.map((b) => b.key), byObligor.map((b) => b.total), '#0b5cad')} />}
                <Table size="small" pagination={false} rowKey="key" dataSource={byObligor} columns={[{ title: t('field.obligor'), dataIndex: 'key' }, { title: t('bank.portfolio.financedFace'), dataIndex: 'total', align: 'right', render: (v: bigint) => <Money minor={v} currency={currency} /> }]} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('bank.portfolio.ladder')}>
                {ladder.length === 0 ? <Empty description={t('bank.portfolio.none')} /> : <Chart label={t('bank.portfolio.ladder')} option={bar(ladder.map((b) => formatMonth(b.key, language)), ladder.map((b) => b.total), '#237804')} />}
                <Table size="small" pagination={false} rowKey="key" dataSource={ladder} columns={[{ title: t('field.maturityMonth'), dataIndex: 'key', render: (k: string) => formatMonth(k, language) }, { title: t('bank.portfolio.financedFace'), dataIndex: 'total', align: 'right', render: (v: bigint) => <Money minor={v} currency={currency} /> }]} />
              </Card>
            </Col>
          </Row>
        )}
      </QueryView>
      <Card title={t('bank.portfolio.limits')} style={{ marginTop: 16 }}>
        <div style={{ marginBottom: 16 }}>
          <SetLimitForm />
        </div>
        <ProblemAlert error={confirm.error} />
        <QueryView query={limits}>
          {(ls) => (
            <Table<Exposure>
              size="small"
              rowKey={(e) => `${e.obligorId}/${e.currency}`}
              dataSource={ls}
              pagination={false}
              data-testid="limits-table"
              columns={[
                { title: t('field.obligor'), dataIndex: 'obligorId' },
                { title: t('bank.app.limit'), align: 'right', render: (_, e) => (e.limitMinor != null ? <Money minor={e.limitMinor} currency={e.currency} /> : '—') },
                { title: t('bank.app.inUse'), align: 'right', render: (_, e) => <Money minor={e.inUseMinor ?? 0} currency={e.currency} /> },
                { title: t('bank.app.reserved'), align: 'right', render: (_, e) => <Money minor={e.reservedMinor ?? 0} currency={e.currency} /> },
                { title: t('bank.app.pending'), align: 'right', render: (_, e) => <Money minor={e.pendingMinor ?? 0} currency={e.currency} /> },
                { title: t('bank.app.available'), align: 'right', render: (_, e) => (e.availableMinor != null ? <Money minor={e.availableMinor} currency={e.currency} strong /> : '—') },
                {
                  title: t('bank.portfolio.proposed'),
                  align: 'right',
                  render: (_, e) =>
                    e.proposedLimitMinor != null ? (
                      <Space size={8} data-testid="proposed-limit">
                        <Money minor={e.proposedLimitMinor} currency={e.currency} />
                        {t('bank.portfolio.proposedBy', { user: e.proposedBy ?? '?' })}
                        <Button
                          size="small"
                          data-testid="confirm-limit"
                          loading={confirm.isPending}
                          onClick={() => confirm.mutate({ obligorId: e.obligorId ?? '', currency: e.currency ?? 'CNY', limitMinor: e.proposedLimitMinor as number })}
                        >
                          {t('bank.portfolio.confirmLimit')}
                        </Button>
                      </Space>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
          )}
        </QueryView>
      </Card>
    </>
  );
}
