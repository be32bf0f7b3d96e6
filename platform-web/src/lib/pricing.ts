import { daysBetween } from './dates';
import { toMinor, type MinorLike } from './money';

/**
 * The chaincode's financing price (DiscountTerms.act360), with the same exact arithmetic:
 *   days     = actual days from the value date to the maturity date
 *   discount = face x rateBps x days / (10 000 x 360), rounded half up to a whole minor unit
 *   advance  = face - discount
 * Computed here only as a preview while a banker types a rate; the ledger computes the real terms.
 */
export interface Terms {
  annualRateBps: number;
  days: number;
  discount: bigint;
  advance: bigint;
}

export type TermsResult = { ok: true; terms: Terms } | { ok: false; reason: 'rate' | 'matured' | 'noAdvance' };

const DENOMINATOR = 10_000n * 360n;

export function act360(face: MinorLike, annualRateBps: number, valueDate: string, maturityDate: string): TermsResult {
  if (!Number.isInteger(annualRateBps) || annualRateBps < 0 || annualRateBps > 10_000) return { ok: false, reason: 'rate' };
  const days = daysBetween(valueDate, maturityDate);
  if (days <= 0) return { ok: false, reason: 'matured' };
  const f = toMinor(face);
  const discount = (f * BigInt(annualRateBps) * BigInt(days) + DENOMINATOR / 2n) / DENOMINATOR;
  if (discount >= f) return { ok: false, reason: 'noAdvance' };
  return { ok: true, terms: { annualRateBps, days, discount, advance: f - discount } };
}

/** 385 bps -> "3.85%" (string math). */
export function formatBps(bps: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    // percent of a bps integer: exact for every integer 0..10000 as a decimal string
    `${Math.trunc(bps / 10000)}.${String(bps % 10000).padStart(4, '0')}` as unknown as number,
  );
}
