import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, formatDate } from '../dates';
import { act360 } from '../pricing';

// The same cases as the chaincode's DiscountTermsUnitTest: the preview must agree with the ledger to the unit.
describe('ACT/360 pricing preview', () => {
  it('discounts on an actual/360 basis, rounding half up', () => {
    expect(act360(100_000, 500, '2026-03-02', '2026-06-30')).toEqual({ ok: true, terms: { annualRateBps: 500, days: 120, discount: 1_667n, advance: 98_333n } });
    const v = '2026-03-02';
    expect(act360(3_600, 1, v, addDays(v, 500))).toMatchObject({ terms: { discount: 1n } });
    expect(act360(3_600, 1, v, addDays(v, 499))).toMatchObject({ terms: { discount: 0n } });
  });

  it('counts actual days across a leap year', () => {
    expect(act360(3_600_000, 100, '2028-02-01', '2028-03-01')).toMatchObject({ terms: { days: 29, discount: 2_900n } });
  });

  it('does not overflow on the largest face amounts', () => {
    const r = act360(9_223_372_036_854_775_807n, 10_000, '2026-03-02', addDays('2026-03-02', 359));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.terms.discount + r.terms.advance).toBe(9_223_372_036_854_775_807n);
  });

  it('refuses what the ledger refuses', () => {
    expect(act360(100_000, 10_001, '2026-03-02', '2026-06-30')).toEqual({ ok: false, reason: 'rate' });
    expect(act360(100_000, 500, '2026-03-02', '2026-03-02')).toEqual({ ok: false, reason: 'matured' });
    expect(act360(100_000, 10_000, '2026-03-02', addDays('2026-03-02', 360))).toEqual({ ok: false, reason: 'noAdvance' });
  });
});

describe('dates', () => {
  it('counts days with no time zone drift and formats by locale', () => {
    expect(daysBetween('2025-01-10', '2025-07-10')).toBe(181);
    expect(formatDate('2025-07-10', 'en')).toBe('Jul 10, 2025');
    expect(formatDate('2025-07-10', 'zh-CN')).toBe('2025年7月10日');
  });
});
