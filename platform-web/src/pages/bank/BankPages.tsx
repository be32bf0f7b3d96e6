import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Empty, Form, Input, InputNumber, Modal, Progress, Row, Select, Space, Table, Tabs, Typography, App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useAction, useQuery } from '../../api/hooks';
import {
  approveApplication,
  bankQueue,
  creditLimits,
  getApplication,
  getUnderwriting,
  listApplications,
  recordDisbursement,
  rejectApplication,
  setCreditLimit,
  verifyRecord,
} from '../../api/endpoints';
import { OPEN_FINANCING, type Exposure, type FinancingSummary, type TokenView } from '../../api/models';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Money } from '../../components/Money';
import { StatusTag } from '../../components/StatusTag';
import { LineageTree } from '../../components/LineageTree';
import { FourEyesSteps, StatusTimeline } from '../../components/ApplicationProgress';
import { Chart } from '../../components/Chart';
import { ApplicationTable, DocumentList } from '../supplier/FinancingPages';
import { useLocale } from '../../i18n';
import { act360, formatBps } from '../../lib/pricing';
import { formatMonth, todayUtc } from '../../lib/dates';
import { currencyDigits, minorToChartNumber, parseMajor, toMinor } from '../../lib/money';
import { byMaturityMonth, sumBy } from '../../lib/buckets';
import { useSession } from '../../auth/AuthContext';

export function UnderwritingQueuePage() {
  const { t } = useTranslation();
  const { date } = useLocale();
  const queue = useQuery(bankQueue, []);
  const all = useQuery(() => listApplications(), []);
  return (
    <>
      <PageHeader title={t('bank.queue.title')} />
      <QueryView query={queue} what={t('endpoint.financing')} issue={5}>
        {(open) => {
          const decided = (all.data ?? []).filter((a) => !OPEN_FINANCING.includes(a.status));
          return (
            <Tabs
              items={[
                { key: 'open', label: t('bank.queue.open', { count: open.length }), children: <ApplicationTable list={open} base="/bank/applications" date={date} /> },
                {
                  key: 'decided',
                  label: t('bank.queue.decided', { count: decided.length }),
                  children: all.error ? <ProblemAlert error={all.error} onRetry={all.reload} /> : <ApplicationTable list={decided} base="/bank/applications" date={date} />,
                },
              ]}
            />
          );
        }}
      </QueryView>
    </>
  );
}

