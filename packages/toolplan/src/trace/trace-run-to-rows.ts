import type { TraceRun } from './trace-record.js';
import type { TraceCallRow, TraceRunRow } from './trace-row-to-run.js';

/** A tool call's row as written: `TraceCallRow` with its run and place. */
export interface TraceCallWriteRow extends TraceCallRow {
  run_id: string;
  seq: number;
}

/**
 * A run as the SQL stores write it, the inverse of `traceRowToRun`: one row for `runs` (its plans
 * and speculation as JSON text) and one per step for `tool_calls`, the same for SQLite and
 * PostgreSQL.
 */
export function traceRunToRows(run: TraceRun): { run: TraceRunRow; calls: TraceCallWriteRow[] } {
  const plans = run.plan === undefined ? undefined : [run.plan, ...(run.replans ?? [])];
  return {
    run: {
      run_id: run.runId,
      strategy: run.strategy,
      query: run.query,
      started_at: run.startedAt,
      wall_ms: run.wallMs,
      status: run.status,
      answer: run.answer ?? null,
      error: run.error ?? null,
      plans_json: plans === undefined ? null : JSON.stringify(plans),
      llm_calls: run.usage?.llmCalls ?? null,
      input_tokens: run.usage?.inputTokens ?? null,
      cached_input_tokens: run.usage?.cachedInputTokens ?? null,
      output_tokens: run.usage?.outputTokens ?? null,
      speculation_json: run.speculation === undefined ? null : JSON.stringify(run.speculation),
    },
    calls: run.steps.map((step, seq) => ({
      run_id: run.runId,
      seq,
      step_id: step.stepId,
      tool: step.tool,
      args_json: step.args,
      status: step.status,
      start_ms: step.startMs,
      end_ms: step.endMs,
      attempts: step.attempts,
      result_summary: step.resultSummary ?? null,
      error: step.error ?? null,
    })),
  };
}
