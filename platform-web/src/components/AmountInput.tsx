import { Input, type InputProps } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n';
import { chineseCapitals, currencyDigits, localeSeparators, parseMajor, type ParseResult } from '../lib/money';

type Refusal = Exclude<ParseResult, { ok: true }>['reason'];

/** The message for an amount that does not parse, naming the active locale's separators. */
export function amountRefusal(t: TFunction, reason: Refusal, currency: string, locale: string): string {
  const { decimal, group } = localeSeparators(locale);
  return t(`amount.error.${reason}`, { digits: currencyDigits(currency), decimal, group: group.trim() ? group : '␣' });
}

/**
 * A Form.Item rule for an amount field: `rules={[required, amountRule(t, language, () => form.getFieldValue('currency'))]}`.
 * The value stays the typed string; read the amount with `parseMajor(value, currencyDigits(currency), language)`.
 */
export function amountRule(t: TFunction, locale: string, currencyOf: () => string | undefined): Rule {
  return {
    validator: (_, v: string | undefined) => {
      if (!v) return Promise.resolve();
      const currency = currencyOf() ?? 'CNY';
      const parsed = parseMajor(v, currencyDigits(currency), locale);
      return parsed.ok ? Promise.resolve() : Promise.reject(new Error(amountRefusal(t, parsed.reason, currency, locale)));
    },
  };
}

/** "= CN¥1,234,567.89" and, in Chinese, "壹佰贰拾叁万…" for what a field understood; nothing while it does not parse. */
export function AmountEcho({ value, currency, id }: { value: string | undefined; currency: string; id?: string }) {
  const { language, money } = useLocale();
  const parsed = value ? parseMajor(value, currencyDigits(currency), language) : undefined;
  const capitals = parsed?.ok && language === 'zh-CN' ? chineseCapitals(parsed.minor, currency) : undefined;
  return (
    <div id={id} className="amount-echo" data-testid="amount-echo" aria-live="polite">
      {parsed?.ok && (
        <>
          <span className="money">= {money(parsed.minor, currency)}</span>
          {capitals && <span lang="zh-CN">{`，${capitals}`}</span>}
        </>
      )}
    </div>
  );
}

type AmountInputProps = Omit<InputProps, 'value' | 'onChange'> & {
  value?: string;
  onChange?: (value: string) => void;
  currency: string;
};

/**
 * An amount field for a Form.Item (value and onChange are the typed string): decimal keyboard on phones, the
 * understood amount echoed under it, and Enter never submits the form around it (ledger forms submit only by
 * their button and a confirmation). Validate with {@link amountRule}.
 */
export function AmountInput({ value, onChange, currency, id, ...rest }: AmountInputProps) {
  const { t } = useTranslation();
  const echoId = id ? `${id}-echo` : undefined;
  return (
    <div className="amount-input">
      <Input
        {...rest}
        id={id}
        value={value}
        inputMode="decimal"
        autoComplete="off"
        aria-describedby={[rest['aria-describedby'], echoId].filter(Boolean).join(' ') || undefined}
        suffix={rest.suffix ?? <span aria-hidden>{currency}</span>}
        title={t('amount.hint')}
        onChange={(e) => onChange?.(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.preventDefault();
          rest.onKeyDown?.(e);
        }}
      />
      <AmountEcho value={value} currency={currency} id={echoId} />
    </div>
  );
}
