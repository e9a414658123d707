import { createWriteQueue } from './create-write-queue.js';
import { summarizeTraces } from './summarize-traces.js';
import type { TraceRun } from './trace-record.js';
import { checkListRunsOptions, type ListRunsOptions, type TraceStore } from './trace-store.js';
import { TraceStoreError } from './trace-store-error.js';
import { resolveTraceQueueOptions, type TraceQueueOptions } from './trace-store-options.js';

/**
 * A `TraceStore` in memory with the same queueing as the SQLite one (reads see a run only after a
 * flush), for tests of the layers that record traces. Nothing survives the process.
 */
export function createMemoryTraceStore(options: TraceQueueOptions = {}): TraceStore {
  // Insertion order stands in for SQLite's rowid when two runs started at the same instant.
  const runs = new Map<string, { run: TraceRun; order: number }>();
  let order = 0;
  const queue = createWriteQueue(
    resolveTraceQueueOptions(options),
    (batch) => {
      // Checked first, so that a bad run fails the whole batch as the SQLite transaction does.
      for (const run of batch) checkStorable(run);
      for (const run of batch) {
        runs.delete(run.runId);
        // Copied, so that a caller mutating its object later does not rewrite history.
        runs.set(run.runId, { run: structuredClone(run), order: (order += 1) });
      }
    },
    // Memory does not outlive the process; no `exit` listener per store (tests open many).
    { flushOnExit: false },
  );
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
      const since =
        listOptions.since instanceof Date ? listOptions.since.toISOString() : listOptions.since;
      return [...runs.values()]
        .filter(
          ({ run }) =>
            (since === undefined || run.startedAt >= since) &&
            (listOptions.strategy === undefined || run.strategy === listOptions.strategy),
        )
        .sort(
          (a, b) =>
            (a.run.startedAt < b.run.startedAt ? 1 : a.run.startedAt > b.run.startedAt ? -1 : 0) ||
            b.order - a.order,
        )
        .slice(0, listOptions.limit ?? 20)
        .map(({ run }) => structuredClone(run));
    },
    async getRun(runId) {
      ensureOpen();
      const entry = runs.get(runId);
      return entry === undefined ? undefined : structuredClone(entry.run);
    },
    async summary(summaryOptions = {}) {
      ensureOpen();
      return summarizeTraces(
        [...runs.values()].map(({ run }) => run),
        summaryOptions.topSequences,
      );
    },
    async close() {
      queue.close();
    },
  };
}

// What the SQLite schema's NOT NULL columns refuse, refused here too: a test double that took any
// object would let a layer pass its tests and then lose its traces in production.
function checkStorable(run: TraceRun): void {
  const missing: string[] = (['runId', 'strategy', 'query', 'startedAt', 'status'] as const).filter(
    (key) => typeof run[key] !== 'string',
  );
  if (typeof run.wallMs !== 'number') missing.push('wallMs');
  if (!Array.isArray(run.steps)) throw new Error(`run \`${String(run.runId)}\` has no steps array`);
  run.steps.forEach((step, index) => {
    for (const key of ['stepId', 'tool', 'args', 'status'] as const) {
      if (typeof step[key] !== 'string') missing.push(`steps[${index}].${key}`);
    }
    for (const key of ['startMs', 'endMs', 'attempts'] as const) {
      if (typeof step[key] !== 'number') missing.push(`steps[${index}].${key}`);
    }
  });
  if (missing.length > 0) {
    throw new Error(`run \`${String(run.runId)}\` lacks ${missing.join(', ')}`);
  }
}
