import { monthOf } from './dates';
import { toMinor, type MinorLike } from './money';

/** Sums amounts (exactly, BigInt) by a key, per currency; keys sorted. */
export function sumBy<T>(items: T[], key: (x: T) => string, amount: (x: T) => MinorLike | undefined) {
  const m = new Map<string, bigint>();
  for (const x of items) {
    const k = key(x);
    m.set(k, (m.get(k) ?? 0n) + toMinor(amount(x) ?? 0));
  }
  return [...m.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, total]) => ({ key: k, total }));
}

/** Maturity ladder: totals by month of maturity. */
export function byMaturityMonth<T extends { maturityDate?: string }>(items: T[], amount: (x: T) => MinorLike | undefined) {
  return sumBy(items, (x) => (x.maturityDate ? monthOf(x.maturityDate) : ''), amount);
}
