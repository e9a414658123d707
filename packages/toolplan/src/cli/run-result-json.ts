import { toErrorData, type ErrorData } from '../plan/index.js';
import type { RunResult } from '../runtime/index.js';

/** The `--json` form of a run (a contract: field names are fixed by issue #2). */
export interface RunResultJson {
  answer?: string;
  results: Record<string, unknown>;
  steps: Array<{
    id: string;
    tool: string;
    status: 'ok' | 'error' | 'skipped';
    startMs: number;
    endMs: number;
    error?: ErrorData;
  }>;
  wallMs: number;
}

export function toRunResultJson(result: RunResult): RunResultJson {
  const json: RunResultJson = {
    results: result.results,
    steps: result.steps.map((step) => ({
      id: step.id,
      tool: step.tool,
      status: step.status,
      startMs: round(step.startMs),
      endMs: round(step.endMs),
      ...(step.error === undefined ? {} : { error: toErrorData(step.error) }),
    })),
    wallMs: round(result.wallMs),
  };
  if (result.answer !== undefined) json.answer = result.answer;
  return json;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
