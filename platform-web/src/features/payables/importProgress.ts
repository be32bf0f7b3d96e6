import type { ImportJob } from '../../api/types';

/** What the import page shows of a job: rows done of all, how many failed, and the pace once it is measurable. */
export interface ImportFigures {
  total: number;
  processed: number;
  percent: number;
  failed: number;
  /** Rows processed per second since the job started; undefined until a second has passed and a row is done. */
  rowsPerSecond?: number;
}

/**
 * The job's figures at `now`. The API registers rows a batch (one ledger transaction) at a time, so `processed` moves
 * in steps; the pace is over the whole run, which keeps the number steady between batches.
 */
export function importFigures(job: ImportJob | undefined, fallbackTotal: number, now: number = Date.now()): ImportFigures {
  const total = job?.totalRows ?? fallbackTotal;
  const processed = job ? (job.totalRows ?? 0) - (job.pending ?? 0) : 0;
  const failed = job ? (job.failed ?? 0) + (job.invalid ?? 0) : 0;
  const percent = total ? Math.floor((processed * 100) / total) : 0;
  const started = job?.startedAt ? Date.parse(job.startedAt) : NaN;
  const until = job?.finishedAt ? Date.parse(job.finishedAt) : now;
  const seconds = (until - started) / 1000;
  const rowsPerSecond = Number.isFinite(seconds) && seconds >= 1 && processed > 0 ? Math.round(processed / seconds) : undefined;
  return { total, processed, percent, failed, rowsPerSecond };
}
