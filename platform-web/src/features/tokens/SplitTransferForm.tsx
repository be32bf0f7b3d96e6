import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Flex, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SplitOutput, TokenView } from '../../api/types';
import { AmountInput, amountRefusal } from '../../components/AmountInput';
import { noEnterSubmit, type Party } from '../../components/ConfirmAction';
import { EnterprisePicker } from '../../components/EnterprisePicker';
import { useLocale } from '../../i18n';
import { currencyDigits, jsonAmount, minorToInput, toMinor } from '../../lib/money';
import { checkSplit, type SplitPart } from '../../lib/split';

/**
 * Split a token into parts and transfer them. Checked as you type: each recipient and amount, and that the
 * parts add up exactly to the token (what the ledger's conservation rule demands), in integer minor units.
 * Recipients are picked among the active suppliers (never the holder itself nor the token's obligor); the
 * holder's own part comes only from "keep the remainder". onSubmit gets the outputs and, for the confirmation,
 * the other recipients with their legal names.
 */
export function SplitTransferForm({
  token,
  holderId,
  busy,
  onSubmit,
}: {
  token: TokenView;
  holderId: string;
  busy?: boolean;
  onSubmit: (outputs: SplitOutput[], recipients: Party[]) => void;
}) {
  const { t } = useTranslation();
  const { money, language } = useLocale();
  const currency = token.currency ?? 'CNY';
  const digits = currencyDigits(currency);
  const tokenAmount = toMinor(token.amountMinor ?? 0);
  const [parts, setParts] = useState<SplitPart[]>([{ recipient: '', amount: '' }]);
  // the legal name of each recipient picked, by id
  const [names, setNames] = useState<Record<string, string>>({});
  const check = useMemo(() => checkSplit(tokenAmount, parts, digits, { obligorId: token.obligorId, locale: language }), [tokenAmount, parts, digits, token.obligorId, language]);

  const update = (i: number, patch: Partial<SplitPart>) => setParts((ps) => ps.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const keepRemainder = () => {
    if (check.remaining <= 0n) return;
    const own = parts.findIndex((p) => p.recipient.trim() === holderId);
    if (own >= 0 && check.parts[own].minor !== undefined) {
      update(own, { amount: minorToInput(check.parts[own].minor! + check.remaining, currency) });
    } else if (own >= 0) {
      update(own, { amount: minorToInput(check.remaining, currency) });
    } else {
      setParts((ps) => [...ps, { recipient: holderId, amount: minorToInput(check.remaining, currency) }]);
    }
  };

  const submit = () => {
    if (!check.valid) return;
    const outputs = parts.map((p, i) => ({ recipient: p.recipient.trim(), amountMinor: jsonAmount(check.parts[i].minor!) }));
    const others = [...new Set(outputs.map((o) => o.recipient).filter((r) => r !== holderId))];
    onSubmit(outputs, others.map((id) => ({ id, name: names[id] })));
  };

  const remainingText = check.exact
    ? t('split.exact')
    : check.remaining > 0n
      ? t('split.remaining', { amount: money(check.remaining, currency) })
      : t('split.over', { amount: money(-check.remaining, currency) });

  return (
    <form
      aria-label={t('split.formLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onKeyDown={noEnterSubmit}
      data-testid="split-form"
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('split.tokenAmount')}>
          <span data-testid="split-token-amount" className="money">{money(tokenAmount, currency)}</span>
        </Descriptions.Item>
      </Descriptions>
      <Space direction="vertical" style={{ width: '100%' }} size={8}>
        {parts.map((p, i) => {
          const c = check.parts[i];
          const recipientId = `split-recipient-${i}`;
          const amountId = `split-amount-${i}`;
          return (
            <Flex key={i} gap={8} align="start" wrap data-testid="split-part">
              <div style={{ flex: '1 1 220px' }}>
                <label htmlFor={recipientId} className="field-label">
                  {t('split.recipient', { n: i + 1 })}
                </label>
                <EnterprisePicker
                  id={recipientId}
                  role="SUPPLIER"
                  self={holderId}
                  exclude={[token.obligorId]}
                  value={p.recipient}
                  status={p.recipient && c.recipient ? 'error' : undefined}
                  aria-invalid={!!(p.recipient && c.recipient)}
                  aria-describedby={c.recipient && p.recipient ? `${recipientId}-err` : undefined}
                  onChange={(recipient, picked) => {
                    update(i, { recipient: recipient ?? '' });
                    if (picked?.name) setNames((n) => ({ ...n, [picked.id]: picked.name! }));
                  }}
                />
                {p.recipient && c.recipient && (
                  <Typography.Text type="danger" id={`${recipientId}-err`} className="field-error">
                    {t(`split.error.recipient.${c.recipient}`)}
                  </Typography.Text>
                )}
              </div>
              <div style={{ flex: '1 1 180px' }}>
                <label htmlFor={amountId} className="field-label">
                  {t('split.amount', { currency: currency })}
                </label>
                <AmountInput
                  id={amountId}
                  currency={currency}
                  value={p.amount}
                  placeholder={digits > 0 ? `0.${'0'.repeat(digits)}` : '0'}
                  status={p.amount && c.amount ? 'error' : undefined}
                  aria-invalid={!!(p.amount && c.amount)}
                  aria-describedby={c.amount && p.amount ? `${amountId}-err` : undefined}
                  onChange={(amount) => update(i, { amount })}
                />
                {p.amount && c.amount && (
                  <Typography.Text type="danger" id={`${amountId}-err`} className="field-error">
                    {c.amount === 'belowMinUnit' ? t('split.error.amount.belowMinUnit') : amountRefusal(t, c.amount, currency, language)}
                  </Typography.Text>
                )}
              </div>
              <Button
                aria-label={t('split.removePart', { n: i + 1 })}
                icon={<DeleteOutlined />}
                disabled={parts.length === 1}
                onClick={() => setParts((ps) => ps.filter((_, j) => j !== i))}
                style={{ marginTop: 22 }}
              />
            </Flex>
          );
        })}
        <Space wrap>
          <Button icon={<PlusOutlined />} onClick={() => setParts((ps) => [...ps, { recipient: '', amount: '' }])} disabled={parts.length >= 50}>
            {t('split.addPart')}
          </Button>
          <Button onClick={keepRemainder} disabled={check.remaining <= 0n}>
            {t('split.keepRemainder')}
          </Button>
        </Space>
        <Alert
          data-testid="split-sum"
          data-exact={check.exact}
          aria-live="polite"
          type={check.exact ? 'success' : check.remaining > 0n ? 'info' : 'error'}
          showIcon
          title={
            <span>
              {t('split.allocated', { total: money(check.total, currency), of: money(tokenAmount, currency) })} — {remainingText}
            </span>
          }
        />
        <Button type="primary" htmlType="submit" disabled={!check.valid || busy} loading={busy} data-testid="split-submit">
          {t('split.submit')}
        </Button>
      </Space>
    </form>
  );
}
