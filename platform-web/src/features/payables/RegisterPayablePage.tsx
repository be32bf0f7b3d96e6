import { Button, Card, Col, DatePicker, Form, Input, Result, Row, Select, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { newIdempotencyKey } from '../../api/client';
import { useRegisterPayable } from '../../api/payables';
import { useBusinessDay } from '../../api/settings';
import type { RegisteredPayable } from '../../api/types';
import { AmountInput, amountRule } from '../../components/AmountInput';
import { noEnterSubmit, useConfirmAction } from '../../components/ConfirmAction';
import { EnterprisePicker, type PickedEnterprise } from '../../components/EnterprisePicker';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLocale } from '../../i18n';
import { sha256Hex } from '../../lib/csv';
import { addDays } from '../../lib/dates';
import { currencyDigits, jsonAmount, parseMajor } from '../../lib/money';

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
  const [created, setCreated] = useState<RegisteredPayable>();
  // the beneficiary picked, for its legal name in the confirmation
  const [beneficiary, setBeneficiary] = useState<PickedEnterprise>();
  const register = useRegisterPayable();
  const confirm = useConfirmAction();
  const { language, money, date } = useLocale();
  const businessDay = useBusinessDay();
  const currency = Form.useWatch('currency', form) ?? 'CNY';
  // Once the ledger's business day is known, the default dates follow it; dates the user already chose stay, and
  // nothing else typed meanwhile is lost (the form is not mounted again).
  useEffect(() => {
    if (!businessDay.known || form.isFieldsTouched(['issueDate', 'maturityDate'])) return;
    form.setFieldsValue({ issueDate: dayjs(businessDay.today), maturityDate: dayjs(addDays(businessDay.today, 180)) });
  }, [businessDay.known, businessDay.today, form]);
  const submit = async (v: RegisterForm) => {
    // the amount field's validator has already refused what does not parse
    const parsed = parseMajor(v.amount, currencyDigits(v.currency), language);
    if (!parsed.ok) return;
    const body = {
      payableId: v.payableId.trim(),
      beneficiaryId: v.beneficiaryId.trim(),
      amountMinor: jsonAmount(parsed.minor),
      currency: v.currency,
      issueDate: v.issueDate.format('YYYY-MM-DD'),
      maturityDate: v.maturityDate.format('YYYY-MM-DD'),
      invoiceFingerprints: v.invoiceFingerprints.split(/[\s,;]+/).map((s) => s.trim().toLowerCase()).filter(Boolean),
      documentHash: v.documentHash.trim().toLowerCase(),
    };
    // one key per intended payable: a retry after a lost answer replays instead of registering twice
    const confirmed = await confirm({
      title: t('confirm.register.title', { payable: body.payableId }),
      amount: { minor: parsed.minor, currency: v.currency },
      counterparty: { id: body.beneficiaryId, name: beneficiary?.id === body.beneficiaryId ? beneficiary.name : undefined, label: t('field.beneficiary') },
      consequence: t('confirm.register.consequence'),
      okText: t('core.register.submit'),
    });
    if (!confirmed) return;
    const s = JSON.stringify(body);
    if (!key.current || key.current.body !== s) key.current = { body: s, key: newIdempotencyKey('payable') };
    register.mutate({ body, idempotencyKey: key.current.key }, { onSuccess: setCreated });
  };
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
            {t('core.register.doneSaid', { beneficiary: created.beneficiaryId, amount: money(created.amountMinor, created.currency), maturity: date(created.maturityDate) })}{' '}
            {t('core.register.tx')} <Typography.Text code>{created.transactionId}</Typography.Text> · {t('core.register.block')} {created.blockNumber}
          </span>
        }
        extra={[
          <Button key="again" onClick={() => { setCreated(undefined); form.resetFields(); register.reset(); key.current = null; }}>{t('core.register.another')}</Button>,
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
          initialValues={{ currency: 'CNY', issueDate: dayjs(businessDay.today), maturityDate: dayjs(addDays(businessDay.today, 180)) }}
          onFinish={submit}
          onKeyDown={noEnterSubmit}
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label={t('field.payable')} name="payableId" rules={[{ required: true, message: t('common.required') }, { pattern: /^[A-Za-z0-9._-]{1,64}$/, message: t('core.register.idFormat') }]}>
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t('field.beneficiary')} name="beneficiaryId" rules={[{ required: true, message: t('common.required') }]}>
                <EnterprisePicker role="SUPPLIER" onChange={(_, picked) => setBeneficiary(picked)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('field.amount')}
                name="amount"
                dependencies={['currency']}
                rules={[
                  { required: true, message: t('common.required') },
                  amountRule(t, language, () => form.getFieldValue('currency')),
                ]}
              >
                <AmountInput currency={currency} />
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
          <Form.Item label={t('field.documentHash')} tooltip={t('field.fingerprintTip')} name="documentHash" rules={[{ required: true, message: t('common.required') }, hex64]} style={{ marginTop: 16 }}>
            <Input style={{ fontFamily: 'monospace' }} autoComplete="off" />
          </Form.Item>
          <Upload beforeUpload={(f) => hashFile(f, 'documentHash')} showUploadList={false}>
            <Button size="small">{t('core.register.hashDocument')}</Button>
          </Upload>
          <div style={{ marginTop: 16 }}>
            <ProblemAlert error={register.error} />
          </div>
          <Button type="primary" htmlType="submit" loading={register.isPending} style={{ marginTop: 12 }} data-testid="register-submit">
            {t('core.register.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
