import type { TraceRun } from './trace-record.js';
import { TraceStoreError } from './trace-store-error.js';
import type { TraceSummary } from './summarize-traces.js';

export interface ListRunsOptions {
  /**
   * Most runs returned, newest first.
   * @default 20
   */
  limit?: number;
  /** Only runs started at or after this time (ISO 8601 or a Date). */
  since?: string | Date;
  /** Only runs of this strategy. */
  strategy?: string;
}

/**
 * Where traces go. `record` is on the hot path of every run, so it only queues (no I/O); the
 * store writes queued runs in batches later, and reads see only what was written.
 */
export interface TraceStore {
  /** Queues a run to be written. O(1), never throws for I/O reasons, never waits. */
  record(run: TraceRun): void;
  /**
   * Writes every queued run now, in one transaction. Rejects with a `TraceStoreError` when the
   * write fails; that batch is dropped.
   */
  flush(): Promise<void>;
  listRuns(options?: ListRunsOptions): Promise<TraceRun[]>;
  getRun(runId: string): Promise<TraceRun | undefined>;
  summary(options?: { topSequences?: number }): Promise<TraceSummary>;
  /** Flushes and releases the store; further `record` calls throw. */
  close(): Promise<void>;
}

/** Checks `listRuns` options the same way in every store (SQLite reads `LIMIT -1` as no limit). */
export function checkListRunsOptions(options: ListRunsOptions): void {
  const { limit, since } = options;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw new TraceStoreError({
      message: `Expected \`limit\` to be a positive integer, got \`${String(limit)}\``,
    });
  }
  if (since !== undefined && Number.isNaN(new Date(since).getTime())) {
    throw new TraceStoreError({
      message: `Expected \`since\` to be a date or an ISO 8601 time, got \`${String(since)}\``,
    });
  }
}
