import { useLocale } from '../i18n';
import type { MinorLike } from '../lib/money';

export function Money({ minor, currency = 'CNY', strong }: { minor: MinorLike | null | undefined; currency?: string; strong?: boolean }) {
  const { money } = useLocale();
  const text = money(minor, currency);
  return (
    <span className="money" style={{ fontVariantNumeric: 'tabular-nums', fontWeight: strong ? 600 : undefined, whiteSpace: 'nowrap' }}>
      {text}
    </span>
  );
}
