import { useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Form, Input, InputNumber, Row, Select, Space, Steps, Table, Typography, Upload, Result, App } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useAction, useQuery } from '../../api/hooks';
import {
  cancelApplication,
  draftApplication,
  getApplication,
  listApplications,
  listTokens,
  pricingPreview,
  submitApplication,
  uploadFinancingDocument,
} from '../../api/endpoints';
import { asApiError, type ApiError } from '../../api/problem';
import { amountOf, type FinancingSummary, type FinancingView, type StoredDocument } from '../../api/models';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Money } from '../../components/Money';
import { StatusTag } from '../../components/StatusTag';
import { FourEyesSteps, StatusTimeline } from '../../components/ApplicationProgress';
import { ButtonLink } from '../../components/ButtonLink';
import { useLocale } from '../../i18n';
import { formatBps } from '../../lib/pricing';
import { daysBetween, todayUtc } from '../../lib/dates';

const MAX_FILE = 10 * 1024 * 1024;
const FILE_TYPES = '.pdf,.png,.jpg,.jpeg';
const okFile = (f: File) => f.size > 0 && f.size <= MAX_FILE && /\.(pdf|png|jpe?g)$/i.test(f.name);

/**
 * Apply for financing: draft the application (token, bank, invoice numbers), upload the invoice and the contract,
 * submit (the ledger anchors it and locks the token). Each step is shown as it runs; a failed step can be retried
 * without starting over (the draft is kept).
 */
