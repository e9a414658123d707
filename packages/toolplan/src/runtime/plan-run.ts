import {
  resolveValue,
  type PlanLimits,
  type ValidatedPlan,
  type ValidatedStep,
} from '../plan/index.js';
import type { PolicyRequest, Tool, ToolRegistry } from '../tools/index.js';
import { buildRunResult } from './build-run-result.js';
import { CallDeduplicator } from './call-deduplicator.js';
import { decidePolicy } from './decide-policy.js';
import type { Call } from './call.js';
import type { ResolvedExecuteOptions } from './execute-plan-options.js';
import { JobRunner } from './job-runner.js';
import { JobScheduler } from './job-scheduler.js';
import type { Job } from './job.js';
import { outcomeForCall } from './outcome-for-call.js';
import type { ExecutionEvent, RunResult } from './run-result.js';
import type { PolicyDeniedError } from './policy-denied-error.js';
import type { CallOutcome } from './single-flight.js';
import {
  DependencyFailedError,
  ForEachError,
  RunAbortedError,
  ToolInputError,
} from './step-errors.js';
import { createStepState, isCached, TERMINAL_PHASES, type StepState } from './step-state.js';
import { StepProvenance } from './step-provenance.js';

/**
 * Executes one validated plan: an event-driven DAG scheduler. `PlanRun` is its step state
 * machine, and composes the modules that make the steps' calls.
 *
 * Step states:
 *
 *     waiting ──(last dependency ok)──► queued ──(a call under way)──► running ──► ok
 *        │                                │                              └──────► error
 *        └──(a dependency failed)──► skipped              (arguments invalid) ──► error
 *
 * A step starts the moment its last dependency finishes — never by polling, never level by
 * level. Its arguments are resolved and checked (every `forEach` item's before any call goes
 * out, so a bad item costs no calls), and each of its calls (one, or one per item) then goes
 * through:
 *
 *   1. `CallDeduplicator` (call-deduplicator.ts): a repeated side effect is refused; a read-only
 *      call is served by an identical call (of this run, of its speculation, of another run of
 *      its `shareScope`) or the result cache (within that scope) when it can be;
 *   2. `JobScheduler` (job-scheduler.ts): the rest become jobs, batched for batch tools, started
 *      within the global and per-tool concurrency limits;
 *   3. `JobRunner` (job-runner.ts): a job is attempted, timed out and retried until it settles;
 *   4. `#jobSettled`: each call's share of the outcome (outcome-for-call.ts) goes back through
 *      the deduplicator, to its step and to every step sharing the call.
 *
 * A step is ok once every one of its calls has succeeded, and fails with its first failed call;
 * a failure skips every step depending on it, while independent branches go on. The run is over
 * when every step is ok, error or skipped (its result: build-run-result.ts). An abort ends it at
 * once: running steps fail with `RunAbortedError`, the others are skipped with it.
 *
 * The modules call each other synchronously (each is given the next one, and callbacks into
 * `PlanRun`, at construction) rather than through events or promises: calls made ready in one
 * scheduling turn share a batch only if they all reach the scheduler before the turn's
 * `JobScheduler.pump`, and the overhead per step is a benchmark target (≤ 10 µs,
 * `npm run bench:executor`).
 */
export class PlanRun {
  readonly #tools: ToolRegistry;
  readonly #options: ResolvedExecuteOptions;
  readonly #limits: PlanLimits;
  /** The whole plan, once sealed. */
  #plan: ValidatedPlan | undefined;
  readonly #states: StepState[] = [];
  readonly #byId = new Map<string, StepState>();
  /** Every value references can see: earlier results given in the options, then this run's. */
  readonly #results: Map<string, unknown>;
  /**
   * The signal of calls without a time-out of their own: aborted with the run, or when it ends
   * while calls are still in flight.
   */
  readonly #runController = new AbortController();
  #completed = 0;
  #startedAt = 0;
  #over = false;
  #started = false;
  #sealed = false;
  readonly #runner: JobRunner;
  readonly #scheduler: JobScheduler;
  readonly #dedup: CallDeduplicator;
  readonly #provenance: StepProvenance;
  #resolve!: (result: RunResult) => void;
  #reject!: (error: unknown) => void;

