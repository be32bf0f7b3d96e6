import { describe, expect, it } from 'vitest';
import { chineseCapitals, currencyDigits, formatMoney, minorToDecimalString, parseMajor, sumMinor, toMinor } from '../money';

const norm = (s: string) => s.replace(/[\u00A0\u202F]/g, ' ');

describe('formatMoney by locale', () => {
  it('formats CNY minor units in Chinese and English', () => {
    expect(formatMoney(12_500_000, 'CNY', 'zh-CN')).toBe('¥125,000.00');
    expect(formatMoney(12_500_000, 'CNY', 'en')).toBe('CN¥125,000.00');
    expect(formatMoney(5, 'CNY', 'en')).toBe('CN¥0.05');
  });

  it('uses the locale’s separators and the currency’s digits', () => {
    expect(norm(formatMoney(123_456_789, 'EUR', 'de-DE'))).toBe('1.234.567,89 €');
    expect(formatMoney(1_500, 'JPY', 'ja-JP')).toBe('￥1,500');
    expect(formatMoney(1_500, 'JPY', 'en')).toBe('¥1,500');
    expect(formatMoney(12_345, 'USD', 'zh-CN')).toBe('US$123.45');
    expect(currencyDigits('KWD')).toBe(3);
    expect(formatMoney(1_234, 'KWD', 'en')).toMatch(/1\.234$/);
  });

  it('is exact beyond 2^53: no double ever holds the amount', () => {
    // 9 007 199 254 740 993 is not representable as a double (it would print …992)
    expect(formatMoney('9007199254740993', 'CNY', 'en')).toBe('CN¥90,071,992,547,409.93');
    expect(formatMoney(9_223_372_036_854_775_807n, 'CNY', 'zh-CN')).toBe('¥92,233,720,368,547,758.07');
  });

  it('formats negatives and hides the currency on request', () => {
    expect(formatMoney(-1_050, 'CNY', 'en')).toBe('-CN¥10.50');
    expect(formatMoney(1_050, 'CNY', 'zh-CN', { showCurrency: false })).toBe('10.50');
  });

  it('refuses amounts that are not integers', () => {
    expect(() => toMinor(1.5)).toThrow(RangeError);
    expect(() => toMinor(2 ** 60)).toThrow(RangeError);
    expect(() => toMinor('12.3')).toThrow(RangeError);
  });
});

describe('decimal strings and parsing with string math', () => {
  it('converts minor units to a decimal string', () => {
    expect(minorToDecimalString(0n, 2)).toBe('0.00');
    expect(minorToDecimalString(7n, 2)).toBe('0.07');
    expect(minorToDecimalString(-7n, 2)).toBe('-0.07');
    expect(minorToDecimalString(1234n, 0)).toBe('1234');
  });

  it('parses what people type', () => {
    expect(parseMajor('1,234.56', 2)).toEqual({ ok: true, minor: 123456n });
    expect(parseMajor(' 1 234.5 ', 2)).toEqual({ ok: true, minor: 123450n });
    expect(parseMajor('.5', 2)).toEqual({ ok: true, minor: 50n });
    expect(parseMajor('１２３．４', 2)).toEqual({ ok: true, minor: 12340n });
    expect(parseMajor('0.1', 2)).toEqual({ ok: true, minor: 10n });
    expect(parseMajor('90071992547409.93', 2)).toEqual({ ok: true, minor: 9007199254740993n });
  });

  it('refuses what is not an amount', () => {
    expect(parseMajor('', 2)).toEqual({ ok: false, reason: 'empty' });
    expect(parseMajor('1.234', 2)).toEqual({ ok: false, reason: 'tooManyDecimals' });
    expect(parseMajor('12a', 2)).toEqual({ ok: false, reason: 'format' });
    expect(parseMajor('-5', 2)).toEqual({ ok: false, reason: 'format' });
    expect(parseMajor('0.00', 2)).toEqual({ ok: false, reason: 'notPositive' });
    expect(parseMajor('1.5', 0)).toEqual({ ok: false, reason: 'tooManyDecimals' });
  });

  it('sums exactly where doubles would not', () => {
    // 0.1 + 0.2 in major units
    expect(sumMinor([10, 20])).toBe(30n);
    expect(sumMinor(['9007199254740993', 1])).toBe(9007199254740994n);
  });
});

