/**
 * Money in this UI is integer minor units (the API's `amountMinor`), held as BigInt.
 * Nothing here does floating-point arithmetic on an amount: sums, differences and parsing are BigInt
 * and string operations, and formatting hands Intl.NumberFormat an exact decimal *string*.
 */

export type MinorLike = bigint | number | string;

const digitsCache = new Map<string, number>();

/** Fraction digits of a currency (CNY 2, JPY 0, KWD 3), from the runtime's ISO 4217 data. */
export function currencyDigits(currency: string): number {
  const code = currency.toUpperCase();
  let d = digitsCache.get(code);
  if (d === undefined) {
    try {
      d = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      d = 2;
    }
    digitsCache.set(code, d);
  }
  return d;
}

/** An amount from the API (a JSON integer, or a string of digits) as BigInt; refuses fractions and unsafe numbers. */
export function toMinor(value: MinorLike): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`not an exact integer amount: ${value}`);
    return BigInt(value);
  }
  const s = value.trim();
  if (!/^-?\d+$/.test(s)) throw new RangeError(`not an integer amount: ${value}`);
  return BigInt(s);
}

/** 1234567n with 2 digits -> "12345.67"; -5n -> "-0.05". Exact. */
export function minorToDecimalString(minor: MinorLike, digits: number): string {
  const m = toMinor(minor);
  const negative = m < 0n;
  const abs = negative ? -m : m;
  let s = abs.toString();
  if (digits === 0) return (negative ? '-' : '') + s;
  s = s.padStart(digits + 1, '0');
  const out = `${s.slice(0, s.length - digits)}.${s.slice(s.length - digits)}`;
  return (negative ? '-' : '') + out;
}

type StringFormat = (value: string) => string;

/** Formats an amount for a locale: `formatMoney(12500000, 'CNY', 'zh-CN')` -> "¥125,000.00". */
export function formatMoney(
  minor: MinorLike,
  currency: string,
  locale: string,
  options: { currencyDisplay?: 'symbol' | 'code' | 'narrowSymbol' | 'name'; showCurrency?: boolean } = {},
): string {
  const digits = currencyDigits(currency);
  const decimal = minorToDecimalString(minor, digits);
  const nf = new Intl.NumberFormat(locale, {
    ...(options.showCurrency === false
      ? {}
      : { style: 'currency' as const, currency: currency.toUpperCase(), currencyDisplay: options.currencyDisplay ?? 'symbol' }),
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  // Intl.NumberFormat v3 formats a decimal string exactly (no conversion to a double).
  return (nf.format as unknown as StringFormat)(decimal);
}

export type ParseResult =
  | { ok: true; minor: bigint }
  | { ok: false; reason: 'empty' | 'format' | 'tooManyDecimals' | 'notPositive' };

/**
 * Parses what a person types ("1,234.5", "1 234.50", "１２３") into minor units with string math.
 * Group separators (comma, space, thin space, apostrophe) are ignored; the decimal point is ".".
 */
export function parseMajor(input: string, digits: number): ParseResult {
  const normalized = input
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\uFF0E|\u3002/g, '.')
    .replace(/[\s,'\u00A0\u202F\uFF0C]/g, '');
  if (normalized === '') return { ok: false, reason: 'empty' };
  const m = /^(\d*)(?:\.(\d*))?$/.exec(normalized);
  if (!m || (m[1] === '' && (m[2] === undefined || m[2] === ''))) return { ok: false, reason: 'format' };
  const whole = m[1] === '' ? '0' : m[1];
  const frac = m[2] ?? '';
  if (frac.length > digits) return { ok: false, reason: 'tooManyDecimals' };
  const minor = BigInt(whole) * 10n ** BigInt(digits) + (frac === '' ? 0n : BigInt(frac.padEnd(digits, '0')));
  if (minor <= 0n) return { ok: false, reason: 'notPositive' };
  return { ok: true, minor };
}

/** Exact sum of amounts. */
export function sumMinor(values: Iterable<MinorLike>): bigint {
  let total = 0n;
  for (const v of values) total += toMinor(v);
  return total;
}

/** Minor units as a plain decimal input value ("125000.00"), for pre-filling a field. */
export function minorToInput(minor: MinorLike, currency: string): string {
  return minorToDecimalString(minor, currencyDigits(currency));
}

/**
 * For chart axes only: the amount in major units as a JS number. Bars are drawn from it; every label,
 * tooltip and total shown as text is formatted from the exact BigInt instead.
 */
export function minorToChartNumber(minor: MinorLike, currency: string): number {
  return Number(minorToDecimalString(minor, currencyDigits(currency)));
}
