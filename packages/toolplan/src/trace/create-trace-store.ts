import type Database from 'better-sqlite3';
import { createPostgresTraceStore } from './create-postgres-trace-store.js';
import { createWriteQueue } from './create-write-queue.js';
import { groupSummaryRows, type SummaryRow } from './group-summary-rows.js';
import { summarizeTraces, type SummaryRun } from './summarize-traces.js';
import { openTraceDatabase } from './open-trace-database.js';
import type { TraceRun } from './trace-record.js';
import { traceRowToRun, type TraceCallRow, type TraceRunRow } from './trace-row-to-run.js';
import { traceRunToRows } from './trace-run-to-rows.js';
import { checkListRunsOptions, type ListRunsOptions, type TraceStore } from './trace-store.js';
import { TraceStoreError } from './trace-store-error.js';
import { resolveTraceStoreOptions, type TraceStoreOptions } from './trace-store-options.js';

type RunRow = TraceRunRow;
type CallRow = TraceCallRow & { run_id: string };

/**
 * The default trace store: a SQLite file in WAL mode (readers never block the writer, and a crash
 * loses no committed run), written in batches off the hot path. Several processes may write the
 * same file; each waits up to `busyTimeoutMs` for the lock. With `url`, the log is kept in
 * PostgreSQL instead (see `createPostgresTraceStore`), for processes on several machines.
 */
export function createTraceStore(options: TraceStoreOptions = {}): TraceStore {
  if (options.url !== undefined) {
    if (options.path !== undefined) {
      throw new TraceStoreError({
        message: 'Expected one of `path` (SQLite) and `url` (PostgreSQL), got both',
      });
    }
    const { path: _path, busyTimeoutMs: _busy, ...postgres } = options;
    return createPostgresTraceStore({ ...postgres, url: options.url });
  }
  const resolved = resolveTraceStoreOptions(options);
  const db = openTraceDatabase(resolved.path, resolved.busyTimeoutMs);
  const insertRun = db.prepare(`
    INSERT OR REPLACE INTO runs (run_id, strategy, query, started_at, wall_ms, status, answer, error,
      plans_json, llm_calls, input_tokens, cached_input_tokens, output_tokens, speculation_json)
    VALUES (@run_id, @strategy, @query, @started_at, @wall_ms, @status, @answer, @error,
      @plans_json, @llm_calls, @input_tokens, @cached_input_tokens, @output_tokens,
      @speculation_json)`);
  const deleteCalls = db.prepare('DELETE FROM tool_calls WHERE run_id = ?');
  const insertCall = db.prepare(`
    INSERT INTO tool_calls (run_id, seq, step_id, tool, args_json, status, start_ms, end_ms,
      attempts, result_summary, error)
    VALUES (@run_id, @seq, @step_id, @tool, @args_json, @status, @start_ms, @end_ms, @attempts,
      @result_summary, @error)`);
  const selectRun = db.prepare<[string], RunRow>('SELECT * FROM runs WHERE run_id = ?');
  const selectCalls = db.prepare<[string], CallRow>(
    'SELECT * FROM tool_calls WHERE run_id = ? ORDER BY seq',
  );

  // One transaction per batch: one fsync-free WAL commit instead of one per run.
  const writeBatch = db.transaction((runs: readonly TraceRun[]) => {
    for (const run of runs) {
      const rows = traceRunToRows(run);
      insertRun.run(rows.run);
      deleteCalls.run(run.runId);
      for (const call of rows.calls) insertCall.run(call);
    }
  });
  // IMMEDIATE takes the write lock up front, where `busy_timeout` waits for it; a deferred
  // transaction upgrading from read to write can fail at once with SQLITE_BUSY under WAL.
  const queue = createWriteQueue(resolved, (runs) => writeBatch.immediate(runs));

  const toRun = (row: RunRow): TraceRun => traceRowToRun(row, selectCalls.all(row.run_id));
  const ensureOpen = () => {
    if (queue.closed) throw new TraceStoreError({ message: 'The trace store is closed' });
  };

  return {
    record: (run) => queue.push(run),
    async flush() {
      ensureOpen();
      queue.flush();
    },
    async listRuns(listOptions: ListRunsOptions = {}) {
      ensureOpen();
      checkListRunsOptions(listOptions);
      const where: string[] = [];
      const params: Array<string | number> = [];
      if (listOptions.since !== undefined) {
        where.push('started_at >= ?');
        params.push(toIso(listOptions.since));
      }
      if (listOptions.strategy !== undefined) {
        where.push('strategy = ?');
        params.push(listOptions.strategy);
      }
      params.push(listOptions.limit ?? 20);
      const select = db.prepare<typeof params, RunRow>(
        `SELECT * FROM runs ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
         ORDER BY started_at DESC, rowid DESC LIMIT ?`,
      );
      // One read transaction, so runs and their calls come from the same snapshot.
      return db.transaction(() => select.all(...params).map(toRun))();
    },
    async getRun(runId) {
      ensureOpen();
      return db.transaction(() => {
        const row = selectRun.get(runId);
        return row === undefined ? undefined : toRun(row);
      })();
    },
    async summary(summaryOptions = {}) {
      ensureOpen();
      return db.transaction(() =>
        summarizeTraces(readSummaryRuns(db), summaryOptions.topSequences),
      )();
    },
    async close() {
      if (queue.closed) return;
      try {
        queue.close();
      } finally {
        db.close();
      }
    },
  };
}

function readSummaryRuns(db: Database.Database): Iterable<SummaryRun> {
  return groupSummaryRows(
    db
      .prepare<[], SummaryRow>(
        `SELECT r.run_id, r.strategy, r.status AS run_status, c.tool, c.status, c.start_ms, c.end_ms
         FROM runs r LEFT JOIN tool_calls c ON c.run_id = r.run_id
         ORDER BY r.run_id, c.seq`,
      )
      .iterate(),
  );
}

function toIso(since: string | Date): string {
  return typeof since === 'string' ? since : since.toISOString();
}
