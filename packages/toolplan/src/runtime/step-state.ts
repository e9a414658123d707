import type { ValidatedStep } from '../plan/index.js';
import type { Tool } from '../tools/index.js';

/** Where a step is in its life; `PlanRun` (plan-run.ts) documents and drives the transitions. */
export type StepPhase = 'waiting' | 'queued' | 'running' | 'ok' | 'error' | 'skipped';

export const TERMINAL_PHASES: ReadonlySet<StepPhase> = new Set(['ok', 'error', 'skipped']);

/**
 * One step of a run, mutable so that the scheduler's hot path allocates nothing per transition.
 * Only `PlanRun` moves `phase`; the call machinery writes the bookkeeping fields the result
 * reports (`attempts`, `sharedWith`, `batchIds`, `cacheHits`, `speculated`).
 */
export interface StepState {
  readonly validated: ValidatedStep;
  readonly id: string;
  readonly tool: Tool;
  readonly dependents: StepState[];
  phase: StepPhase;
  /** Dependencies not finished yet; the step becomes ready at 0. */
  remaining: number;
  startMs: number | undefined;
  endMs: number;
  value: unknown;
  error: Error | undefined;
  attempts: number;
  sharedWith: string | undefined;
  sharedRunId: string | undefined;
  /** For `forEach` steps: results by item, and how many have arrived. */
  values: unknown[] | undefined;
  delivered: number;
  batchIds: string[] | undefined;
  /** The batch whose result is being delivered to it (for its step-end event). */
  lastBatchId: string | undefined;
  cacheHits: number;
  /** Calls of it served by speculation (taken finished, or joined in flight). */
  speculated: number;
}

export function createStepState(validated: ValidatedStep, tool: Tool): StepState {
  return {
    validated,
    id: validated.step.id,
    tool,
    dependents: [],
    phase: 'waiting',
    remaining: validated.dependencies.length,
    startMs: undefined,
    endMs: 0,
    value: undefined,
    error: undefined,
    attempts: 0,
    sharedWith: undefined,
    sharedRunId: undefined,
    values: undefined,
    delivered: 0,
    batchIds: undefined,
    lastBatchId: undefined,
    cacheHits: 0,
    speculated: 0,
  };
}

/** Every one of the step's results came from the result cache. */
export function isCached(state: StepState): boolean {
  return (
    state.cacheHits > 0 &&
    state.attempts === 0 &&
    state.sharedWith === undefined &&
    state.cacheHits === (state.values === undefined ? 1 : state.values.length)
  );
}