export function FinancingNewPage() {
  const { t } = useTranslation();
  const { date, language } = useLocale();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [tokenId, setTokenId] = useState(params.get('tokenId') ?? undefined);
  const [bankId, setBankId] = useState('');
  const [invoiceNumbers, setInvoiceNumbers] = useState<string[]>([]);
  const [invoice, setInvoice] = useState<UploadFile[]>([]);
  const [contract, setContract] = useState<UploadFile[]>([]);
  const [rate, setRate] = useState<number | null>(null);
  const [step, setStep] = useState(-1);
  const [error, setError] = useState<ApiError>();
  const draft = useRef<{ key: string; app: FinancingView; uploaded: Set<string> } | null>(null);
  const tokens = useQuery(() => listTokens({ status: 'ACTIVE' }), []);
  const active = useMemo(() => (tokens.data ?? []).filter((x) => x.status === 'ACTIVE'), [tokens.data]);
  const selected = active.find((x) => x.id === tokenId);
  const pricing = useQuery(
    () => pricingPreview(Number(amountOf(selected!)), rate!, selected!.maturityDate),
    [selected?.id, rate],
    !!selected && rate != null,
  );
  const ready = !!selected && /^[A-Z0-9][A-Z0-9_-]{2,63}$/.test(bankId.trim()) && invoiceNumbers.length > 0 && invoice.length > 0 && contract.length > 0;

  const run = async () => {
    if (!selected) return;
    setError(undefined);
    const key = `${selected.id}|${bankId.trim()}|${invoiceNumbers.join(',')}`;
    try {
      if (!draft.current || draft.current.key !== key) {
        setStep(0);
        const app = await draftApplication({ tokenId: selected.id, bankId: bankId.trim(), invoiceNumbers });
        draft.current = { key, app, uploaded: new Set() };
      }
      const d = draft.current;
      setStep(1);
      for (const [kind, files] of [['INVOICE', invoice], ['CONTRACT', contract]] as const) {
        for (const f of files) {
          const id = `${kind}:${f.uid}`;
          if (d.uploaded.has(id) || !f.originFileObj) continue;
          await uploadFinancingDocument(d.app.id!, kind, f.originFileObj as File);
          d.uploaded.add(id);
        }
      }
      setStep(2);
      const submitted = await submitApplication(d.app.id!);
      setStep(3);
      navigate(`/supplier/financing/${encodeURIComponent(submitted.id!)}`);
    } catch (e) {
      setError(asApiError(e));
    }
  };
  const busy = step >= 0 && step < 3 && !error;

  return (
    <>
      <PageHeader title={t('financing.new.title')} crumbs={[{ to: '/supplier/financing', label: t('nav.financing') }, { label: t('financing.new.title') }]} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('financing.new.application')}>
            <ProblemAlert error={tokens.error} onRetry={tokens.reload} />
            <Form layout="vertical" onFinish={run}>
              <Form.Item label={t('field.token')} htmlFor="fin-token" required>
                <Select
                  id="fin-token"
                  showSearch
                  value={tokenId}
                  onChange={setTokenId}
                  loading={tokens.loading}
                  placeholder={t('financing.new.pickToken')}
                  options={active.map((x) => ({ value: x.id, label: `${x.payableId} · ${x.obligorId} · ${x.id.slice(0, 10)}…` }))}
                />
              </Form.Item>
              {selected && (
                <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
                  <Descriptions.Item label={t('field.amount')}><Money minor={amountOf(selected)} currency={selected.currency} /></Descriptions.Item>
                  <Descriptions.Item label={t('field.maturity')}>
                    {date(selected.maturityDate)} ({t('common.daysLeft', { count: daysBetween(todayUtc(), selected.maturityDate) })})
                  </Descriptions.Item>
                </Descriptions>
              )}
              <Form.Item label={t('field.bank')} htmlFor="fin-bank" required extra={t('financing.new.bankHelp')}>
                <Input id="fin-bank" value={bankId} onChange={(e) => setBankId(e.target.value.toUpperCase())} autoComplete="off" />
              </Form.Item>
              <Form.Item label={t('financing.new.invoiceNumbers')} htmlFor="fin-invoices" required extra={t('financing.new.invoiceNumbersHelp')}>
                <Select id="fin-invoices" mode="tags" value={invoiceNumbers} onChange={setInvoiceNumbers} tokenSeparators={[',', ' ', ';']} open={false} suffixIcon={null} />
              </Form.Item>
              <Form.Item label={t('financing.new.invoice')} required extra={t('financing.new.fileHelp')}>
                <Upload accept={FILE_TYPES} fileList={invoice} maxCount={5} beforeUpload={() => false} onChange={(i) => setInvoice(i.fileList.filter((f) => !f.originFileObj || okFile(f.originFileObj as File)))}>
                  <Button icon={<UploadOutlined />}>{t('financing.new.chooseInvoice')}</Button>
                </Upload>
              </Form.Item>
              <Form.Item label={t('financing.new.contract')} required extra={t('financing.new.fileHelp')}>
                <Upload accept={FILE_TYPES} fileList={contract} maxCount={5} beforeUpload={() => false} onChange={(i) => setContract(i.fileList.filter((f) => !f.originFileObj || okFile(f.originFileObj as File)))}>
                  <Button icon={<UploadOutlined />}>{t('financing.new.chooseContract')}</Button>
                </Upload>
              </Form.Item>
              {step >= 0 && (
                <Steps
                  size="small"
                  current={step}
                  status={error ? 'error' : step === 3 ? 'finish' : 'process'}
                  style={{ margin: '8px 0 16px' }}
                  data-testid="financing-progress"
                  items={[{ title: t('financing.new.stepDraft') }, { title: t('financing.new.stepDocuments') }, { title: t('financing.new.stepSubmit') }]}
                />
              )}
              <ProblemAlert error={error} />
              <Button type="primary" htmlType="submit" loading={busy} disabled={!ready} style={{ marginTop: 8 }} data-testid="financing-submit">
                {error && draft.current ? t('common.retry') : t('financing.new.submit')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('financing.pricing.title')} data-testid="pricing-preview">
            <Typography.Paragraph type="secondary">{t('financing.pricing.help')}</Typography.Paragraph>
            <div style={{ marginBottom: 12 }}>
              <label htmlFor="fin-rate" className="field-label">{t('bank.app.rateBps')}</label>
              <InputNumber id="fin-rate" min={0} max={10000} step={5} precision={0} value={rate} onChange={(v) => setRate(v === null ? null : Number(v))} style={{ width: 160 }} />
            </div>
            {!selected || rate == null ? (
              <Typography.Text type="secondary">{t('financing.pricing.pick')}</Typography.Text>
            ) : (
              <QueryView query={pricing} what={t('endpoint.pricing')} issue={5}>
                {(p) => (
                  <Descriptions column={1} size="small" data-testid="pricing-quote">
                    <Descriptions.Item label={t('field.rate')}>{formatBps(p.annualRateBps ?? 0, language)} ({p.annualRateBps} bp)</Descriptions.Item>
                    <Descriptions.Item label={t('field.dayCount')}>{p.dayCountBasis ?? 'ACT/360'}</Descriptions.Item>
                    <Descriptions.Item label={t('field.valueDate')}>{date(p.valueDate)}</Descriptions.Item>
                    <Descriptions.Item label={t('field.days')}>{p.days}</Descriptions.Item>
                    <Descriptions.Item label={t('field.discount')}><Money minor={p.discountMinor} currency={selected.currency} /></Descriptions.Item>
                    <Descriptions.Item label={t('field.advance')}><Money minor={p.advanceMinor} currency={selected.currency} strong /></Descriptions.Item>
                  </Descriptions>
                )}
              </QueryView>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}

export function ApplicationsPage() {
  const { t } = useTranslation();
  const { date } = useLocale();
  const apps = useQuery(() => listApplications(), []);
  return (
    <>
      <PageHeader title={t('financing.list.title')} extra={<ButtonLink to="/supplier/financing/new" type="primary">{t('financing.new.title')}</ButtonLink>} />
      <QueryView query={apps} what={t('endpoint.financing')} issue={5}>
        {(list) => <ApplicationTable list={list} base="/supplier/financing" date={date} />}
      </QueryView>
    </>
  );
}

export function ApplicationTable({ list, base, date }: { list: FinancingSummary[]; base: string; date: (d?: string) => string }) {
  const { t } = useTranslation();
  return (
    <Table<FinancingSummary>
      rowKey="id"
      dataSource={list}
      data-testid="application-table"
      pagination={{ pageSize: 20 }}
      columns={[
        { title: t('field.application'), dataIndex: 'id', render: (id: string) => <Link to={`${base}/${encodeURIComponent(id)}`}>{id}</Link> },
        { title: t('field.applicant'), dataIndex: 'applicantId' },
        { title: t('field.bank'), dataIndex: 'bankId' },
        { title: t('field.obligor'), dataIndex: 'obligorId' },
        { title: t('field.amount'), align: 'right', render: (_, a) => <Money minor={a.faceAmountMinor} currency={a.currency} /> },
        { title: t('field.maturity'), dataIndex: 'maturityDate', render: (d: string) => date(d) },
        { title: t('field.requestedAt'), render: (_, a) => date(a.submittedAt) },
        { title: t('field.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
      ]}
    />
  );
}

export function DocumentList({ documents }: { documents: StoredDocument[] | undefined }) {
  const { t } = useTranslation();
  if (!documents?.length) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Table<StoredDocument>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={documents}
      columns={[
        { title: t('financing.docs.kind'), dataIndex: 'kind', render: (k: string) => t(`docKind.${k}`, { defaultValue: k }) },
        { title: t('financing.docs.file'), dataIndex: 'fileName' },
        { title: t('financing.docs.size'), dataIndex: 'sizeBytes', align: 'right', render: (n: number) => new Intl.NumberFormat().format(n) },
        { title: 'SHA-256', dataIndex: 'sha256', render: (h: string) => <Typography.Text code style={{ fontSize: 11 }} title={h}>{h?.slice(0, 16)}…</Typography.Text> },
      ]}
    />
  );
}

export function ApplicationStatusPage() {
  const { applicationId = '' } = useParams();
  const { t } = useTranslation();
  const { date, language } = useLocale();
  const { message } = App.useApp();
  const app = useQuery(() => getApplication(applicationId), [applicationId]);
  const cancel = useAction(cancelApplication);
  return (
    <>
      <PageHeader title={t('financing.status.title')} crumbs={[{ to: '/supplier/financing', label: t('nav.financing') }, { label: applicationId }]} />
      <QueryView query={app} what={t('endpoint.financing')} issue={5}>
        {(a) => (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            {(a.status === 'APPROVED' || a.status === 'DISBURSED') && (
              <Result status="success" title={t('financing.status.approved')} subTitle={a.terms?.advanceMinor != null ? <Money minor={a.terms.advanceMinor} currency={a.token?.currency} strong /> : undefined} />
            )}
            {a.status === 'REJECTED' && <Alert type="error" showIcon title={t('status.REJECTED')} description={a.rejectionReason} />}
            <Card
              title={<>{a.id} <StatusTag status={a.status} /></>}
              extra={
                (a.status === 'DRAFT' || a.status === 'SUBMITTED') && (
                  <Button
                    danger
                    loading={cancel.busy}
                    onClick={async () => {
                      if (await cancel.run(a.id!)) {
                        message.success(t('financing.status.cancelled'));
                        app.reload();
                      }
                    }}
                  >
                    {t('financing.status.cancel')}
                  </Button>
                )
              }
            >
              <ProblemAlert error={cancel.error} />
              <FourEyesSteps app={a} />
            </Card>
            <Card title={t('financing.status.terms')}>
              <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label={t('field.token')}>
                  {/* once approved the token belongs to the bank: shown, not linked */}
                  {a.status === 'APPROVED' || a.status === 'DISBURSED' || a.status === 'APPROVING' ? (
                    <Typography.Text code>{a.token?.tokenId}</Typography.Text>
                  ) : (
                    <Link to={`/supplier/tokens/${encodeURIComponent(a.token?.tokenId ?? '')}`}>{a.token?.tokenId}</Link>
                  )}
                </Descriptions.Item>
                <Descriptions.Item label={t('field.bank')}>{a.bankId}</Descriptions.Item>
                <Descriptions.Item label={t('field.amount')}><Money minor={a.token?.faceAmountMinor} currency={a.token?.currency} /></Descriptions.Item>
                <Descriptions.Item label={t('field.maturity')}>{date(a.token?.maturityDate)}</Descriptions.Item>
                <Descriptions.Item label={t('financing.new.invoiceNumbers')}>{a.invoiceNumbers?.join(', ')}</Descriptions.Item>
                <Descriptions.Item label={t('field.rate')}>{a.terms?.annualRateBps != null ? formatBps(a.terms.annualRateBps, language) : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('field.days')}>{a.terms?.days ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('field.discount')}>{a.terms?.discountMinor != null ? <Money minor={a.terms.discountMinor} currency={a.token?.currency} /> : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('field.advance')}>{a.terms?.advanceMinor != null ? <Money minor={a.terms.advanceMinor} currency={a.token?.currency} strong /> : '—'}</Descriptions.Item>
                {a.disbursement?.reference && <Descriptions.Item label={t('bank.app.disbursement')}>{a.disbursement.reference}</Descriptions.Item>}
                {a.recordHash && (
                  <Descriptions.Item label={t('financing.status.recordHash')}>
                    <Typography.Text code style={{ fontSize: 11 }}>{a.recordHash}</Typography.Text>
                  </Descriptions.Item>
                )}
              </Descriptions>
            </Card>
            <Card title={t('financing.status.documents')}>
              <DocumentList documents={a.documents} />
            </Card>
            <Card title={t('financing.status.timeline')}>
              <StatusTimeline app={a} />
            </Card>
          </Space>
        )}
      </QueryView>
    </>
  );
}
