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
  | { ok: false; reason: 'empty' | 'format' | 'ambiguous' | 'tooManyDecimals' | 'notPositive' };

const separatorCache = new Map<string, { group: string; decimal: string }>();

/** The locale's group and decimal separators ("," and "." in en and zh-CN, "." and "," in de). */
export function localeSeparators(locale: string): { group: string; decimal: string } {
  let seps = separatorCache.get(locale);
  if (!seps) {
    const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
    seps = {
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    };
    separatorCache.set(locale, seps);
  }
  return seps;
}

const SPACES = /[\s\u00A0\u202F\u2009]/g;

/**
 * Parses what a person types into minor units, exactly (BigInt and string math, never a double), following the
 * locale's separators: in en and zh-CN "1,234,567.89" and "1 234 567.89"; in de "1.234.567,89".
 * Full-width digits and punctuation (１２３．４５，) count as their ASCII forms.
 *
 * A separator that could mean the other thing is refused as `ambiguous` instead of guessed: in en "1,5"
 * (one and a half, or fifteen?) and "1 234 567,89" (a comma where the decimal point belongs). A group separator
 * must stand between groups of exactly three digits, and the locale's group character never follows its decimal one.
 */
export function parseMajor(input: string, digits: number, locale = 'en'): ParseResult {
  const { group, decimal } = localeSeparators(locale);
  const groupIsSpace = SPACES.test(group);
  SPACES.lastIndex = 0;
  const normalized = input
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\uFF0E|\u3002/g, '.')
    .replace(/\uFF0C/g, ',')
    .trim()
    .replace(SPACES, ' ');
  if (normalized === '') return { ok: false, reason: 'empty' };
  if (!/^[\d\s.,']+$/.test(normalized)) return { ok: false, reason: 'format' };
  const decimalAt = normalized.indexOf(decimal);
  if (decimalAt !== normalized.lastIndexOf(decimal)) return { ok: false, reason: 'ambiguous' };
  const intPart = decimalAt < 0 ? normalized : normalized.slice(0, decimalAt);
  const frac = decimalAt < 0 ? '' : normalized.slice(decimalAt + 1);
  if (!/^\d*$/.test(frac)) return { ok: false, reason: /[\s.,']/.test(frac) ? 'ambiguous' : 'format' };
  // the integer part: plain digits, or groups of three separated by one kind of group separator
  const separators = new Set(intPart.replace(/\d/g, ''));
  let whole = intPart;
  if (separators.size > 0) {
    const allowed = [groupIsSpace ? ' ' : group, ' ', "'"];
    if (separators.size > 1 || !allowed.includes([...separators][0])) {
      return { ok: false, reason: 'ambiguous' };
    }
    const sep = [...separators][0];
    const groups = intPart.split(sep);
    if (!/^\d{1,3}$/.test(groups[0]) || groups.slice(1).some((g) => !/^\d{3}$/.test(g))) return { ok: false, reason: 'ambiguous' };
    whole = groups.join('');
  }
  if (whole === '' && frac === '') return { ok: false, reason: 'format' };
  if (frac.length > digits) return { ok: false, reason: 'tooManyDecimals' };
  const minor = BigInt(whole === '' ? '0' : whole) * 10n ** BigInt(digits) + (frac === '' ? 0n : BigInt(frac.padEnd(digits, '0')));
  if (minor <= 0n) return { ok: false, reason: 'notPositive' };
  return { ok: true, minor };
}

const CAPITAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const CAPITAL_SMALL_UNITS = ['', '拾', '佰', '仟'];

/** The unit of the k-th group of four digits: 万, 亿, 万亿, 亿亿 … */
const bigUnit = (k: number) => (k % 2 === 1 ? '万' : '') + '亿'.repeat(Math.floor(k / 2));

/**
 * An amount of CNY in Chinese financial capitals, as written on cheques and contracts:
 * 123456789n fen -> "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分", 10000n -> "壹佰元整", 1000005n -> "壹万元零伍分".
 * Undefined for other currencies and negative amounts (capitals name a sum of renminbi to pay).
 */
export function chineseCapitals(minor: MinorLike, currency = 'CNY'): string | undefined {
  if (currency.toUpperCase() !== 'CNY') return undefined;
  const m = toMinor(minor);
  if (m < 0n) return undefined;
  const yuan = (m / 100n).toString();
  const jiao = Number((m / 10n) % 10n);
  const fen = Number(m % 10n);
  let out = '';
  if (yuan !== '0') {
    let pendingZero = false;
    let groupHasDigit = false;
    for (let i = 0; i < yuan.length; i++) {
      const d = yuan.charCodeAt(i) - 48;
      const position = yuan.length - 1 - i;
      if (d === 0) {
        pendingZero = out !== '';
      } else {
        if (pendingZero) out += '零';
        pendingZero = false;
        out += CAPITAL_DIGITS[d] + CAPITAL_SMALL_UNITS[position % 4];
        groupHasDigit = true;
      }
      if (position % 4 === 0) {
        if (groupHasDigit) out += bigUnit(position / 4);
        groupHasDigit = false;
      }
    }
    out += '元';
  }
  if (jiao === 0 && fen === 0) return (out || '零元') + '整';
  if (jiao > 0) out += CAPITAL_DIGITS[jiao] + '角';
  else if (out) out += '零';
  if (fen > 0) out += CAPITAL_DIGITS[fen] + '分';
  else out += '整';
  return out;
}

/**
 * An amount for a JSON request body: a number while it is exactly representable, else a string of digits (which
 * the API's JSON reader takes for a long), so no amount is rounded on the way out. Typed as number for the schema.
 */
export function jsonAmount(minor: bigint): number {
  return (minor <= BigInt(Number.MAX_SAFE_INTEGER) && minor >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(minor) : minor.toString()) as number;
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
