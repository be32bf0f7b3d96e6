import { useMemo, useRef, useState } from 'react';
import { Button, Card, Col, Descriptions, Form, Input, Row, Select, Space, Table, Typography, Upload, Result } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useAction, useQuery } from '../../api/hooks';
import { applyForFinancing, getApplication, listApplications, listTokens, pricingPreview } from '../../api/endpoints';
import { newIdempotencyKey } from '../../api/client';
import { amountOf, type FinancingApplication } from '../../api/models';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { ProblemAlert } from '../../components/ProblemAlert';
import { NotAvailable } from '../../components/NotAvailable';
import { Money } from '../../components/Money';
import { StatusTag } from '../../components/StatusTag';
import { FourEyesSteps, StatusTimeline } from '../../components/ApplicationProgress';
import { ButtonLink } from '../../components/ButtonLink';
import { useLocale } from '../../i18n';
import { formatBps } from '../../lib/pricing';
import { daysBetween, todayUtc } from '../../lib/dates';

const MAX_FILE = 10 * 1024 * 1024;
const FILE_TYPES = '.pdf,.png,.jpg,.jpeg';

export function FinancingNewPage() {
  const { t } = useTranslation();
  const { date, language } = useLocale();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [tokenId, setTokenId] = useState(params.get('tokenId') ?? undefined);
  const [bankId, setBankId] = useState('');
  const [invoice, setInvoice] = useState<UploadFile[]>([]);
  const [contract, setContract] = useState<UploadFile[]>([]);
  const tokens = useQuery(() => listTokens({ status: 'ACTIVE' }), []);
  const pricing = useQuery(() => pricingPreview(tokenId!, bankId.trim()), [tokenId, bankId], !!tokenId && /^[A-Z0-9][A-Z0-9_-]{2,63}$/.test(bankId.trim()));
  const key = useRef(newIdempotencyKey('finance'));
  const apply = useAction(async () => {
    const form = new FormData();
    form.append('tokenId', tokenId!);
    form.append('bankId', bankId.trim());
    for (const f of invoice) if (f.originFileObj) form.append('invoice', f.originFileObj, f.name);
    for (const f of contract) if (f.originFileObj) form.append('contract', f.originFileObj, f.name);
    return applyForFinancing(form, key.current);
  });
  const active = useMemo(() => (tokens.data ?? []).filter((x) => x.status === 'ACTIVE'), [tokens.data]);
  const selected = active.find((x) => x.id === tokenId);
  const fileRule = (f: File) => f.size <= MAX_FILE && /\.(pdf|png|jpe?g)$/i.test(f.name);

  return (
    <>
      <PageHeader title={t('financing.new.title')} crumbs={[{ to: '/supplier/financing', label: t('nav.financing') }, { label: t('financing.new.title') }]} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('financing.new.application')}>
            {tokens.notAvailable && <NotAvailable what={t('endpoint.tokens')} issue={4} error={tokens.error} />}
            {!tokens.notAvailable && <ProblemAlert error={tokens.error} onRetry={tokens.reload} />}
            <Form layout="vertical" onFinish={async () => { const r = await apply.run(); if (r) navigate(`/supplier/financing/${encodeURIComponent(r.id)}`); }}>
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
                  <Descriptions.Item label={t('field.maturity')}>{date(selected.maturityDate)} ({t('common.daysLeft', { count: daysBetween(todayUtc(), selected.maturityDate) })})</Descriptions.Item>
                </Descriptions>
              )}
              <Form.Item label={t('field.bank')} htmlFor="fin-bank" required extra={t('financing.new.bankHelp')}>
                <Input id="fin-bank" value={bankId} onChange={(e) => setBankId(e.target.value.toUpperCase())} autoComplete="off" />
              </Form.Item>
              <Form.Item label={t('financing.new.invoice')} required extra={t('financing.new.fileHelp')}>
                <Upload accept={FILE_TYPES} fileList={invoice} maxCount={5} beforeUpload={() => false} onChange={(i) => setInvoice(i.fileList.filter((f) => !f.originFileObj || fileRule(f.originFileObj as File)))}>
                  <Button icon={<UploadOutlined />}>{t('financing.new.choose')}</Button>
                </Upload>
              </Form.Item>
              <Form.Item label={t('financing.new.contract')} required extra={t('financing.new.fileHelp')}>
                <Upload accept={FILE_TYPES} fileList={contract} maxCount={5} beforeUpload={() => false} onChange={(i) => setContract(i.fileList.filter((f) => !f.originFileObj || fileRule(f.originFileObj as File)))}>
                  <Button icon={<UploadOutlined />}>{t('financing.new.choose')}</Button>
                </Upload>
              </Form.Item>
              {apply.error?.endpointMissing ? <NotAvailable what={t('endpoint.financing')} issue={5} error={apply.error} /> : <ProblemAlert error={apply.error} />}
              <Button type="primary" htmlType="submit" loading={apply.busy} disabled={!selected || !bankId.trim() || invoice.length === 0 || contract.length === 0} style={{ marginTop: 8 }}>
                {t('financing.new.submit')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('financing.pricing.title')} data-testid="pricing-preview">
            {!tokenId || !bankId.trim() ? (
              <Typography.Text type="secondary">{t('financing.pricing.pick')}</Typography.Text>
            ) : (
              <QueryView query={pricing} what={t('endpoint.pricing')} issue={5}>
                {(p) => (
                  <Descriptions column={1} size="small">
                    <Descriptions.Item label={t('field.rate')}>{formatBps(p.annualRateBps, language)} ({p.annualRateBps} bp)</Descriptions.Item>
                    <Descriptions.Item label={t('field.dayCount')}>{p.dayCountBasis ?? 'ACT/360'}</Descriptions.Item>
                    <Descriptions.Item label={t('field.valueDate')}>{date(p.valueDate)}</Descriptions.Item>
                    <Descriptions.Item label={t('field.days')}>{p.days}</Descriptions.Item>
                    <Descriptions.Item label={t('field.discount')}><Money minor={p.discount} currency={p.currency ?? selected?.currency} /></Descriptions.Item>
                    <Descriptions.Item label={t('field.advance')}><Money minor={p.advance} currency={p.currency ?? selected?.currency} strong /></Descriptions.Item>
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

export function ApplicationTable({ list, base, date }: { list: FinancingApplication[]; base: string; date: (d?: string) => string }) {
  const { t } = useTranslation();
  return (
    <Table<FinancingApplication>
      rowKey="id"
      dataSource={list}
      data-testid="application-table"
      columns={[
        { title: t('field.application'), dataIndex: 'id', render: (id: string) => <Link to={`${base}/${encodeURIComponent(id)}`}>{id}</Link> },
        { title: t('field.applicant'), dataIndex: 'applicantId' },
        { title: t('field.bank'), dataIndex: 'bankId' },
        { title: t('field.obligor'), dataIndex: 'obligorId' },
        { title: t('field.amount'), align: 'right', render: (_, a) => <Money minor={amountOf(a)} currency={a.currency} /> },
        { title: t('field.maturity'), dataIndex: 'maturityDate', render: (d: string) => date(d) },
        { title: t('field.requestedAt'), render: (_, a) => date(a.requestedAt ?? a.createdAt) },
        { title: t('field.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
      ]}
    />
  );
}

export function ApplicationStatusPage() {
  const { applicationId = '' } = useParams();
  const { t } = useTranslation();
  const { date, language } = useLocale();
  const app = useQuery(() => getApplication(applicationId), [applicationId]);
  return (
    <>
      <PageHeader title={t('financing.status.title')} crumbs={[{ to: '/supplier/financing', label: t('nav.financing') }, { label: applicationId }]} />
      <QueryView query={app} what={t('endpoint.financing')} issue={5}>
        {(a) => (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            {a.status === 'APPROVED' && <Result status="success" title={t('financing.status.approved')} subTitle={a.disbursementReference} />}
            <Card title={<>{a.id} <StatusTag status={a.status} /></>}>
              <FourEyesSteps app={a} />
            </Card>
            <Card title={t('financing.status.terms')}>
              <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label={t('field.token')}><Link to={`/supplier/tokens/${encodeURIComponent(a.tokenId)}`}>{a.tokenId}</Link></Descriptions.Item>
                <Descriptions.Item label={t('field.bank')}>{a.bankId}</Descriptions.Item>
                <Descriptions.Item label={t('field.amount')}><Money minor={amountOf(a)} currency={a.currency} /></Descriptions.Item>
                <Descriptions.Item label={t('field.maturity')}>{date(a.maturityDate)}</Descriptions.Item>
                <Descriptions.Item label={t('field.rate')}>{a.annualRateBps != null ? `${formatBps(a.annualRateBps, language)}` : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('field.advance')}>{a.advance != null ? <Money minor={a.advance} currency={a.currency} strong /> : '—'}</Descriptions.Item>
                {a.rejectionReason && <Descriptions.Item label={t('field.reason')}>{a.rejectionReason}</Descriptions.Item>}
              </Descriptions>
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
