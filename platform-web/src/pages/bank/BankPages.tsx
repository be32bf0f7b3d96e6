import { useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Empty, Input, InputNumber, Modal, Progress, Row, Space, Table, Tabs, Typography, App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useAction, useQuery } from '../../api/hooks';
import { approveApplication, bankLimits, getApplication, listApplications, rejectApplication } from '../../api/endpoints';
import { newIdempotencyKey } from '../../api/client';
import { amountOf, type FinancingApplication, type ObligorExposure } from '../../api/models';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Money } from '../../components/Money';
import { StatusTag } from '../../components/StatusTag';
import { LineageTree } from '../../components/LineageTree';
import { FourEyesSteps, StatusTimeline } from '../../components/ApplicationProgress';
import { Chart } from '../../components/Chart';
import { ApplicationTable } from '../supplier/FinancingPages';
import { useLocale } from '../../i18n';
import { act360, formatBps } from '../../lib/pricing';
import { daysBetween, formatMonth, todayUtc } from '../../lib/dates';
import { minorToChartNumber, toMinor } from '../../lib/money';
import { byMaturityMonth, sumBy } from '../../lib/buckets';
import { useSession } from '../../auth/AuthContext';

const OPEN = ['REQUESTED', 'UNDER_REVIEW', 'AWAITING_SECOND_APPROVAL'];

export function UnderwritingQueuePage() {
  const { t } = useTranslation();
  const { date } = useLocale();
  const apps = useQuery(() => listApplications(), []);
  return (
    <>
      <PageHeader title={t('bank.queue.title')} />
      <QueryView query={apps} what={t('endpoint.financing')} issue={5}>
        {(list) => {
          const open = list.filter((a) => OPEN.includes(a.status));
          const decided = list.filter((a) => !OPEN.includes(a.status));
          return (
            <Tabs
              items={[
                { key: 'open', label: t('bank.queue.open', { count: open.length }), children: <ApplicationTable list={open} base="/bank/applications" date={date} /> },
                { key: 'decided', label: t('bank.queue.decided', { count: decided.length }), children: <ApplicationTable list={decided} base="/bank/applications" date={date} /> },
              ]}
            />
          );
        }}
      </QueryView>
    </>
  );
}

