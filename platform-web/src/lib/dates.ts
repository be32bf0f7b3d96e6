/** Dates from the API are ISO calendar dates ("2025-07-10", no zone) or instants ("2025-07-10T08:00:00Z"). */

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number (days since 1970-01-01) of an ISO calendar date, with integer math and no time zone. */
export function epochDay(isoDate: string): number {
  const m = DATE_ONLY.exec(isoDate);
  if (!m) throw new RangeError(`not an ISO date: ${isoDate}`);
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000);
}

/**
 * Today as an ISO calendar date in an IANA time zone: todayIn('Asia/Shanghai', 2026-12-01T22:30Z) is "2026-12-02".
 * The business day is todayIn(the ledger's business zone) (useBusinessDay in api/settings), never the browser's day.
 */
export function todayIn(zone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

export function addDays(isoDate: string, days: number): string {
  return new Date((epochDay(isoDate) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** Actual days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/** "2025-07-10" -> "Jul 10, 2025" (en) / "2025年7月10日" (zh-CN); an instant also gets its local time. */
export function formatDate(value: string | null | undefined, locale: string, withTime = false): string {
  if (!value) return '';
  if (DATE_ONLY.test(value)) {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(epochDay(value) * 86_400_000));
  }
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(locale, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(d);
}

export function formatDateTime(value: string | null | undefined, locale: string): string {
  return formatDate(value, locale, true);
}

/** "2025-07" for an ISO date: the month bucket of a maturity ladder. */
export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

export function formatMonth(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}
