import { writeSync } from 'node:fs';
import { loadOptionalPackage } from '../tools/load-optional-package.js';
import { createAsyncWriteQueue } from './create-async-write-queue.js';
import { isConnectionError } from './is-connection-error.js';
import { withPostgresClient, type PostgresModule, type PostgresPool } from './postgres-client.js';
import { migratePostgresTraceSchema, quotePostgresSchema } from './postgres-trace-migrations.js';
import { groupSummaryRows, type SummaryRow } from './group-summary-rows.js';
import { createTraceSummary } from './summarize-traces.js';
import type { TraceRun } from './trace-record.js';
import { traceRowToRun, type TraceCallRow, type TraceRunRow } from './trace-row-to-run.js';
import { traceRunToRows, type TraceCallWriteRow } from './trace-run-to-rows.js';
import { checkListRunsOptions, type ListRunsOptions, type TraceStore } from './trace-store.js';
import { TraceStoreError } from './trace-store-error.js';
import { resolveTraceQueueOptions, type TraceQueueOptions } from './trace-store-options.js';
import {
  isPostgresUrl,
  redactTraceTarget as redact,
  splitPostgresSchema,
} from './trace-store-target.js';

export interface PostgresTraceStoreOptions extends TraceQueueOptions {
  /**
   * The database: `postgres://user:password@host:5432/database` (or `postgresql://`); a
   * `?schema=` parameter names the schema, as `schema` does.
   */
  url: string;
  /**
   * The schema that holds the trace tables; created, with its tables, on first use.
   * @default the URL's `?schema=`, else 'toolplan'
   */
  schema?: string;
  /**
   * Most runs held in memory waiting for the database (queued, and the batch being written); past
   * it new runs are dropped and reported to `onError`, so that a database away for long never
   * grows memory without bound.
   * @default 10000
   */
  maxPending?: number;
  /**
   * Most connections the store opens (writes take one at a time; reads may take the rest).
   * @default 4
   */
  maxConnections?: number;
  /**
   * Signals on which the store writes what it holds and closes before the process ends. When no
   * other listener is left for the signal, the store raises it again once closed, so the process
   * ends as it would have; a program with its own handler decides itself (and should
   * `await store.close()` in it). `[]` leaves signals alone.
   * @default ['SIGTERM']
   */
  closeOnSignals?: readonly NodeJS.Signals[];
}

type RunRow = TraceRunRow & { calls: TraceCallRow[] };

const RUN_COLUMNS: ReadonlyArray<readonly [keyof TraceRunRow, string]> = [
  ['run_id', 'text'],
  ['strategy', 'text'],
  ['query', 'text'],
  ['started_at', 'text'],
  ['wall_ms', 'float8'],
  ['status', 'text'],
  ['answer', 'text'],
  ['error', 'text'],
  ['plans_json', 'text'],
  ['llm_calls', 'float8'],
  ['input_tokens', 'float8'],
  ['cached_input_tokens', 'float8'],
  ['output_tokens', 'float8'],
  ['speculation_json', 'text'],
] as const;

const CALL_COLUMNS: ReadonlyArray<readonly [keyof TraceCallWriteRow, string]> = [
  ['run_id', 'text'],
  ['seq', 'int4'],
  ['step_id', 'text'],
  ['tool', 'text'],
  ['args_json', 'text'],
  ['status', 'text'],
  ['start_ms', 'float8'],
  ['end_ms', 'float8'],
  ['attempts', 'float8'],
  ['result_summary', 'text'],
  ['error', 'text'],
] as const;

/** How long the one retry of a batch waits, so that a restarting server has a moment. */
const RETRY_DELAY_MS = 250;

/**
 * A trace store on PostgreSQL, for a fleet of processes that share one log. Same contract as the
 * SQLite store: `record` only queues; batches are written one transaction each (a multi-row
 * upsert), off the answer's path. `pg` is loaded, the pool opened and the schema migrated on the
 * first write or read, so this returns at once and never needs `pg` until then.
 *
 * A batch that fails on a lost connection is retried once on a fresh one, then dropped and
 * reported to `onError` with its count. A process that exits with runs unwritten says so on
 * `onError` (or stderr); the event loop running dry and SIGTERM (see `closeOnSignals`) flush
 * first, but `process.exit()` does not wait for the network: `await store.close()` before it.
 * A process killed outright (SIGKILL) loses what was not yet written: at most `maxPending` runs,
 * in practice the last `flushIntervalMs` of them.
 */
