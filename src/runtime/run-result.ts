import type { Plan } from '../plan/index.js';

export type StepStatus = 'ok' | 'error' | 'skipped';

/** What happened to one step. Times are milliseconds since the run started. */
export interface StepRecord {
  id: string;
  tool: string;
  status: StepStatus;
  /** When the step's first call started (for a skipped step: when it was skipped). */
  startMs: number;
  endMs: number;
  /** The result (an array of results for a `forEach` step). Only when `status` is `ok`. */
  value?: unknown;
  /** Why the step failed or was skipped. */
  error?: Error;
  /** Calls made, retries included (0 when the result came from an identical call). */
  attempts: number;
  /** The step whose identical read-only call this one shared instead of calling again. */
  sharedWith?: string;
}

/** The outcome of executing a plan. A failed step is recorded here, not thrown. */
export interface RunResult {
  runId: string;
  /** `ok` when every step succeeded. */
  status: 'ok' | 'error';
  plan: Plan;
  /** The plan's answer template, filled in from the results, when it has one and it resolved. */
  answer?: string;
  /** Why the answer template could not be filled in. */
  answerError?: Error;
  /** The value of every step that succeeded, by id. */
  results: Record<string, unknown>;
  /** Every step, in plan order. */
  steps: StepRecord[];
  wallMs: number;
}

/** Observers see steps start and end as they happen. */
export type ExecutionEvent =
  | { type: 'step-start'; stepId: string; tool: string; atMs: number }
  | {
      type: 'step-end';
      stepId: string;
      tool: string;
      status: StepStatus;
      atMs: number;
      error?: Error;
    }
  | {
      type: 'step-retry';
      stepId: string;
      tool: string;
      attempt: number;
      delayMs: number;
      error: Error;
      atMs: number;
    };
