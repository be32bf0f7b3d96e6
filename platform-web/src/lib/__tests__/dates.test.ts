import { describe, expect, it } from 'vitest';
import { todayIn } from '../dates';

describe('todayIn', () => {
  it('is the calendar date in the zone, not in UTC nor in the browser', () => {
    const lateEveningUtc = new Date('2026-12-01T22:30:00Z');
    expect(todayIn('Asia/Shanghai', lateEveningUtc)).toBe('2026-12-02');
    expect(todayIn('UTC', lateEveningUtc)).toBe('2026-12-01');
    expect(todayIn('America/New_York', lateEveningUtc)).toBe('2026-12-01');
  });

  it('turns at local midnight', () => {
    expect(todayIn('Asia/Shanghai', new Date('2026-12-01T15:59:59Z'))).toBe('2026-12-01');
    expect(todayIn('Asia/Shanghai', new Date('2026-12-01T16:00:00Z'))).toBe('2026-12-02');
    expect(todayIn('Pacific/Kiritimati', new Date('2026-12-31T10:00:00Z'))).toBe('2027-01-01');
  });

  it('refuses what is not a time zone', () => {
    expect(() => todayIn('Mars/Olympus')).toThrow(RangeError);
  });
});
