import type { TraceRun, TraceSpeculation, TraceToolCall } from './trace-record.js';

/** A run as the SQL stores keep it: one row, its plans and speculation as JSON text. */
export interface TraceRunRow {
  run_id: string;
  strategy: string;
  query: string;
  started_at: string;
  wall_ms: number;
  status: TraceRun['status'];
  answer: string | null;
  error: string | null;
  plans_json: string | null;
  llm_calls: number | null;
  input_tokens: number | null;
  cached_input_tokens: number | null;
  output_tokens: number | null;
  speculation_json: string | null;
}

/** A tool call as the SQL stores keep it. */
export interface TraceCallRow {
  step_id: string;
  tool: string;
  args_json: string;
  status: TraceToolCall['status'];
  start_ms: number;
  end_ms: number;
  attempts: number;
  result_summary: string | null;
  error: string | null;
}

/** A stored run back as a `TraceRun`, the same from SQLite and PostgreSQL. */
export function traceRowToRun(row: TraceRunRow, calls: readonly TraceCallRow[]): TraceRun {
  const plans = row.plans_json === null ? [] : (JSON.parse(row.plans_json) as unknown[]);
  const [plan, ...replans] = plans;
  return {
    runId: row.run_id,
    strategy: row.strategy,
    query: row.query,
    startedAt: row.started_at,
    wallMs: row.wall_ms,
    status: row.status,
    ...(plans.length === 0 ? {} : { plan }),
    ...(replans.length === 0 ? {} : { replans }),
    ...(row.answer === null ? {} : { answer: row.answer }),
    ...(row.error === null ? {} : { error: row.error }),
    ...(row.llm_calls === null
      ? {}
      : {
          usage: {
            llmCalls: row.llm_calls,
            inputTokens: row.input_tokens ?? 0,
            cachedInputTokens: row.cached_input_tokens ?? 0,
            outputTokens: row.output_tokens ?? 0,
          },
        }),
    ...(row.speculation_json === null
      ? {}
      : { speculation: JSON.parse(row.speculation_json) as TraceSpeculation }),
    steps: calls.map(traceRowToCall),
  };
}

function traceRowToCall(row: TraceCallRow): TraceToolCall {
  return {
    stepId: row.step_id,
    tool: row.tool,
    args: row.args_json,
    status: row.status,
    startMs: row.start_ms,
    endMs: row.end_ms,
    attempts: row.attempts,
    ...(row.result_summary === null ? {} : { resultSummary: row.result_summary }),
    ...(row.error === null ? {} : { error: row.error }),
  };
}