/** Exposure to an obligor against the bank's limit; every figure shown as exact text, the bar only as a picture. */
function ExposureView({ e }: { e: Exposure }) {
  const { t } = useTranslation();
  const cur = e.currency ?? 'CNY';
  const limit = e.limitMinor != null ? toMinor(e.limitMinor) : undefined;
  const used = toMinor(e.inUseMinor ?? 0) + toMinor(e.reservedMinor ?? 0);
  const percent = limit && limit > 0n ? Number((used * 10000n) / limit) / 100 : 0;
  return (
    <Descriptions column={1} size="small" data-testid="exposure">
      <Descriptions.Item label={t('bank.app.limit')}>{limit !== undefined ? <Money minor={limit} currency={cur} /> : t('bank.app.noLimit')}</Descriptions.Item>
      <Descriptions.Item label={t('bank.app.inUse')}><Money minor={e.inUseMinor ?? 0} currency={cur} /></Descriptions.Item>
      <Descriptions.Item label={t('bank.app.reserved')}><Money minor={e.reservedMinor ?? 0} currency={cur} /></Descriptions.Item>
      <Descriptions.Item label={t('bank.app.pending')}><Money minor={e.pendingMinor ?? 0} currency={cur} /></Descriptions.Item>
      <Descriptions.Item label={t('bank.app.available')}>{e.availableMinor != null ? <Money minor={e.availableMinor} currency={cur} strong /> : '—'}</Descriptions.Item>
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
  const uw = useQuery(() => getUnderwriting(applicationId, rate ?? undefined), [applicationId, rate, app.data?.status]);
  const anchor = useQuery(() => verifyRecord('FINANCING_APPLICATION', applicationId), [applicationId, app.data?.status], !!app.data?.recordHash);
  const [reference, setReference] = useState('');
  const [rejectOpen, setRejectOpen] = useState(false);
  const [reason, setReason] = useState('');
  const approve = useAction((bps: number) => approveApplication(applicationId, bps));
  const reject = useAction(() => rejectApplication(applicationId, reason.trim()));
  const disburse = useAction(() => recordDisbursement(applicationId, reference.trim()));
  const reloadAll = () => {
    app.reload();
    uw.reload();
  };

  return (
    <>
      <PageHeader title={t('bank.app.title')} crumbs={[{ to: '/bank', label: t('nav.underwriting') }, { label: applicationId }]} />
      <QueryView query={app} what={t('endpoint.financing')} issue={5}>
        {(a) => {
          const u = uw.data;
          const currency = a.token?.currency ?? 'CNY';
          const face = a.token?.faceAmountMinor ?? 0;
          const bps = rate ?? a.approval?.proposedRateBps ?? u?.pricing?.quote?.annualRateBps ?? null;
          const local = bps != null && a.token?.maturityDate ? act360(face, bps, todayUtc(), a.token.maturityDate) : undefined;
          const iAmMaker = a.approval?.maker?.id === session.user.id;
          const open = a.status != null && OPEN_FINANCING.includes(a.status);
          const available = u?.exposure?.availableMinor;
          const over = available != null && a.status === 'SUBMITTED' && toMinor(available) < toMinor(face);
          const lineage: TokenView[] = (u?.lineage ?? []).map((s) => ({
            id: s.tokenId ?? '',
            parentId: s.parentId,
            holderId: s.holderId ?? '',
            amountMinor: s.amountMinor,
            tier: s.tier,
            status: (s.status ?? 'ACTIVE') as TokenView['status'],
            obligorId: a.token?.obligorId ?? '',
            payableId: a.token?.payableId ?? '',
            currency,
            maturityDate: a.token?.maturityDate ?? '',
          }));
          return (
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <Card title={<>{a.id} <StatusTag status={a.status} /></>}>
                <FourEyesSteps app={a} needsTwo={u?.needsTwoApprovers} thresholdMinor={u?.fourEyesThresholdMinor} />
              </Card>
              <ProblemAlert error={uw.error} onRetry={uw.reload} />
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={12}>
                  <Card title={t('bank.app.facts')}>
                    <Descriptions size="small" column={1}>
                      <Descriptions.Item label={t('field.applicant')}>{a.applicantId}</Descriptions.Item>
                      <Descriptions.Item label={t('field.token')}><Typography.Text code>{a.token?.tokenId}</Typography.Text></Descriptions.Item>
                      <Descriptions.Item label={t('field.amount')}><Money minor={face} currency={currency} strong /></Descriptions.Item>
                      <Descriptions.Item label={t('field.maturity')}>
                        {date(a.token?.maturityDate)}
                        {u?.maturity?.daysRemaining != null && <> ({t('common.daysLeft', { count: u.maturity.daysRemaining })})</>}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('financing.new.invoiceNumbers')}>{a.invoiceNumbers?.join(', ')}</Descriptions.Item>
                      <Descriptions.Item label={t('bank.app.kyc')}>
                        <span data-testid="kyc-standing">
                          {u?.applicantKyc?.status ? <StatusTag status={u.applicantKyc.status} /> : t('bank.app.noKyc')}
                          {u?.applicantKyc?.anchoredOnLedger && <Typography.Text type="secondary"> {t('bank.app.anchored')}</Typography.Text>}
                        </span>
                      </Descriptions.Item>
                      <Descriptions.Item label={t('bank.app.duplicate')}>
                        <span data-testid="duplicate-check">
                          {u?.duplicateCheck?.result ? <StatusTag status={u.duplicateCheck.result} /> : t('common.unknown')}
                          {u?.duplicateCheck?.matches?.map((m) => (
                            <div key={`${m.financingId}-${m.invoiceNumber}`}>
                              {m.invoiceNumber} → {m.financingId} <StatusTag status={m.status} />
                            </div>
                          ))}
                        </span>
                      </Descriptions.Item>
                      {a.recordHash && (
                        <Descriptions.Item label={t('bank.app.ledgerAnchor')}>
                          <span data-testid="anchor-verification">
                            {anchor.data ? <StatusTag status={anchor.data.status} /> : anchor.error ? <Typography.Text type="danger">{anchor.error.code}</Typography.Text> : '…'}
                          </span>
                        </Descriptions.Item>
                      )}
                    </Descriptions>
                  </Card>
                </Col>
                <Col xs={24} xl={12}>
                  <Card title={t('bank.app.obligorExposure', { obligor: u?.obligor?.name ?? u?.obligor?.id ?? a.token?.obligorId })}>
                    {u?.exposure ? <ExposureView e={u.exposure} /> : <Empty description={t('bank.app.noLimit')} />}
                    {over && <Alert type="error" showIcon title={t('bank.app.overLimit', { amount: money(toMinor(face) - toMinor(available!), currency) })} />}
                  </Card>
                </Col>
              </Row>
              <Card title={t('supplier.token.lineage')}>
                {lineage.length > 0 ? (
                  <LineageTree tokens={lineage} payable={{ payableId: a.token?.payableId ?? '', obligorId: a.token?.obligorId, currency }} focusId={a.token?.tokenId} />
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
                  {u?.pricing?.quote && (
                    <Descriptions size="small" column={{ xs: 1, md: 4 }} data-testid="underwriting-quote">
                      <Descriptions.Item label={t('field.valueDate')}>{date(u.pricing.quote.valueDate)}</Descriptions.Item>
                      <Descriptions.Item label={t('field.days')}>{u.pricing.quote.days}</Descriptions.Item>
                      <Descriptions.Item label={t('field.discount')}><Money minor={u.pricing.quote.discountMinor} currency={currency} /></Descriptions.Item>
                      <Descriptions.Item label={t('field.advance')}><Money minor={u.pricing.quote.advanceMinor} currency={currency} strong /></Descriptions.Item>
                    </Descriptions>
                  )}
                  {u?.pricing?.refusal && <Alert type="warning" showIcon title={u.pricing.refusal} />}
                  {local && local.ok && u?.pricing?.quote && local.terms.advance !== toMinor(u.pricing.quote.advanceMinor ?? 0) && (
                    <Alert type="warning" showIcon title={t('bank.app.pricingMismatch')} />
                  )}
                  {local && !local.ok && <Alert type="warning" showIcon title={t(`bank.app.pricingError.${local.reason}`)} />}
                  <Typography.Text type="secondary">{t('bank.app.pricingNote')}</Typography.Text>
                </Space>
              </Card>
              {open && (
                <Card title={t('bank.app.decision')}>
                  <Space direction="vertical" style={{ width: '100%' }}>
                    {iAmMaker && <Alert type="info" showIcon title={t('fourEyes.youApproved')} />}
                    {a.status === 'AWAITING_SECOND_APPROVAL' && !iAmMaker && (
                      <Alert type="info" showIcon title={t('fourEyes.youCheck', { maker: a.approval?.maker?.name, rate: formatBps(a.approval?.proposedRateBps ?? 0, language) })} />
                    )}
                    <ProblemAlert error={approve.error ?? reject.error} />
                    <Space>
                      <Button
                        type="primary"
                        disabled={bps == null || iAmMaker}
                        loading={approve.busy}
                        data-testid="approve"
                        onClick={async () => {
                          if (bps == null) return;
                          const r = await approve.run(bps);
                          if (r) {
                            message.success(t('bank.app.approvedMsg', { status: t(`status.${r.status}`) }));
                            reloadAll();
                          }
                        }}
                      >
                        {a.status === 'AWAITING_SECOND_APPROVAL' ? t('fourEyes.confirm') : t('action.approve')}
                      </Button>
                      <Button danger onClick={() => setRejectOpen(true)} data-testid="reject">{t('action.reject')}</Button>
                    </Space>
                  </Space>
                </Card>
              )}
              {a.status === 'APPROVED' && (
                <Card title={t('bank.app.disburseTitle')}>
                  <Space wrap align="end">
                    <div style={{ width: 320 }}>
                      <label htmlFor="disbursement" className="field-label">{t('bank.app.disbursement')}</label>
                      <Input id="disbursement" value={reference} onChange={(e) => setReference(e.target.value)} maxLength={100} />
                    </div>
                    <Button
                      type="primary"
                      disabled={!reference.trim()}
                      loading={disburse.busy}
                      data-testid="disburse"
                      onClick={async () => {
                        if (await disburse.run()) reloadAll();
                      }}
                    >
                      {t('bank.app.disburse')}
                    </Button>
                  </Space>
                  <ProblemAlert error={disburse.error} />
                </Card>
              )}
              <Card title={t('financing.status.documents')}>
                <DocumentList documents={a.documents} />
              </Card>
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
                    reloadAll();
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

function SetLimitForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ obligorId: string; currency: string; amount: string }>();
  const set = useAction(setCreditLimit);
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ currency: 'CNY' }}
      style={{ rowGap: 8 }}
      aria-label={t('bank.portfolio.setLimit')}
      onFinish={async (v) => {
        const p = parseMajor(v.amount, currencyDigits(v.currency));
        if (!p.ok) return;
        if (await set.run(v.obligorId.trim(), v.currency, Number(p.minor))) {
          message.success(t('bank.portfolio.limitSet', { obligor: v.obligorId.trim() }));
          form.resetFields(['amount']);
          onDone();
        }
      }}
    >
      <Form.Item label={t('field.obligor')} name="obligorId" rules={[{ required: true, message: t('common.required') }]}>
        <Input style={{ width: 200 }} autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('field.currency')} name="currency">
        <Select style={{ width: 90 }} options={['CNY', 'USD', 'EUR', 'HKD'].map((c) => ({ value: c, label: c }))} />
      </Form.Item>
      <Form.Item
        label={t('bank.app.limit')}
        name="amount"
        rules={[
          { required: true, message: t('common.required') },
          ({ getFieldValue }) => ({
            validator: (_, v: string) => {
              if (!v) return Promise.resolve();
              const d = currencyDigits(getFieldValue('currency') ?? 'CNY');
              const p = parseMajor(v, d);
              return p.ok ? Promise.resolve() : Promise.reject(new Error(t(`split.error.amount.${p.reason}`, { digits: d })));
            },
          }),
        ]}
      >
        <Input style={{ width: 180 }} inputMode="decimal" autoComplete="off" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={set.busy} data-testid="set-limit">
        {t('bank.portfolio.setLimit')}
      </Button>
      <div style={{ width: '100%' }}>
        <ProblemAlert error={set.error} />
      </div>
    </Form>
  );
}

export function PortfolioPage() {
  const { t } = useTranslation();
  const { language, money } = useLocale();
  const apps = useQuery(() => listApplications(['APPROVED', 'DISBURSED']), []);
  const limits = useQuery(creditLimits, []);
  const financed = useMemo(() => (apps.data ?? []).filter((a) => a.status === 'APPROVED' || a.status === 'DISBURSED'), [apps.data]);
  const currency = financed[0]?.currency ?? limits.data?.[0]?.currency ?? 'CNY';
  const byObligor = sumBy(financed, (a: FinancingSummary) => a.obligorId, (a) => a.faceAmountMinor);
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
      <QueryView query={apps} what={t('endpoint.financing')} issue={5}>
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
          <SetLimitForm onDone={limits.reload} />
        </div>
        <QueryView query={limits} what={t('endpoint.limits')} issue={5}>
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
              ]}
            />
          )}
        </QueryView>
      </Card>
    </>
  );
}
