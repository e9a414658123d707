import type { ValueSource } from '../tools/index.js';
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
  /**
   * Where the result came from (only when `status` is `ok`): its tool, and every source of the
   * arguments it was called with (DESIGN.md, "Trust").
   */
  sources?: readonly ValueSource[];
  /** Why the step failed or was skipped. */
  error?: Error;
  /**
   * Calls made, retries included (0 when the result came from an identical call or the cache). A
   * batch request counts once for each of the step's calls it carried.
   */
  attempts: number;
  /**
   * The step whose identical read-only call this one shared instead of calling again (a step of
   * another run, `sharedRunId`, when the call was shared across plans).
   */
  sharedWith?: string;
  /** The run whose call this step shared, when it was another run's (cross-plan single flight). */
  sharedRunId?: string;
  /** The batches (`RunResult.batches`) its calls rode in, in the order they started. */
  batchIds?: string[];
  /** Every one of its results came from the result cache (no call was made). */
  cached?: true;
  /** How many of its calls were served from the result cache (several for a `forEach` step). */
  cacheHits?: number;
  /** Some of its calls were served by speculative calls made before the plan arrived (issue #9). */
  speculated?: true;
}

/** One `batch` call: several ready calls of a batch tool that went out as one request. */
export interface BatchRecord {
  id: string;
  tool: string;
  /** The calls it carried, in input order (`index` for a `forEach` item). */
  calls: Array<{ stepId: string; index?: number }>;
  /** The steps that shared it, each once, in input order. */
  stepIds: string[];
  startMs: number;
  endMs: number;
  /** Requests made for it, retries included. */
  attempts: number;
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
  /** The batch calls made, when the run made any. */
  batches?: BatchRecord[];
  wallMs: number;
}

/** Observers see steps start and end as they happen. */
export type ExecutionEvent =
  | {
      type: 'step-start';
      stepId: string;
      tool: string;
      atMs: number;
      /** The batch its first call rode in. */
      batchId?: string;
    }
  | {
      type: 'step-end';
      stepId: string;
      tool: string;
      status: StepStatus;
      atMs: number;
      /** The result (an array of results for a `forEach` step), when `status` is `ok`. */
      value?: unknown;
      error?: Error;
      /** The batch whose result completed the step. */
      batchId?: string;
      /** Its result came from the result cache. */
      cached?: true;
    }
  | {
      type: 'step-retry';
      stepId: string;
      tool: string;
      attempt: number;
      delayMs: number;
      error: Error;
      atMs: number;
      /** The batch being retried, when the call was one of a batch. */
      batchId?: string;
    };