describe('amounts typed in the active locale', () => {
  it('refuses a separator that could mean two things instead of guessing', () => {
    // "1,5" used to be sent as 15.00, "1 234 567,89" as 123,456,789.00
    expect(parseMajor('1,5', 2, 'en')).toEqual({ ok: false, reason: 'ambiguous' });
    expect(parseMajor('1 234 567,89', 2, 'en')).toEqual({ ok: false, reason: 'ambiguous' });
    expect(parseMajor('1,5', 2, 'zh-CN')).toEqual({ ok: false, reason: 'ambiguous' });
    expect(parseMajor('1,23', 2, 'en')).toEqual({ ok: false, reason: 'ambiguous' });
    expect(parseMajor('1234,567', 2, 'en')).toEqual({ ok: false, reason: 'ambiguous' });
    expect(parseMajor('1.2.3', 2, 'en')).toEqual({ ok: false, reason: 'ambiguous' });
    expect(parseMajor('1.5,3', 2, 'en')).toEqual({ ok: false, reason: 'ambiguous' });
    expect(parseMajor('1,234 567', 2, 'en')).toEqual({ ok: false, reason: 'ambiguous' });
  });

  it('accepts well-formed groups in en and zh-CN', () => {
    expect(parseMajor('1,234,567.89', 2, 'en')).toEqual({ ok: true, minor: 123456789n });
    expect(parseMajor('1 234 567.89', 2, 'en')).toEqual({ ok: true, minor: 123456789n });
    expect(parseMajor('１，２３４．５', 2, 'zh-CN')).toEqual({ ok: true, minor: 123450n });
    expect(parseMajor('1234567.89', 2, 'zh-CN')).toEqual({ ok: true, minor: 123456789n });
    expect(parseMajor('15', 2, 'en')).toEqual({ ok: true, minor: 1500n });
  });

  it('follows a locale whose decimal separator is a comma', () => {
    expect(parseMajor('1.234.567,89', 2, 'de-DE')).toEqual({ ok: true, minor: 123456789n });
    expect(parseMajor('1,5', 2, 'de-DE')).toEqual({ ok: true, minor: 150n });
    expect(parseMajor('1.5', 2, 'de-DE')).toEqual({ ok: false, reason: 'ambiguous' });
  });

  it('is exact far beyond 2^53 and the ledger ceiling', () => {
    expect(parseMajor('92,233,720,368,547,758.07', 2, 'en')).toEqual({ ok: true, minor: 9223372036854775807n });
    expect(parseMajor('10,000,000,000,000.01', 2, 'en')).toEqual({ ok: true, minor: 1000000000000001n });
  });
});

describe('Chinese financial capitals', () => {
  it('writes the amount as on a cheque', () => {
    expect(chineseCapitals(123456789n)).toBe('壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分');
    expect(chineseCapitals(10000n)).toBe('壹佰元整');
    expect(chineseCapitals(148800000n)).toBe('壹佰肆拾捌万捌仟元整');
    expect(chineseCapitals(150n)).toBe('壹元伍角整');
    expect(chineseCapitals(5n)).toBe('伍分');
    expect(chineseCapitals(0n)).toBe('零元整');
  });

  it('writes one 零 for each run of zeros and none at the end of a group', () => {
    expect(chineseCapitals(1000005n)).toBe('壹万元零伍分');
    expect(chineseCapitals(10001000000n)).toBe('壹亿零壹万元整');
    expect(chineseCapitals(1000100n)).toBe('壹万零壹元整');
    expect(chineseCapitals(100000000000n)).toBe('壹拾亿元整');
    expect(chineseCapitals(101000000n)).toBe('壹佰零壹万元整');
    expect(chineseCapitals(100000000000000n)).toBe('壹万亿元整');
  });

  it('is exact beyond 2^53 and names only renminbi', () => {
    expect(chineseCapitals('9007199254740993')).toBe('玖拾万亿零柒佰壹拾玖亿玖仟贰佰伍拾肆万柒仟肆佰零玖元玖角叁分');
    expect(chineseCapitals(100n, 'USD')).toBeUndefined();
    expect(chineseCapitals(-100n)).toBeUndefined();
  });
});
