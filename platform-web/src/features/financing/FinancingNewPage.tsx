import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Form, InputNumber, Row, Select, Steps, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { draftApplication, uploadFinancingDocument, usePricingPreview, useSubmitApplication } from '../../api/financing';
import { asApiError, type ApiError } from '../../api/problem';
import { useBusinessDay } from '../../api/settings';
import { useTokens, type TokenFilter } from '../../api/tokens';
import type { FinancingView } from '../../api/types';
import { EnterprisePicker } from '../../components/EnterprisePicker';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryView } from '../../components/QueryView';
import { useLocale } from '../../i18n';
import { daysBetween } from '../../lib/dates';
import { formatBps } from '../../lib/pricing';

const ACTIVE: TokenFilter = { status: 'ACTIVE' };

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
  // whether a draft exists, for the button's label (a ref is not read while rendering)
  const [drafted, setDrafted] = useState(false);
  const tokens = useTokens(ACTIVE);
  const businessDay = useBusinessDay();
  const active = useMemo(() => (tokens.data ?? []).filter((x) => x.status === 'ACTIVE'), [tokens.data]);
  const selected = active.find((x) => x.tokenId === tokenId);
  const pricing = usePricingPreview(
    selected && rate != null ? { faceAmountMinor: selected.amountMinor ?? 0, annualRateBps: rate, maturityDate: selected.maturityDate ?? '' } : undefined,
  );
  const submit = useSubmitApplication();
  const ready = !!selected && /^[A-Z0-9][A-Z0-9_-]{2,63}$/.test(bankId.trim()) && invoiceNumbers.length > 0 && invoice.length > 0 && contract.length > 0;

  const run = async () => {
    if (!selected?.tokenId) return;
    setError(undefined);
    const key = `${selected.tokenId}|${bankId.trim()}|${invoiceNumbers.join(',')}`;
    try {
      if (!draft.current || draft.current.key !== key) {
        setStep(0);
        const app = await draftApplication({ tokenId: selected.tokenId, bankId: bankId.trim(), invoiceNumbers });
        draft.current = { key, app, uploaded: new Set() };
        setDrafted(true);
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
      const submitted = await submit.mutateAsync(d.app.id!);
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
            <ProblemAlert error={tokens.error} onRetry={() => void tokens.refetch()} />
            <Form layout="vertical" onFinish={run}>
              <Form.Item label={t('field.token')} htmlFor="fin-token" required>
                <Select
                  id="fin-token"
                  showSearch
                  value={tokenId}
                  onChange={setTokenId}
                  loading={tokens.isPending}
                  placeholder={t('financing.new.pickToken')}
                  options={active.map((x) => ({ value: x.tokenId, label: `${x.payableId} · ${x.obligorId} · ${(x.tokenId ?? '').slice(0, 10)}…` }))}
                />
              </Form.Item>
              {selected && (
                <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
                  <Descriptions.Item label={t('field.amount')}><Money minor={selected.amountMinor} currency={selected.currency} /></Descriptions.Item>
                  <Descriptions.Item label={t('field.maturity')}>
                    {date(selected.maturityDate)} ({t('common.daysLeft', { count: daysBetween(businessDay.today, selected.maturityDate ?? businessDay.today) })})
                  </Descriptions.Item>
                </Descriptions>
              )}
              <Form.Item label={t('field.bank')} htmlFor="fin-bank" required extra={t('financing.new.bankHelp')}>
                <EnterprisePicker id="fin-bank" role="BANK" value={bankId} onChange={(v) => setBankId(v ?? '')} />
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
                {error && drafted ? t('common.retry') : t('financing.new.submit')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('financing.pricing.title')} data-testid="pricing-preview">
            <Typography.Paragraph type="secondary">{t('financing.pricing.help')}</Typography.Paragraph>
            <div style={{ marginBottom: 12 }}>
              <label htmlFor="fin-rate" className="field-label" title={t('bank.app.rateBpsTip')}>{t('bank.app.rateBps')}</label>
              <InputNumber id="fin-rate" min={0} max={10000} step={5} precision={0} value={rate} onChange={(v) => setRate(v === null ? null : Number(v))} style={{ width: 160 }} />
            </div>
            {!selected || rate == null ? (
              <Typography.Text type="secondary">{t('financing.pricing.pick')}</Typography.Text>
            ) : (
              <QueryView query={pricing}>
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