export function createPostgresTraceStore(options: PostgresTraceStoreOptions): TraceStore {
  const { url } = options;
  if (typeof url !== 'string' || !isPostgresUrl(url)) {
    throw new TraceStoreError({
      message: `Expected \`url\` to be a postgres:// or postgresql:// URL, got \`${redact(String(url))}\``,
    });
  }
  const split = splitPostgresSchema(url);
  if (
    options.schema !== undefined &&
    split.schema !== undefined &&
    options.schema !== split.schema
  ) {
    throw new TraceStoreError({
      message: `Expected one schema, got \`${options.schema}\` in \`schema\` and \`${split.schema}\` in the URL`,
    });
  }
  const schemaName = options.schema ?? split.schema ?? 'toolplan';
  const schema = quotePostgresSchema(schemaName);
  const maxPending = positiveInteger('maxPending', options.maxPending ?? 10_000);
  const maxConnections = positiveInteger('maxConnections', options.maxConnections ?? 4);
  const resolved = resolveTraceQueueOptions(options);
  const where = `the PostgreSQL trace store at \`${redact(url)}\``;

  const closeOnSignals = options.closeOnSignals ?? ['SIGTERM'];
  if (
    !Array.isArray(closeOnSignals) ||
    closeOnSignals.some((name) => !/^SIG[A-Z0-9]+$/.test(name))
  ) {
    throw new TraceStoreError({
      message: `Expected \`closeOnSignals\` to be an array of signal names, got \`${String(closeOnSignals)}\``,
    });
  }
  let opening: Promise<PostgresPool> | undefined;
  let closing: Promise<void> | undefined;
  const open = () => {
    opening ??= (async () => {
      const pg = await loadOptionalPackage<PostgresModule & { default?: PostgresModule }>({
        name: 'pg',
        neededBy: 'A PostgreSQL trace store',
        remedy: 'Install it with `npm install pg`, or give the store a SQLite path.',
      });
      const { Pool } = pg.default ?? pg;
      // allowExitOnIdle: an idle pool must not keep a finished program alive.
      const pool = new Pool({
        connectionString: split.url,
        max: maxConnections,
        allowExitOnIdle: true,
        connectionTimeoutMillis: 10_000,
        application_name: 'toolplan-traces',
      });
      // An idle connection lost is no run lost: the pool drops it and opens another when needed.
      pool.on('error', () => undefined);
      try {
        await migratePostgresTraceSchema(pool, schemaName);
      } catch (error) {
        await pool.end().catch(() => undefined);
        throw error;
      }
      return pool;
    })();
    // A database down at start is tried again on the next write or read.
    opening.catch(() => (opening = undefined));
    return opening;
  };
  const openOrThrow = async () => {
    try {
      return await open();
    } catch (cause) {
      if (cause instanceof TraceStoreError) throw cause;
      throw new TraceStoreError({
        message: `Cannot open ${where}: ${(cause as Error).message}`,
        cause,
      });
    }
  };

  const writeBatch = async (batch: readonly TraceRun[]) => {
    const { runs, calls } = toColumns(batch);
    const attempt = async () =>
      withPostgresClient(
        await open(),
        async (client) => {
          await client.query('BEGIN');
          try {
            await client.query(upsertRuns, runs);
            await client.query(`DELETE FROM ${schema}.tool_calls WHERE run_id = ANY($1::text[])`, [
              runs[0],
            ]);
            if ((calls[0] as unknown[]).length > 0) await client.query(insertCalls, calls);
            await client.query('COMMIT');
          } catch (error) {
            await client.query('ROLLBACK').catch(() => undefined);
            throw error;
          }
        },
        isConnectionError,
      );
    try {
      await attempt();
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
      await attempt();
    }
  };
  const upsertRuns = `
    INSERT INTO ${schema}.runs (${RUN_COLUMNS.map(([name]) => name).join(', ')})
    SELECT * FROM unnest(${RUN_COLUMNS.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ')})
    ON CONFLICT (run_id) DO UPDATE SET
      ${RUN_COLUMNS.slice(1)
        .map(([name]) => `${name} = EXCLUDED.${name}`)
        .join(', ')},
      seq = EXCLUDED.seq`;
  const insertCalls = `
    INSERT INTO ${schema}.tool_calls (${CALL_COLUMNS.map(([name]) => name).join(', ')})
    SELECT * FROM unnest(${CALL_COLUMNS.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ')})`;

  const queue = createAsyncWriteQueue({ ...resolved, maxPending }, writeBatch);

  // The loop running dry with runs queued (timers are unref'd): write them, which keeps the
  // process up until they are in. An `exit` that comes with runs unwritten can only say so.
  const onBeforeExit = () => {
    if (queue.pending > 0)
      queue.flush().catch((error: unknown) => resolved.onError(error as TraceStoreError));
  };
  const onExit = () => {
    const lost = queue.pending;
    if (lost === 0) return;
    const error = new TraceStoreError({
      message: `${lost} trace run${lost === 1 ? ' was' : 's were'} not written to ${where}: the process exited first (await store.close() before exiting)`,
    });
    // A warning emitted now would never print: the process is going.
    if (options.onError === undefined) writeSync(2, `Warning: ${error.message}\n`);
    else options.onError(error);
  };
  process.on('beforeExit', onBeforeExit);
  process.on('exit', onExit);
  const onSignal = (signal: NodeJS.Signals) => {
    store
      .close()
      .catch((error: unknown) => resolved.onError(error as TraceStoreError))
      .finally(() => {
        // The last listener gone, Node's default for the signal (ending the process) applies.
        if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
      });
  };
  for (const signal of closeOnSignals) process.on(signal, onSignal);

  const ensureOpen = () => {
    if (queue.closed) throw new TraceStoreError({ message: 'The trace store is closed' });
  };
  const read = async <Row>(text: string, values: readonly unknown[]) => {
    const pool = await openOrThrow();
    try {
      return (await pool.query<Row>(text, values)).rows;
    } catch (cause) {
      throw new TraceStoreError({
        message: `Cannot read ${where}: ${(cause as Error).message}`,
        cause,
      });
    }
  };
  // One statement per read: the runs and their calls come from one snapshot.
  const selectRuns = (condition: string, tail: string) => `
    SELECT r.run_id, r.strategy, r.query, r.started_at, r.wall_ms, r.status, r.answer, r.error,
      r.plans_json, r.llm_calls, r.input_tokens, r.cached_input_tokens, r.output_tokens,
      r.speculation_json,
      COALESCE((SELECT json_agg(c ORDER BY c.seq) FROM ${schema}.tool_calls c
        WHERE c.run_id = r.run_id), '[]'::json) AS calls
    FROM ${schema}.runs r ${condition} ${tail}`;

  const store: TraceStore = {
    record: (run) => queue.push(run),
    async flush() {
      ensureOpen();
      await queue.flush();
    },
    async listRuns(listOptions: ListRunsOptions = {}) {
      ensureOpen();
      checkListRunsOptions(listOptions);
      const conditions: string[] = [];
      const values: unknown[] = [];
      if (listOptions.since !== undefined) {
        values.push(new Date(listOptions.since).toISOString());
        conditions.push(`r.started_at >= $${values.length}`);
      }
      if (listOptions.strategy !== undefined) {
        values.push(listOptions.strategy);
        conditions.push(`r.strategy = $${values.length}`);
      }
      values.push(listOptions.limit ?? 20);
      const rows = await read<RunRow>(
        selectRuns(
          conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`,
          `ORDER BY r.started_at DESC, r.seq DESC LIMIT $${values.length}`,
        ),
        values,
      );
      return rows.map(toRun);
    },
    async getRun(runId) {
      ensureOpen();
      const [row] = await read<RunRow>(selectRuns('WHERE r.run_id = $1', ''), [runId]);
      return row === undefined ? undefined : toRun(row);
    },
    async summary(summaryOptions = {}) {
      ensureOpen();
      // Page by page (keyset on the run id), so that a log of millions of runs is summarised
      // in bounded memory rather than read whole.
      const summary = createTraceSummary();
      let after = '';
      for (;;) {
        const rows = await read<SummaryRow>(
          `WITH page AS (
             SELECT run_id, strategy, status FROM ${schema}.runs
             WHERE run_id COLLATE "C" > $1 ORDER BY run_id COLLATE "C" LIMIT $2)
           SELECT p.run_id, p.strategy, p.status AS run_status, c.tool, c.status, c.start_ms,
             c.end_ms
           FROM page p LEFT JOIN ${schema}.tool_calls c ON c.run_id = p.run_id
           ORDER BY p.run_id COLLATE "C", c.seq`,
          [after, SUMMARY_PAGE_RUNS],
        );
        const runs = [...groupSummaryRows(rows)];
        for (const run of runs) summary.add(run);
        const last = runs.at(-1);
        if (last === undefined || runs.length < SUMMARY_PAGE_RUNS) break;
        after = last.id;
      }
      return summary.result(summaryOptions.topSequences);
    },
    close() {
      // One closing for every caller (a signal may arrive while the program closes the store).
      closing ??= (async () => {
        try {
          await queue.close();
        } finally {
          process.off('beforeExit', onBeforeExit);
          process.off('exit', onExit);
          const pool = await opening?.catch(() => undefined);
          opening = undefined;
          await pool?.end();
          for (const signal of closeOnSignals) process.off(signal, onSignal);
        }
      })();
      return closing;
    },
  };
  return store;
}

/** A batch as one array per column (for `unnest`): one statement whatever the batch's size. */
function toColumns(batch: readonly TraceRun[]): { runs: unknown[][]; calls: unknown[][] } {
  // The last record of a run wins, as in SQLite; an upsert may not touch one row twice.
  const last = new Map<string, TraceRun>();
  for (const run of batch) {
    last.delete(run.runId);
    last.set(run.runId, run);
  }
  const runs: unknown[][] = RUN_COLUMNS.map(() => []);
  const calls: unknown[][] = CALL_COLUMNS.map(() => []);
  for (const run of last.values()) {
    // The run's own columns are checked first, as a record without steps would be.
    const rows = traceRunToRows(Array.isArray(run.steps) ? run : { ...run, steps: [] });
    const row = RUN_COLUMNS.map(([name]) => rows.run[name]);
    checkRow(run.runId, RUN_COLUMNS, row);
    row.forEach((value, index) => (runs[index] as unknown[]).push(value));
    if (!Array.isArray(run.steps)) {
      throw new Error(`run \`${String(run.runId)}\` has no steps array`);
    }
    for (const call of rows.calls) {
      const callRow = CALL_COLUMNS.map(([name]) => call[name]);
      checkRow(`${run.runId}, step ${call.seq}`, CALL_COLUMNS, callRow);
      callRow.forEach((value, index) => (calls[index] as unknown[]).push(value));
    }
  }
  return { runs, calls };
}

// Checked here, where the message can name the run: in an array, a wrong type would fail the
// whole statement with a message about the array.
const NULLABLE = new Set([
  'answer',
  'error',
  'plans_json',
  'llm_calls',
  'input_tokens',
  'cached_input_tokens',
  'output_tokens',
  'speculation_json',
  'result_summary',
]);
function checkRow(
  label: string,
  columns: ReadonlyArray<readonly [string, string]>,
  row: readonly unknown[],
): void {
  columns.forEach(([name, type], index) => {
    const value = row[index];
    if (value === null && NULLABLE.has(name)) return;
    const ok = type === 'text' ? typeof value === 'string' : typeof value === 'number';
    if (!ok)
      throw new Error(`run \`${label}\` has no valid \`${name}\` (got \`${String(value)}\`)`);
  });
}

function toRun(row: RunRow): TraceRun {
  return traceRowToRun(row, row.calls);
}

/** Runs a page of the summary reads at most (with their calls). */
const SUMMARY_PAGE_RUNS = 2_000;

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new TraceStoreError({
      message: `Expected \`${name}\` to be a positive integer, got \`${String(value)}\``,
    });
  }
  return value;
}