  constructor(options: {
    tools: ToolRegistry;
    options: ResolvedExecuteOptions;
    limits: PlanLimits;
  }) {
    this.#tools = options.tools;
    this.#options = options.options;
    this.#limits = options.limits;
    this.#results = new Map(Object.entries(options.options.results));
    this.#runner = new JobRunner({
      options: this.#options,
      runSignal: this.#runController.signal,
      now: () => this.#now(),
      onSettled: (job) => this.#jobSettled(job),
    });
    this.#scheduler = new JobScheduler({
      options: this.#options,
      runner: this.#runner,
      now: () => this.#now(),
      markStarted: (step, batchId) => this.#markStarted(step, batchId),
    });
    this.#provenance = new StepProvenance({
      runId: this.#options.runId,
      query: this.#options.query,
      plannedAfterUntrusted: this.#options.plannedAfterUntrusted,
      given: this.#options.resultSources,
      stepOf: (id) => this.#byId.get(id),
    });
    this.#dedup = new CallDeduplicator({
      options: this.#options,
      scheduler: this.#scheduler,
      markStarted: (step) => this.#markStarted(step, undefined),
      deliver: (call, outcome) => this.#deliver(call, outcome),
    });
  }

  /** Starts the run; resolves with the result once sealed and every step is over. Call once. */
  start(): Promise<RunResult> {
    const promise = new Promise<RunResult>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    const signal = this.#options.signal;
    this.#startedAt = this.#options.clock.now();
    this.#started = true;
    if (signal?.aborted) {
      this.#abort(signal.reason);
      return promise;
    }
    signal?.addEventListener('abort', this.#onAbort, { once: true });
    for (const state of this.#states) {
      if (state.phase === 'waiting' && state.remaining === 0) this.#makeReady(state);
    }
    this.#checkOver();
    this.#scheduler.pump();
    return promise;
  }

  /**
   * Adds validated steps; each starts as soon as its dependencies have finished. Every step a
   * new one depends on must have been added before or in the same call. Streaming dispatch adds
   * steps one by one while the plan is still being written.
   */
  add(steps: readonly ValidatedStep[]): void {
    if (this.#over) return;
    if (this.#sealed) throw new Error('PlanRun.add: the run is sealed; no step can be added.');
    const added = steps.map((validated) => {
      const state = createStepState(validated, this.#tools.get(validated.step.tool) as Tool);
      this.#byId.set(state.id, state);
      this.#states.push(state);
      return state;
    });
    const failed: Array<{ state: StepState; cause: StepState }> = [];
    for (const state of added) {
      for (const dependency of state.validated.dependencies) {
        const other = this.#byId.get(dependency) as StepState;
        if (other.phase === 'ok') state.remaining -= 1;
        else if (other.phase === 'error' || other.phase === 'skipped')
          failed.push({ state, cause: other });
        else other.dependents.push(state);
      }
    }
    if (!this.#started) return;
    for (const { state, cause } of failed) {
      if (state.phase !== 'waiting') continue;
      this.#skip(state, new DependencyFailedError({ stepId: state.id, failedStepId: cause.id }));
      this.#skipDependents(state, cause.id);
    }
    for (const state of added) {
      if (state.phase === 'waiting' && state.remaining === 0) this.#makeReady(state);
    }
    this.#scheduler.pump();
  }

  /**
   * The plan is complete and valid: adds whichever of its steps were not added yet, and from now
   * on the run ends when every step is over. Steps already added must be the plan's own.
   */
  seal(plan: ValidatedPlan): void {
    if (this.#over) return;
    this.add(plan.steps.filter((step) => !this.#byId.has(step.step.id)));
    this.#plan = plan;
    this.#sealed = true;
    if (this.#started) this.#checkOver();
  }

  /** Ends the run at once, cancelling everything in flight; the run rejects with `RunAbortedError`. */
  cancel(reason: unknown): void {
    this.#abort(reason);
  }

  readonly #onAbort = (): void => this.#abort(this.#options.signal?.reason);

  #now(): number {
    return this.#options.clock.now() - this.#startedAt;
  }

  #emit(event: ExecutionEvent): void {
    this.#options.onEvent?.(event);
  }

  #makeReady(state: StepState): void {
    state.phase = 'queued';
    let inputs: unknown[];
    let single: boolean;
    try {
      ({ inputs, single } = this.#inputs(state));
    } catch (error) {
      return this.#fail(state, error as Error);
    }
    const verdict = this.#decide(state, inputs, single);
    if (verdict === undefined) return this.#dispatch(state, inputs, single);
    if (!(verdict instanceof Promise)) return this.#fail(state, verdict);
    // A policy (or `approve`) answers later: the step stays queued meanwhile, and an abort skips it.
    verdict.then(
      (denied) => {
        if (this.#over || state.phase !== 'queued') return;
        if (denied === undefined) this.#dispatch(state, inputs, single);
        else this.#fail(state, denied);
        this.#scheduler.pump();
      },
      (error: unknown) => {
        if (this.#over || state.phase !== 'queued') return;
        this.#fail(state, error instanceof Error ? error : new Error(String(error)));
      },
    );
  }

  /**
   * The step's inputs, resolved and checked: one, or one per `forEach` item — every item's before
   * any call goes out, so a bad item costs no calls.
   */
  #inputs(state: StepState): { inputs: unknown[]; single: boolean } {
    const { validated } = state;
    if (validated.forEach === undefined) {
      const input = this.#checkInput(
        state,
        resolveValue(validated.args, { results: this.#results, stepId: state.id }),
      );
      return { inputs: [input], single: true };
    }
    const items = resolveValue(validated.forEach, { results: this.#results, stepId: state.id }, [
      'forEach',
    ]);
    if (!Array.isArray(items)) {
      throw new ForEachError({
        stepId: state.id,
        message: `\`forEach\` must give an array, but it gave ${describe(items)}.`,
      });
    }
    const limit = this.#limits.maxForEachItems;
    if (items.length > limit) {
      throw new ForEachError({
        stepId: state.id,
        message: `\`forEach\` gave ${items.length} items; at most ${limit} are allowed.`,
      });
    }
    const inputs = items.map((item, index) =>
      this.#checkInput(
        state,
        resolveValue(validated.args, {
          results: this.#results,
          forEach: { item, index },
          stepId: state.id,
        }),
        index,
      ),
    );
    return { inputs, single: false };
  }

  /**
   * What the step's policy says of its calls (DESIGN.md, "Trust"): the tool's own `policy`, or for
   * a side-effecting tool the run's (`defaultPolicy` unless another was given). `undefined` lets
   * every call go.
   */
  #decide(
    state: StepState,
    inputs: readonly unknown[],
    single: boolean,
  ): PolicyDeniedError | undefined | Promise<PolicyDeniedError | undefined> {
    const { tool } = state;
    const own = tool.policy;
    const policy = own ?? (tool.readOnly === true ? undefined : this.#options.policy);
    if (policy === undefined || inputs.length === 0) return undefined;
    const sources = this.#provenance.argumentSources(state);
    const untrusted = Object.values(sources).some((list) => list.some((source) => !source.trusted));
    const plannedAfterUntrusted = this.#provenance.plannedAfterUntrusted(state);
    const requests: PolicyRequest[] = inputs.map((input, index) => ({
      tool: tool.name,
      stepId: state.id,
      runId: this.#options.runId,
      index: single ? undefined : index,
      input,
      sources,
      untrusted,
      plannedAfterUntrusted,
      readOnly: tool.readOnly === true,
    }));
    return decidePolicy({
      policy,
      deniedBy: own === undefined ? 'run-policy' : 'tool-policy',
      approve: this.#options.approve,
      requests,
    });
  }

  /** Sends the step's allowed calls on: to the side-effect ledger, then the deduplicator. */
  #dispatch(state: StepState, inputs: unknown[], single: boolean): void {
    try {
      const recalled = this.#dedup.refuseRepeatedSideEffects(state, inputs);
      if (single) {
        if (recalled !== undefined) return this.#succeed(state, recalled[0]?.value);
        this.#dedup.enqueue({
          step: state,
          index: undefined,
          input: inputs[0],
          key: undefined,
          flight: undefined,
        });
        return;
      }
      if (recalled !== undefined)
        return this.#succeed(
          state,
          recalled.map((entry) => entry.value),
        );
      state.values = new Array<unknown>(inputs.length);
      if (inputs.length === 0) this.#succeed(state, []);
      inputs.forEach((input, index) =>
        this.#dedup.enqueue({ step: state, index, input, key: undefined, flight: undefined }),
      );
    } catch (error) {
      this.#fail(state, error as Error);
    }
  }

  #checkInput(state: StepState, input: unknown, index?: number): unknown {
    const result = state.tool.inputSchema.validate(input);
    if (result.success) return result.value;
    throw new ToolInputError({
      stepId: state.id,
      toolName: state.tool.name,
      issues: result.issues,
      ...(index === undefined ? {} : { index }),
    });
  }

  #markStarted(state: StepState, batchId: string | undefined): void {
    if (batchId !== undefined) {
      if (state.batchIds === undefined) state.batchIds = [batchId];
      else if (state.batchIds[state.batchIds.length - 1] !== batchId) state.batchIds.push(batchId);
    }
    if (state.startMs !== undefined) return;
    state.startMs = this.#now();
    state.phase = 'running';
    if (this.#options.onEvent !== undefined) {
      const event: ExecutionEvent = {
        type: 'step-start',
        stepId: state.id,
        tool: state.tool.name,
        atMs: state.startMs,
      };
      if (batchId !== undefined) event.batchId = batchId;
      this.#emit(event);
    }
  }

  /** A job is done for good: its slots free up and each call's outcome goes to its step. */
  #jobSettled(job: Job): void {
    const { batchId } = job;
    this.#scheduler.finish(job);
    const { calls } = job;
    for (let position = 0; position < calls.length; position += 1) {
      const call = calls[position] as Call;
      const final = outcomeForCall(job, position);
      call.step.lastBatchId = batchId;
      this.#dedup.land(call, final);
    }
    this.#scheduler.pump();
  }

  #deliver(call: Call, outcome: CallOutcome): void {
    const { step: state, index } = call;
    if (TERMINAL_PHASES.has(state.phase) || this.#over) return;
    if (!outcome.ok) return this.#fail(state, outcome.error);
    this.#dedup.rememberSideEffect(call, outcome.value);
    if (index === undefined) return this.#succeed(state, outcome.value);
    const values = state.values as unknown[];
    values[index] = outcome.value;
    state.delivered += 1;
    if (state.delivered === values.length) this.#succeed(state, values);
  }

  #succeed(state: StepState, value: unknown): void {
    this.#markStarted(state, undefined);
    state.phase = 'ok';
    state.value = value;
    state.endMs = this.#now();
    this.#results.set(state.id, value);
    this.#completed += 1;
    if (this.#options.onEvent !== undefined) {
      const event: ExecutionEvent = {
        type: 'step-end',
        stepId: state.id,
        tool: state.tool.name,
        status: 'ok',
        atMs: state.endMs,
        value,
      };
      if (state.lastBatchId !== undefined) event.batchId = state.lastBatchId;
      if (isCached(state)) event.cached = true;
      this.#emit(event);
    }
    for (const dependent of state.dependents) {
      dependent.remaining -= 1;
      if (dependent.remaining === 0 && dependent.phase === 'waiting') this.#makeReady(dependent);
    }
    this.#checkOver();
  }

  #fail(state: StepState, error: Error): void {
    this.#markStarted(state, undefined);
    state.phase = 'error';
    state.error = error;
    state.endMs = this.#now();
    this.#completed += 1;
    const event: ExecutionEvent = {
      type: 'step-end',
      stepId: state.id,
      tool: state.tool.name,
      status: 'error',
      atMs: state.endMs,
      error,
    };
    if (state.lastBatchId !== undefined) event.batchId = state.lastBatchId;
    this.#emit(event);
    this.#skipDependents(state, state.id);
    this.#checkOver();
  }

  /** Skips every step waiting on `state`, directly or through other skipped steps. */
  #skipDependents(state: StepState, failedStepId: string): void {
    const stack = [...state.dependents];
    while (stack.length > 0) {
      const dependent = stack.pop() as StepState;
      if (dependent.phase !== 'waiting') continue;
      this.#skip(dependent, new DependencyFailedError({ stepId: dependent.id, failedStepId }));
      stack.push(...dependent.dependents);
    }
  }

  #skip(state: StepState, error: Error): void {
    state.phase = 'skipped';
    state.error = error;
    state.endMs = this.#now();
    state.startMs ??= state.endMs;
    this.#completed += 1;
    this.#emit({
      type: 'step-end',
      stepId: state.id,
      tool: state.tool.name,
      status: 'skipped',
      atMs: state.endMs,
      error,
    });
  }

  #checkOver(): void {
    if (this.#over || !this.#sealed || this.#completed < this.#states.length) return;
    this.#close();
    this.#resolve(this.#result());
  }

  /** Stops everything still going: timers, and calls whose results nobody needs any more. */
  #close(): void {
    this.#over = true;
    this.#options.signal?.removeEventListener('abort', this.#onAbort);
    this.#scheduler.close();
    const callsInFlight = this.#runner.close();
    this.#dedup.close();
    if (callsInFlight)
      this.#runController.abort(new Error('The run is over; this call is no longer needed.'));
  }

  #abort(reason: unknown): void {
    if (this.#over) return;
    const error = new RunAbortedError({ reason });
    this.#runController.abort(reason);
    this.#runner.abort(reason);
    for (const state of this.#states) {
      if (TERMINAL_PHASES.has(state.phase)) continue;
      if (state.phase === 'running') {
        state.phase = 'error';
        state.error = error;
        state.endMs = this.#now();
        this.#completed += 1;
      } else this.#skip(state, error);
    }
    this.#close();
    error.result = this.#result();
    this.#reject(error);
  }

  #result(): RunResult {
    return buildRunResult({
      runId: this.#options.runId,
      plan: this.#plan,
      states: this.#states,
      batches: this.#scheduler.batches,
      results: this.#results,
      wallMs: this.#now(),
      sourcesOf: (state) => this.#provenance.resultSources(state),
    });
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value} (${JSON.stringify(value)})`;
}
