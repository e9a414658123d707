import type { SummaryRun } from './summarize-traces.js';

/** A row of the summary's query: a run joined with one of its calls (none: nulls), by run then call. */
export interface SummaryRow {
  run_id: string;
  strategy: string;
  run_status: string;
  tool: string | null;
  status: string | null;
  start_ms: number | null;
  end_ms: number | null;
}

/**
 * The runs of the summary's rows, one at a time (rows of one run are consecutive): what the
 * SQLite store iterates and the PostgreSQL store reads a page of.
 */
export function* groupSummaryRows(
  rows: Iterable<SummaryRow>,
): Generator<SummaryRun & { id: string }> {
  let current: (SummaryRun & { id: string; steps: SummaryRun['steps'][number][] }) | undefined;
  for (const row of rows) {
    if (current?.id !== row.run_id) {
      if (current !== undefined) yield current;
      current = { id: row.run_id, strategy: row.strategy, status: row.run_status, steps: [] };
    }
    if (row.tool !== null) {
      current.steps.push({
        tool: row.tool,
        status: row.status ?? 'ok',
        startMs: row.start_ms ?? 0,
        endMs: row.end_ms ?? 0,
      });
    }
  }
  if (current !== undefined) yield current;
}
