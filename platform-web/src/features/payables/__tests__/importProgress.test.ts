import { describe, expect, it } from 'vitest';
import type { ImportJob } from '../../../api/types';
import { importFigures } from '../importProgress';

const job = (over: Partial<ImportJob>): ImportJob =>
  ({ jobId: 'j1', enterpriseId: 'CORE1', status: 'RUNNING', totalRows: 10_000, pending: 10_000, registered: 0,
    alreadyRegistered: 0, invalid: 0, failed: 0, createdAt: '2026-12-01T06:00:00Z', startedAt: '2026-12-01T06:00:00Z', ...over }) as ImportJob;

describe('importFigures', () => {
  it('counts the rows the batches have processed and the invalid and failed ones', () => {
    const figures = importFigures(job({ pending: 7_500, registered: 2_400, invalid: 60, failed: 40 }), 0, Date.parse('2026-12-01T06:00:50Z'));

    expect(figures).toEqual({ total: 10_000, processed: 2_500, percent: 25, failed: 100, rowsPerSecond: 50 });
  });

  it('keeps the pace of a finished job at its finish, not at the time the page reads it', () => {
    const done = job({ status: 'COMPLETED', pending: 0, registered: 10_000, finishedAt: '2026-12-01T06:02:05Z' });

    expect(importFigures(done, 0, Date.parse('2026-12-01T07:00:00Z'))).toMatchObject({ percent: 100, rowsPerSecond: 80 });
  });

  it('shows the file\'s row count and no pace before the job exists or has started', () => {
    expect(importFigures(undefined, 42)).toEqual({ total: 42, processed: 0, percent: 0, failed: 0, rowsPerSecond: undefined });
    expect(importFigures(job({ startedAt: undefined }), 0).rowsPerSecond).toBeUndefined();
  });
});