/** Exposure used against a limit, as a bar; numbers shown as exact text. */
function ExposureView({ e, currency }: { e: ObligorExposure; currency: string }) {
  const { t } = useTranslation();
  const used = toMinor(e.usedMinor ?? 0);
  const limit = e.limitMinor != null ? toMinor(e.limitMinor) : undefined;
  const percent = limit && limit > 0n ? Number((used * 10000n) / limit) / 100 : 0;
  return (
    <Descriptions column={1} size="small">
      <Descriptions.Item label={t('field.obligor')}>{e.obligorId}</Descriptions.Item>
      <Descriptions.Item label={t('bank.app.exposure')}><Money minor={used} currency={e.currency ?? currency} /></Descriptions.Item>
      <Descriptions.Item label={t('bank.app.limit')}>{limit !== undefined ? <Money minor={limit} currency={e.currency ?? currency} /> : t('bank.app.noLimit')}</Descriptions.Item>
      <Descriptions.Item label={t('bank.app.available')}>{e.availableMinor != null ? <Money minor={e.availableMinor} currency={e.currency ?? currency} strong /> : '—'}</Descriptions.Item>
      {limit !== undefined && (
        <Descriptions.Item label={t('bank.app.used')}>
          <Progress percent={Math.min(100, percent)} status={percent >= 100 ? 'exception' : 'normal'} style={{ width: 200 }} aria-label={t('bank.app.used')} />
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

export function BankApplicationPage() {
  const { applicationId = '' } = useParams();
  const { t } = useTranslation();
  const { date, language, money } = useLocale();
  const { message } = App.useApp();
  const session = useSession();
  const app = useQuery(() => getApplication(applicationId), [applicationId]);
  const [rate, setRate] = useState<number | null>(null);
  const [reference, setReference] = useState('');
  const [rejectOpen, setRejectOpen] = useState(false);
  const [reason, setReason] = useState('');
  const approveKey = useRef(newIdempotencyKey('approve'));
  const rejectKey = useRef(newIdempotencyKey('reject'));
  const approve = useAction((bps: number) => approveApplication(applicationId, { annualRateBps: bps, disbursementReference: reference.trim() || undefined }, approveKey.current));
  const reject = useAction(() => rejectApplication(applicationId, reason.trim(), rejectKey.current));

  return (
    <>
      <PageHeader title={t('bank.app.title')} crumbs={[{ to: '/bank', label: t('nav.underwriting') }, { label: applicationId }]} />
      <QueryView query={app} what={t('endpoint.financing')} issue={5}>
        {(a) => {
          const face = amountOf(a);
          const bps = rate ?? a.pricing?.annualRateBps ?? a.annualRateBps ?? null;
          const preview = bps != null ? act360(face, bps, todayUtc(), a.maturityDate) : undefined;
          const iApproved = (a.approvals ?? []).some((x) => x.userId === session.user.id || x.username === session.user.username);
          const open = OPEN.includes(a.status);
          const exposure = a.exposure;
          const afterApproval = exposure && exposure.availableMinor != null ? toMinor(exposure.availableMinor) - toMinor(face) : undefined;
          return (
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <Card title={<>{a.id} <StatusTag status={a.status} /></>}>
                <FourEyesSteps app={a} />
              </Card>
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={12}>
                  <Card title={t('bank.app.facts')}>
                    <Descriptions size="small" column={1}>
                      <Descriptions.Item label={t('field.applicant')}>{a.applicantId}</Descriptions.Item>
                      <Descriptions.Item label={t('field.token')}><Typography.Text code>{a.tokenId}</Typography.Text></Descriptions.Item>
                      <Descriptions.Item label={t('field.amount')}><Money minor={face} currency={a.currency} strong /></Descriptions.Item>
                      <Descriptions.Item label={t('field.maturity')}>{date(a.maturityDate)} ({t('common.daysLeft', { count: daysBetween(todayUtc(), a.maturityDate) })})</Descriptions.Item>
                      <Descriptions.Item label={t('bank.app.kyc')}>{a.kycStatus ? <StatusTag status={a.kycStatus} /> : t('common.unknown')}</Descriptions.Item>
                      <Descriptions.Item label={t('bank.app.duplicate')}>
                        {a.duplicateInvoiceCheck ? (
                          <span data-testid="duplicate-check">
                            <StatusTag status={a.duplicateInvoiceCheck.status} />
                            {a.duplicateInvoiceCheck.matches?.length ? a.duplicateInvoiceCheck.matches.join(', ') : null}
                          </span>
                        ) : (
                          t('common.unknown')
                        )}
                      </Descriptions.Item>
                      {a.documents?.map((d) => (
                        <Descriptions.Item key={d.sha256} label={d.name}>
                          <Typography.Text code style={{ fontSize: 11 }}>{d.sha256}</Typography.Text>
                        </Descriptions.Item>
                      ))}
                    </Descriptions>
                  </Card>
                </Col>
                <Col xs={24} xl={12}>
                  <Card title={t('bank.app.obligorExposure')}>
                    {exposure ? <ExposureView e={exposure} currency={a.currency} /> : <Empty description={t('common.unknown')} />}
                    {afterApproval !== undefined && afterApproval < 0n && (
                      <Alert type="error" showIcon title={t('bank.app.overLimit', { amount: money(-afterApproval, a.currency) })} />
                    )}
                  </Card>
                </Col>
              </Row>
              <Card title={t('supplier.token.lineage')}>
                {a.lineage && a.lineage.length > 0 ? (
                  <LineageTree tokens={a.lineage} payable={{ payableId: a.lineage[a.lineage.length - 1].payableId, obligorId: a.obligorId, currency: a.currency }} focusId={a.tokenId} />
                ) : (
                  <Empty description={t('common.unknown')} />
                )}
              </Card>
              <Card title={t('bank.app.pricing')} data-testid="bank-pricing">
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Space wrap align="end">
                    <div>
                      <label htmlFor="rate-bps" className="field-label">{t('bank.app.rateBps')}</label>
                      <InputNumber id="rate-bps" min={0} max={10000} step={5} precision={0} value={bps} onChange={(v) => setRate(v === null ? null : Number(v))} disabled={!open} />
                    </div>
                    {bps != null && <Typography.Text>{formatBps(bps, language)} {t('bank.app.perYear')}, ACT/360</Typography.Text>}
                  </Space>
                  {preview && preview.ok && (
                    <Descriptions size="small" column={{ xs: 1, md: 3 }}>
                      <Descriptions.Item label={t('field.days')}>{preview.terms.days}</Descriptions.Item>
                      <Descriptions.Item label={t('field.discount')}><Money minor={preview.terms.discount} currency={a.currency} /></Descriptions.Item>
                      <Descriptions.Item label={t('field.advance')}><Money minor={preview.terms.advance} currency={a.currency} strong /></Descriptions.Item>
                    </Descriptions>
                  )}
                  {preview && !preview.ok && <Alert type="warning" showIcon title={t(`bank.app.pricingError.${preview.reason}`)} />}
                  <Typography.Text type="secondary">{t('bank.app.pricingNote')}</Typography.Text>
                </Space>
              </Card>
              {open && (
                <Card title={t('bank.app.decision')}>
                  <Space direction="vertical" style={{ width: '100%' }}>
                    {iApproved && <Alert type="info" showIcon title={t('fourEyes.youApproved')} />}
                    <div style={{ maxWidth: 360 }}>
                      <label htmlFor="disbursement" className="field-label">{t('bank.app.disbursement')}</label>
                      <Input id="disbursement" value={reference} onChange={(e) => setReference(e.target.value)} maxLength={100} />
                    </div>
                    <ProblemAlert error={approve.error ?? reject.error} />
                    <Space>
                      <Button
                        type="primary"
                        disabled={bps == null || iApproved}
                        loading={approve.busy}
                        data-testid="approve"
                        onClick={async () => {
                          if (bps == null) return;
                          const r = await approve.run(bps);
                          if (r) {
                            message.success(t('bank.app.approvedMsg'));
                            approveKey.current = newIdempotencyKey('approve');
                            app.reload();
                          }
                        }}
                      >
                        {t('action.approve')}
                      </Button>
                      <Button danger onClick={() => setRejectOpen(true)}>{t('action.reject')}</Button>
                    </Space>
                  </Space>
                </Card>
              )}
              <Card title={t('financing.status.timeline')}>
                <StatusTimeline app={a} />
              </Card>
              <Modal
                open={rejectOpen}
                title={t('bank.app.rejectTitle')}
                okText={t('action.reject')}
                okButtonProps={{ danger: true, disabled: !reason.trim(), loading: reject.busy }}
                onCancel={() => setRejectOpen(false)}
                onOk={async () => {
                  if (await reject.run()) {
                    setRejectOpen(false);
                    app.reload();
                  }
                }}
              >
                <label htmlFor="bank-reject-reason" className="field-label">{t('field.reason')}</label>
                <Input.TextArea id="bank-reject-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
                <ProblemAlert error={reject.error} />
              </Modal>
            </Space>
          );
        }}
      </QueryView>
    </>
  );
}

export function PortfolioPage() {
  const { t } = useTranslation();
  const { language, money } = useLocale();
  const apps = useQuery(() => listApplications({ status: 'APPROVED' }), []);
  const limits = useQuery(() => bankLimits(), []);
  const approved = useMemo(() => (apps.data ?? []).filter((a) => a.status === 'APPROVED'), [apps.data]);
  const currency = approved[0]?.currency ?? 'CNY';
  const byObligor = sumBy(approved, (a: FinancingApplication) => a.obligorId ?? '?', (a) => a.advance ?? amountOf(a));
  const ladder = byMaturityMonth(approved, (a) => a.advance ?? amountOf(a));
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
      <QueryView query={apps} what={t('endpoint.financing')} issue={5}>
        {() => (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card title={t('bank.portfolio.byObligor')}>
                {byObligor.length === 0 ? <Empty /> : <Chart label={t('bank.portfolio.byObligor')} option={bar(byObligor.map((b) => b.key), byObligor.map((b) => b.total), '#0b5cad')} />}
                <Table size="small" pagination={false} rowKey="key" dataSource={byObligor} columns={[{ title: t('field.obligor'), dataIndex: 'key' }, { title: t('field.amount'), dataIndex: 'total', align: 'right', render: (v: bigint) => <Money minor={v} currency={currency} /> }]} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('bank.portfolio.ladder')}>
                {ladder.length === 0 ? <Empty /> : <Chart label={t('bank.portfolio.ladder')} option={bar(ladder.map((b) => formatMonth(b.key, language)), ladder.map((b) => b.total), '#389e0d')} />}
                <Table size="small" pagination={false} rowKey="key" dataSource={ladder} columns={[{ title: t('field.maturityMonth'), dataIndex: 'key', render: (k: string) => formatMonth(k, language) }, { title: t('field.amount'), dataIndex: 'total', align: 'right', render: (v: bigint) => <Money minor={v} currency={currency} /> }]} />
              </Card>
            </Col>
          </Row>
        )}
      </QueryView>
      <Card title={t('bank.portfolio.limits')} style={{ marginTop: 16 }}>
        <QueryView query={limits} what={t('endpoint.limits')} issue={5}>
          {(ls) => (
            <Table
              size="small"
              rowKey="obligorId"
              dataSource={ls}
              pagination={false}
              columns={[
                { title: t('field.obligor'), dataIndex: 'obligorId' },
                { title: t('bank.app.limit'), align: 'right', render: (_, e) => (e.limitMinor != null ? <Money minor={e.limitMinor} currency={e.currency ?? currency} /> : '—') },
                { title: t('bank.app.exposure'), align: 'right', render: (_, e) => <Money minor={e.usedMinor ?? 0} currency={e.currency ?? currency} /> },
                { title: t('bank.app.available'), align: 'right', render: (_, e) => (e.availableMinor != null ? <Money minor={e.availableMinor} currency={e.currency ?? currency} /> : '—') },
              ]}
            />
          )}
        </QueryView>
      </Card>
    </>
  );
}
