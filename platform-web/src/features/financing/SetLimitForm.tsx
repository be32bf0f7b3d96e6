import { App, Button, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSetCreditLimit } from '../../api/financing';
import { AmountInput, amountRule } from '../../components/AmountInput';
import { noEnterSubmit } from '../../components/ConfirmAction';
import { EnterprisePicker } from '../../components/EnterprisePicker';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLocale } from '../../i18n';
import { currencyDigits, jsonAmount, parseMajor } from '../../lib/money';

/** Propose the bank's credit limit for one obligor (a second bank user confirms it on the ledger). */
export function SetLimitForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { language } = useLocale();
  const [form] = Form.useForm<{ obligorId: string; currency: string; amount: string }>();
  const set = useSetCreditLimit();
  const currency = Form.useWatch('currency', form) ?? 'CNY';
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ currency: 'CNY' }}
      style={{ rowGap: 8 }}
      onKeyDown={noEnterSubmit}
      aria-label={t('bank.portfolio.setLimit')}
      onFinish={async (v) => {
        const p = parseMajor(v.amount, currencyDigits(v.currency), language);
        if (!p.ok) return;
        set.mutate(
          { obligorId: v.obligorId.trim(), currency: v.currency, limitMinor: jsonAmount(p.minor) },
          {
            onSuccess: (e) => {
              const key = e.proposedLimitMinor != null ? 'bank.portfolio.limitProposed' : 'bank.portfolio.limitSet';
              message.success(t(key, { obligor: v.obligorId.trim() }));
              form.resetFields(['amount']);
            },
          },
        );
      }}
    >
      <Form.Item label={t('field.obligor')} name="obligorId" rules={[{ required: true, message: t('common.required') }]}>
        <EnterprisePicker role="CORE" width={240} />
      </Form.Item>
      <Form.Item label={t('field.currency')} name="currency">
        <Select style={{ width: 90 }} options={['CNY', 'USD', 'EUR', 'HKD'].map((c) => ({ value: c, label: c }))} />
      </Form.Item>
      <Form.Item
        label={t('bank.app.limit')}
        name="amount"
        rules={[
          { required: true, message: t('common.required') },
          amountRule(t, language, () => form.getFieldValue('currency')),
        ]}
      >
        <AmountInput style={{ width: 180 }} currency={currency} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={set.isPending} data-testid="set-limit">
        {t('bank.portfolio.setLimit')}
      </Button>
      <div style={{ width: '100%' }}>
        <ProblemAlert error={set.error} />
      </div>
    </Form>
  );
}
