import { amountOf } from '../api/models';
import { toMinor } from './money';
import { monthOf } from './dates';

/** Sums amounts (exactly, BigInt) by a key, per currency; keys sorted. */
export function sumBy<T>(items: T[], key: (x: T) => string, amount: (x: T) => number | string | bigint = (x) => amountOf(x as never)) {
  const m = new Map<string, bigint>();
  for (const x of items) {
    const k = key(x);
    m.set(k, (m.get(k) ?? 0n) + toMinor(amount(x)));
  }
  return [...m.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, total]) => ({ key: k, total }));
}

/** Maturity ladder: totals by month of maturity. */
export function byMaturityMonth<T extends { maturityDate: string }>(items: T[], amount?: (x: T) => number | string | bigint) {
  return sumBy(items, (x) => monthOf(x.maturityDate), amount);
}
