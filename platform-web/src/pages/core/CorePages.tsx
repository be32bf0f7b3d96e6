import { useMemo, useRef, useState } from 'react';
import { Badge, Button, Calendar, Card, Col, DatePicker, Descriptions, Empty, Flex, Form, Input, Modal, Progress, Result, Row, Select, Space, Table, Typography, Upload, App, Alert } from 'antd';
import { InboxOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useAction, useQuery } from '../../api/hooks';
import { getImport, getImportRows, getPayable, listPayables, registerPayable, settlePayable, startImport, type ListFilter } from '../../api/endpoints';
import { newIdempotencyKey } from '../../api/client';
import { asApiError, type ApiError } from '../../api/problem';
import { amountOf, payableIdOf, type ImportJob, type ImportRowResult, type PayableView } from '../../api/models';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryView';
import { ProblemAlert } from '../../components/ProblemAlert';
import { NotAvailable } from '../../components/NotAvailable';
import { Money } from '../../components/Money';
import { StatusTag } from '../../components/StatusTag';
import { LineageTree } from '../../components/LineageTree';
import { ButtonLink } from '../../components/ButtonLink';
import { useLocale } from '../../i18n';
import { currencyDigits, parseMajor, sumMinor } from '../../lib/money';
import { readPayableCsv, sha256Hex, type PayableRow } from '../../lib/csv';
import { addDays, formatMonth, todayUtc } from '../../lib/dates';
import { useSession } from '../../auth/AuthContext';

const PAYABLE_STATUSES = ['PENDING_ACCEPTANCE', 'ACCEPTED', 'REJECTED', 'SETTLED'];

