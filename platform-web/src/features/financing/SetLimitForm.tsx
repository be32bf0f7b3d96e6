import { App, Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSetCreditLimit } from '../../api/financing';
import { EnterprisePicker } from '../../components/EnterprisePicker';
import { ProblemAlert } from '../../components/ProblemAlert';
import { currencyDigits, parseMajor } from '../../lib/money';

/** Set the bank's credit limit for one obligor. */
export function SetLimitForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ obligorId: string; currency: string; amount: string }>();
  const set = useSetCreditLimit();
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
        set.mutate(
          { obligorId: v.obligorId.trim(), currency: v.currency, limitMinor: Number(p.minor) },
          {
            onSuccess: () => {
              message.success(t('bank.portfolio.limitSet', { obligor: v.obligorId.trim() }));
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
      <Button type="primary" htmlType="submit" loading={set.isPending} data-testid="set-limit">
        {t('bank.portfolio.setLimit')}
      </Button>
      <div style={{ width: '100%' }}>
        <ProblemAlert error={set.error} />
      </div>
    </Form>
  );
}
