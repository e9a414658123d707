import { TraceStoreError } from './trace-store-error.js';

/** Where `toolplan traces` and `createTraceStore` look when no path is given (relative to cwd). */
export const DEFAULT_TRACE_DB_PATH = '.toolplan/traces.sqlite';

/** How queued runs are written; shared by every `TraceStore`. */
export interface TraceQueueOptions {
  /**
   * Longest time a recorded run waits in memory before it is written (the timer does not keep the
   * process alive; the queue is also flushed when the process exits).
   * @default 50
   */
  flushIntervalMs?: number;
  /**
   * Queued runs that trigger a write at once (on the next turn of the event loop, not inside
   * `record`).
   * @default 256
   */
  maxQueue?: number;
  /**
   * Hears of a background write that failed; its runs are dropped (traces are diagnostics and must
   * never take the run down or grow memory without bound).
   * @default emits a process warning
   */
  onError?: (error: TraceStoreError) => void;
  /** Hears of every write: how many runs, how long it took. For tests and monitoring. */
  onFlush?: (info: { runs: number; durationMs: number }) => void;
}

export interface TraceStoreOptions extends TraceQueueOptions {
  /**
   * The SQLite file; it and its folder are created on first use. Not with `url`.
   * @default '.toolplan/traces.sqlite'
   */
  path?: string;
  /**
   * SQLite: how long a write waits for another process's write lock before failing.
   * @default 5000
   */
  busyTimeoutMs?: number;
  /**
   * A PostgreSQL database (`postgres://…` or `postgresql://…`) to keep the log in instead of a
   * SQLite file, shared by every process that points at it. Needs the package `pg`. Not with
   * `path`.
   * @default none (SQLite at `path`)
   */
  url?: string;
  /**
   * PostgreSQL: the schema that holds the trace tables, created on first use.
   * @default the URL's `?schema=`, else 'toolplan'
   */
  schema?: string;
  /**
   * PostgreSQL: most runs held in memory waiting for the database; past it new runs are dropped
   * and reported to `onError`.
   * @default 10000
   */
  maxPending?: number;
  /**
   * PostgreSQL: most connections the store opens.
   * @default 4
   */
  maxConnections?: number;
  /**
   * PostgreSQL: signals on which the store writes what it holds and closes (raising the signal
   * again when no other listener is left, so the process still ends).
   * @default ['SIGTERM']
   */
  closeOnSignals?: readonly NodeJS.Signals[];
}

export interface ResolvedTraceStoreOptions {
  path: string;
  flushIntervalMs: number;
  maxQueue: number;
  busyTimeoutMs: number;
  onError: (error: TraceStoreError) => void;
  onFlush: ((info: { runs: number; durationMs: number }) => void) | undefined;
}

/** Fills in defaults and rejects bad values before anything is opened. */
export function resolveTraceStoreOptions(
  options: TraceStoreOptions = {},
): ResolvedTraceStoreOptions {
  const path = options.path ?? DEFAULT_TRACE_DB_PATH;
  if (typeof path !== 'string' || path.length === 0) {
    throw new TraceStoreError({
      message: `Expected \`path\` to be a non-empty string, got \`${String(path)}\``,
    });
  }
  return {
    path,
    flushIntervalMs: positive('flushIntervalMs', options.flushIntervalMs ?? 50),
    maxQueue: positiveInteger('maxQueue', options.maxQueue ?? 256),
    busyTimeoutMs: nonNegativeInteger('busyTimeoutMs', options.busyTimeoutMs ?? 5000),
    onError: options.onError ?? defaultOnError,
    onFlush: options.onFlush,
  };
}

export function resolveTraceQueueOptions(
  options: TraceQueueOptions = {},
): Omit<ResolvedTraceStoreOptions, 'path' | 'busyTimeoutMs'> {
  const { path: _path, busyTimeoutMs: _busy, ...rest } = resolveTraceStoreOptions(options);
  return rest;
}

function defaultOnError(error: TraceStoreError): void {
  process.emitWarning(error);
}

function positive(name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new TraceStoreError({
      message: `Expected \`${name}\` to be a positive number, got \`${String(value)}\``,
    });
  }
  return value;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new TraceStoreError({
      message: `Expected \`${name}\` to be a positive integer, got \`${String(value)}\``,
    });
  }
  return value;
}

function nonNegativeInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new TraceStoreError({
      message: `Expected \`${name}\` to be a non-negative integer, got \`${String(value)}\``,
    });
  }
  return value;
}