export function PayablesPage() {
  const { t } = useTranslation();
  const { date } = useLocale();
  const session = useSession();
  const [filter, setFilter] = useState<ListFilter>({});
  const query = useQuery(() => listPayables(filter), [JSON.stringify(filter)]);
  return (
    <>
      <PageHeader
        title={t('core.payables.title')}
        extra={session.user.role === 'CORE' && <ButtonLink to="/core/payables/new" type="primary">{t('nav.registerPayable')}</ButtonLink>}
      />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" aria-label={t('common.filters')} style={{ rowGap: 8 }}>
          <Form.Item label={t('field.status')} htmlFor="pf-status">
            <Select id="pf-status" allowClear style={{ width: 180 }} placeholder={t('common.all')} value={filter.status} onChange={(v) => setFilter((f) => ({ ...f, status: v }))} options={PAYABLE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
          </Form.Item>
          <Form.Item label={t('field.beneficiary')} htmlFor="pf-beneficiary">
            <Input id="pf-beneficiary" allowClear style={{ width: 180 }} onChange={(e) => setFilter((f) => ({ ...f, beneficiaryId: e.target.value || undefined }))} />
          </Form.Item>
          <Form.Item label={t('field.maturity')}>
            <DatePicker.RangePicker aria-label={t('field.maturity')} onChange={(r: [Dayjs | null, Dayjs | null] | null) => setFilter((f) => ({ ...f, maturityFrom: r?.[0]?.format('YYYY-MM-DD'), maturityTo: r?.[1]?.format('YYYY-MM-DD') }))} />
          </Form.Item>
        </Form>
      </Card>
      <QueryView query={query} what={t('endpoint.payables')} issue={4}>
        {(rows) => (
          <Table<PayableView>
            rowKey={(p) => `${p.obligorId}/${payableIdOf(p)}`}
            dataSource={rows.filter((p) => (!filter.status || p.status === filter.status) && (!filter.beneficiaryId || p.beneficiaryId.includes(filter.beneficiaryId)))}
            data-testid="payable-table"
            columns={[
              { title: t('field.payable'), render: (_, p) => <Link to={`/core/payables/${encodeURIComponent(payableIdOf(p))}`}>{payableIdOf(p)}</Link> },
              { title: t('field.beneficiary'), dataIndex: 'beneficiaryId' },
              { title: t('field.amount'), align: 'right', render: (_, p) => <Money minor={amountOf(p)} currency={p.currency} /> },
              { title: t('field.issueDate'), dataIndex: 'issueDate', render: (d: string) => date(d) },
              { title: t('field.maturity'), dataIndex: 'maturityDate', sorter: (a, b) => a.maturityDate.localeCompare(b.maturityDate), render: (d: string) => date(d) },
              { title: t('field.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
            ]}
          />
        )}
      </QueryView>
    </>
  );
}

function SettleButton({ payable, onDone }: { payable: PayableView; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [ref, setRef] = useState('');
  const key = useRef(newIdempotencyKey('settle'));
  const settle = useAction(() => settlePayable(payableIdOf(payable), ref.trim(), key.current));
  if (payable.status !== 'ACCEPTED') return null;
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="settle">
        {t('action.settle')}
      </Button>
      <Modal
        open={open}
        title={t('core.settle.title', { payable: payableIdOf(payable) })}
        okText={t('action.settle')}
        okButtonProps={{ disabled: !ref.trim(), loading: settle.busy }}
        onCancel={() => setOpen(false)}
        onOk={async () => {
          if (await settle.run()) {
            message.success(t('core.settle.done'));
            setOpen(false);
            onDone();
          }
        }}
      >
        <Typography.Paragraph>
          {t('core.settle.body')} <Money minor={amountOf(payable)} currency={payable.currency} strong />
        </Typography.Paragraph>
        <label htmlFor="payment-ref" className="field-label">{t('field.paymentReference')}</label>
        <Input id="payment-ref" value={ref} onChange={(e) => setRef(e.target.value)} maxLength={128} />
        {settle.error?.endpointMissing ? <NotAvailable what={t('endpoint.settle')} issue={4} error={settle.error} /> : <ProblemAlert error={settle.error} />}
      </Modal>
    </>
  );
}

export function PayablePage() {
  const { payableId = '' } = useParams();
  const { t } = useTranslation();
  const { date, dateTime } = useLocale();
  const payable = useQuery(() => getPayable(payableId), [payableId]);
  return (
    <>
      <PageHeader title={t('core.payable.title')} crumbs={[{ to: '/core/payables', label: t('nav.payables') }, { label: payableId }]} />
      <QueryView query={payable} what={t('endpoint.payable')} issue={4}>
        {(p) => (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title={<>{payableIdOf(p)} <StatusTag status={p.status} /></>} extra={<SettleButton payable={p} onDone={payable.reload} />}>
              <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
                <Descriptions.Item label={t('field.amount')}><Money minor={amountOf(p)} currency={p.currency} strong /></Descriptions.Item>
                <Descriptions.Item label={t('field.beneficiary')}>{p.beneficiaryId}</Descriptions.Item>
                <Descriptions.Item label={t('field.obligor')}>{p.obligorId}</Descriptions.Item>
                <Descriptions.Item label={t('field.issueDate')}>{date(p.issueDate)}</Descriptions.Item>
                <Descriptions.Item label={t('field.maturity')}>{date(p.maturityDate)}</Descriptions.Item>
                {p.registeredAt && <Descriptions.Item label={t('field.createdAt')}>{dateTime(p.registeredAt)}</Descriptions.Item>}
                {p.paymentReference && <Descriptions.Item label={t('field.paymentReference')}>{p.paymentReference}</Descriptions.Item>}
              </Descriptions>
            </Card>
            <Card title={t('core.payable.tree')}>
              <LineageTree tokens={p.tokens ?? []} payable={{ payableId: payableIdOf(p), obligorId: p.obligorId, amount: amountOf(p), currency: p.currency }} />
            </Card>
          </Space>
        )}
      </QueryView>
    </>
  );
}

interface RegisterForm {
  payableId: string;
  beneficiaryId: string;
  amount: string;
  currency: string;
  issueDate: Dayjs;
  maturityDate: Dayjs;
  invoiceFingerprints: string;
  documentHash: string;
}

export function RegisterPayablePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<RegisterForm>();
  const key = useRef<{ body: string; key: string } | null>(null);
  const [created, setCreated] = useState<PayableView & { transactionId?: string; blockNumber?: number }>();
  const register = useAction(async (v: RegisterForm) => {
    const parsed = parseMajor(v.amount, currencyDigits(v.currency));
    if (!parsed.ok) throw new Error(t(`split.error.amount.${parsed.reason}`, { digits: currencyDigits(v.currency) }));
    const body = {
      payableId: v.payableId.trim(),
      beneficiaryId: v.beneficiaryId.trim(),
      amountMinor: Number(parsed.minor),
      currency: v.currency,
      issueDate: v.issueDate.format('YYYY-MM-DD'),
      maturityDate: v.maturityDate.format('YYYY-MM-DD'),
      invoiceFingerprints: v.invoiceFingerprints.split(/[\s,;]+/).map((s) => s.trim().toLowerCase()).filter(Boolean),
      documentHash: v.documentHash.trim().toLowerCase(),
    };
    const s = JSON.stringify(body);
    if (!key.current || key.current.body !== s) key.current = { body: s, key: newIdempotencyKey('payable') };
    return registerPayable(body, key.current.key);
  });
  const hashFile = async (file: File, field: 'invoiceFingerprints' | 'documentHash') => {
    const h = await sha256Hex(await file.arrayBuffer());
    if (field === 'documentHash') form.setFieldValue('documentHash', h);
    else {
      const cur = (form.getFieldValue('invoiceFingerprints') as string | undefined)?.trim();
      form.setFieldValue('invoiceFingerprints', cur ? `${cur}\n${h}` : h);
    }
    void form.validateFields([field]);
    return false;
  };

  if (created) {
    return (
      <Result
        status="success"
        data-testid="payable-created"
        title={t('core.register.done', { payable: created.payableId })}
        subTitle={
          <span>
            {t('core.register.tx')}: <Typography.Text code>{created.transactionId}</Typography.Text> · {t('core.register.block')} {created.blockNumber}
          </span>
        }
        extra={[
          <Button key="again" onClick={() => { setCreated(undefined); form.resetFields(); key.current = null; }}>{t('core.register.another')}</Button>,
          <Button key="open" type="primary" onClick={() => navigate(`/core/payables/${encodeURIComponent(created.payableId ?? '')}`)}>{t('core.register.open')}</Button>,
        ]}
      />
    );
  }
  const hex64 = { pattern: /^[0-9a-fA-F]{64}$/, message: t('core.register.hex') };
  return (
    <>
      <PageHeader title={t('core.register.title')} crumbs={[{ to: '/core/payables', label: t('nav.payables') }, { label: t('core.register.title') }]} />
      <Card style={{ maxWidth: 820 }}>
        <Form<RegisterForm>
          form={form}
          layout="vertical"
          initialValues={{ currency: 'CNY', issueDate: dayjs(todayUtc()), maturityDate: dayjs(addDays(todayUtc(), 180)) }}
          onFinish={async (v) => {
            const r = await register.run(v);
            if (r) setCreated(r);
          }}
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label={t('field.payable')} name="payableId" rules={[{ required: true, message: t('common.required') }, { pattern: /^[A-Za-z0-9._-]{1,64}$/, message: t('core.register.idFormat') }]}>
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t('field.beneficiary')} name="beneficiaryId" rules={[{ required: true, message: t('common.required') }, { pattern: /^[A-Za-z0-9._-]{1,64}$/, message: t('core.register.idFormat') }]}>
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('field.amount')}
                name="amount"
                dependencies={['currency']}
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
                <Input inputMode="decimal" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t('field.currency')} name="currency" rules={[{ required: true }]}>
                <Select options={['CNY', 'USD', 'EUR', 'HKD', 'JPY'].map((c) => ({ value: c, label: c }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t('field.issueDate')} name="issueDate" rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('field.maturity')}
                name="maturityDate"
                dependencies={['issueDate']}
                rules={[
                  { required: true },
                  ({ getFieldValue }) => ({
                    validator: (_, v: Dayjs) => (!v || v.isAfter(getFieldValue('issueDate')) ? Promise.resolve() : Promise.reject(new Error(t('core.register.maturityAfter')))),
                  }),
                ]}
              >
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            label={t('field.invoiceFingerprints')}
            name="invoiceFingerprints"
            extra={t('core.register.fingerprintHelp')}
            rules={[
              { required: true, message: t('common.required') },
              { validator: (_, v: string) => (!v || v.split(/[\s,;]+/).filter(Boolean).every((x) => /^[0-9a-fA-F]{64}$/.test(x)) ? Promise.resolve() : Promise.reject(new Error(t('core.register.hex')))) },
            ]}
          >
            <Input.TextArea rows={2} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
          <Upload beforeUpload={(f) => hashFile(f, 'invoiceFingerprints')} showUploadList={false} multiple>
            <Button size="small">{t('core.register.hashInvoice')}</Button>
          </Upload>
          <Form.Item label={t('field.documentHash')} name="documentHash" rules={[{ required: true, message: t('common.required') }, hex64]} style={{ marginTop: 16 }}>
            <Input style={{ fontFamily: 'monospace' }} autoComplete="off" />
          </Form.Item>
          <Upload beforeUpload={(f) => hashFile(f, 'documentHash')} showUploadList={false}>
            <Button size="small">{t('core.register.hashDocument')}</Button>
          </Upload>
          <div style={{ marginTop: 16 }}>
            <ProblemAlert error={register.error} />
          </div>
          <Button type="primary" htmlType="submit" loading={register.busy} style={{ marginTop: 12 }} data-testid="register-submit">
            {t('core.register.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}

interface RowState extends ImportRowResult {
  error?: ApiError;
}

export function ImportPage() {
  const { t } = useTranslation();
  const [fileName, setFileName] = useState<string>();
  const [text, setText] = useState<string>();
  const [fileHash, setFileHash] = useState('');
  const [running, setRunning] = useState(false);
  const [mode, setMode] = useState<'server' | 'rows'>();
  const [results, setResults] = useState<RowState[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<ApiError>();
  const [job, setJob] = useState<ImportJob>();
  const parsed = useMemo(() => (text !== undefined ? readPayableCsv(text) : undefined), [text]);
  const processed = job ? job.totalRows - job.pending : results.filter((r) => r.status !== 'PENDING').length;
  const failed = job ? job.failed + job.invalid : results.filter((r) => r.status === 'FAILED' || r.status === 'INVALID').length;

  const run = async () => {
    if (!parsed || !text) return;
    setRunning(true);
    setError(undefined);
    setResults(parsed.rows.map((r) => ({ row: r.row, payableId: r.payableId, status: 'PENDING' })));
    setTotal(parsed.rows.length);
    try {
      try {
        let job: ImportJob = await startImport(text, `csv-${fileHash}`);
        setMode('server');
        setJob(job);
        setTotal(job.totalRows);
        for (;;) {
          const rows = await getImportRows(job.jobId);
          const byRow = new Map(rows.map((r) => [r.row, r]));
          setResults(parsed.rows.map((r) => byRow.get(r.row) ?? { row: r.row, payableId: r.payableId, status: 'PENDING' }));
          setJob(job);
          if (job.status !== 'QUEUED' && job.status !== 'RUNNING' && job.pending === 0) break;
          await new Promise((r) => setTimeout(r, 800));
          job = await getImport(job.jobId);
        }
        return;
      } catch (e) {
        const err = asApiError(e);
        if (!err.endpointMissing) throw err;
      }
      // The API has no bulk import job yet: register row by row through POST /api/v1/payables, each with a key
      // derived from the file and row, so importing the same file again replays instead of registering twice.
      setMode('rows');
      for (const r of parsed.rows) {
        const res = await importRow(r, fileHash);
        setResults((rs) => rs.map((x) => (x.row === r.row ? res : x)));
      }
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <>
      <PageHeader title={t('core.import.title')} />
      <Card style={{ marginBottom: 16 }}>
        <Typography.Paragraph>{t('core.import.help')}</Typography.Paragraph>
        <Typography.Paragraph>
          <Typography.Text code>payableId,beneficiaryId,amountMinor,currency,issueDate,maturityDate,invoiceFingerprints,documentHash</Typography.Text>
        </Typography.Paragraph>
        <Upload.Dragger
          accept=".csv,text/csv"
          showUploadList={false}
          disabled={running}
          beforeUpload={async (f) => {
            const content = await f.text();
            setFileName(f.name);
            setText(content);
            setFileHash((await sha256Hex(content)).slice(0, 16));
            setResults([]);
            setJob(undefined);
            setMode(undefined);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p>{fileName ?? t('core.import.drop')}</p>
        </Upload.Dragger>
      </Card>
      {parsed && parsed.missingColumns.length > 0 && <Alert type="error" showIcon title={t('core.import.missing', { columns: parsed.missingColumns.join(', ') })} />}
      {parsed && parsed.missingColumns.length === 0 && (
        <Card
          title={t('core.import.rows', { count: parsed.rows.length })}
          extra={
            <Button type="primary" onClick={run} loading={running} disabled={parsed.rows.length === 0} data-testid="import-start">
              {t('core.import.start')}
            </Button>
          }
        >
          {(running || results.length > 0) && (
            <div style={{ marginBottom: 12 }} data-testid="import-progress">
              <Progress percent={total ? Math.round((processed * 100) / total) : 0} status={running ? 'active' : failed ? 'exception' : 'success'} aria-label={t('core.import.progress')} />
              <Typography.Text>
                {t('core.import.summary', { processed, total, failed })} {mode === 'rows' && <Typography.Text type="secondary">· {t('core.import.rowMode')}</Typography.Text>}
              </Typography.Text>
            </div>
          )}
          <ProblemAlert error={error} />
          <Table<PayableRow & { result?: RowState }>
            size="small"
            rowKey="row"
            pagination={{ pageSize: 50 }}
            dataSource={parsed.rows.map((r) => ({ ...r, result: results.find((x) => x.row === r.row) }))}
            columns={[
              { title: '#', dataIndex: 'row', width: 50 },
              { title: t('field.payable'), dataIndex: 'payableId' },
              { title: t('field.beneficiary'), dataIndex: 'beneficiaryId' },
              { title: t('field.amount'), align: 'right', render: (_, r) => (/^\d+$/.test(r.amountMinor) && /^[A-Z]{3}$/.test(r.currency) ? <Money minor={r.amountMinor} currency={r.currency} /> : r.amountMinor) },
              { title: t('field.maturity'), dataIndex: 'maturityDate' },
              {
                title: t('core.import.result'),
                render: (_, r) =>
                  r.result && r.result.status !== 'PENDING' ? (
                    <span data-testid="import-row-result">
                      <StatusTag status={r.result.status} /> {r.result.code && <Typography.Text code>{r.result.code}</Typography.Text>} {r.result.detail}
                    </span>
                  ) : r.problems.length ? (
                    <Typography.Text type="danger">{t('core.import.invalid', { fields: r.problems.join(', ') })}</Typography.Text>
                  ) : r.result ? (
                    <Badge status="processing" text={t('core.import.waiting')} />
                  ) : null,
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}

async function importRow(r: PayableRow, fileHash: string): Promise<RowState> {
  if (r.problems.length) return { row: r.row, payableId: r.payableId, status: 'INVALID', code: 'VALIDATION_FAILED', detail: r.problems.join(', ') };
  try {
    const res = await registerPayable(
      {
        payableId: r.payableId,
        beneficiaryId: r.beneficiaryId,
        amountMinor: Number(r.amountMinor),
        currency: r.currency,
        issueDate: r.issueDate,
        maturityDate: r.maturityDate,
        invoiceFingerprints: r.invoiceFingerprints,
        documentHash: r.documentHash,
      },
      `csv-${fileHash}-${r.row}`,
    );
    return { row: r.row, payableId: r.payableId, status: 'REGISTERED', transactionId: res.transactionId, detail: res.transactionId ? `tx ${res.transactionId.slice(0, 12)}…` : undefined };
  } catch (e) {
    const err = asApiError(e);
    return { row: r.row, payableId: r.payableId, status: 'FAILED', code: err.code, detail: err.problem.detail, error: err };
  }
}

export function CalendarPage() {
  const { t } = useTranslation();
  const { money, date, language } = useLocale();
  const query = useQuery(() => listPayables({}), []);
  const [selected, setSelected] = useState<Dayjs>(dayjs());
  return (
    <>
      <PageHeader title={t('core.calendar.title')} />
      <QueryView query={query} what={t('endpoint.payables')} issue={4}>
        {(all) => {
          const due = all.filter((p) => p.status === 'ACCEPTED' || p.status === 'PENDING_ACCEPTANCE');
          const byDay = new Map<string, PayableView[]>();
          for (const p of due) byDay.set(p.maturityDate, [...(byDay.get(p.maturityDate) ?? []), p]);
          const day = selected.format('YYYY-MM-DD');
          const today = byDay.get(day) ?? [];
          const upcoming = due.filter((p) => p.maturityDate >= todayUtc()).sort((a, b) => a.maturityDate.localeCompare(b.maturityDate)).slice(0, 8);
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
                          <div className="money">{money(sumMinor(list.map(amountOf)), cur)}</div>
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
                        <Card key={payableIdOf(p)} size="small" title={<Link to={`/core/payables/${encodeURIComponent(payableIdOf(p))}`}>{payableIdOf(p)}</Link>} extra={<SettleButton payable={p} onDone={query.reload} />}>
                          <Money minor={amountOf(p)} currency={p.currency} strong /> · {p.beneficiaryId} <StatusTag status={p.status} />
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
                      rowKey={(p) => payableIdOf(p)}
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
                        { title: t('field.payable'), render: (_, p) => <Link to={`/core/payables/${encodeURIComponent(payableIdOf(p))}`}>{payableIdOf(p)}</Link> },
                        { title: t('field.amount'), align: 'right', render: (_, p) => <Money minor={amountOf(p)} currency={p.currency} /> },
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
