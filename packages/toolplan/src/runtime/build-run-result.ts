import { resolveValue, type ValidatedPlan } from '../plan/index.js';
import type { ValueSource } from '../tools/index.js';
import type { BatchRecord, RunResult, StepRecord } from './run-result.js';
import { isCached, type StepState } from './step-state.js';

/**
 * The result of a run as it stands: called when it is over, and also when it is aborted, so a
 * step may still be `queued` or `running` here (it then reports as `error`).
 */
export function buildRunResult(options: {
  runId: string;
  /** Undefined until the run is sealed: the result then shows the steps added so far. */
  plan: ValidatedPlan | undefined;
  /** Every step, in the order added. */
  states: readonly StepState[];
  batches: BatchRecord[];
  /** Every value references can see, for the answer template. */
  results: ReadonlyMap<string, unknown>;
  wallMs: number;
  /** Where a finished step's result came from (step-provenance.ts). */
  sourcesOf: (state: StepState) => readonly ValueSource[];
}): RunResult {
  const { plan, states, batches } = options;
  const steps: StepRecord[] = states.map((state) => {
    const record: StepRecord = {
      id: state.id,
      tool: state.tool.name,
      status: state.phase === 'ok' ? 'ok' : state.phase === 'skipped' ? 'skipped' : 'error',
      startMs: state.startMs ?? state.endMs,
      endMs: state.endMs,
      attempts: state.attempts,
    };
    if (state.phase === 'ok') {
      record.value = state.value;
      // Worked out when first read: most callers never look, and a run may hold thousands of steps.
      let sources: readonly ValueSource[] | undefined;
      Object.defineProperty(record, 'sources', {
        enumerable: true,
        configurable: true,
        get: () => (sources ??= options.sourcesOf(state)),
        set: (value: readonly ValueSource[]) => {
          sources = value;
        },
      });
    }
    if (state.error !== undefined) record.error = state.error;
    if (state.sharedWith !== undefined) record.sharedWith = state.sharedWith;
    if (state.sharedRunId !== undefined) record.sharedRunId = state.sharedRunId;
    if (state.batchIds !== undefined) record.batchIds = state.batchIds;
    if (state.speculated > 0) record.speculated = true;
    if (state.cacheHits > 0) {
      record.cacheHits = state.cacheHits;
      if (isCached(state)) record.cached = true;
    }
    return record;
  });
  const result: RunResult = {
    runId: options.runId,
    status: steps.every((step) => step.status === 'ok') ? 'ok' : 'error',
    plan: plan?.plan ?? { steps: states.map((state) => state.validated.step) },
    results: Object.fromEntries(
      states.filter((state) => state.phase === 'ok').map((state) => [state.id, state.value]),
    ),
    steps,
    wallMs: options.wallMs,
  };
  if (batches.length > 0) result.batches = batches;
  const answer = plan?.answer;
  if (answer !== undefined) {
    try {
      result.answer = String(resolveValue(answer, { results: options.results }, ['answer']));
    } catch (error) {
      result.answerError = error as Error;
    }
  }
  return result;
}
