import {
  resolveValue,
  type PlanLimits,
  type ValidatedPlan,
  type ValidatedStep,
} from '../plan/index.js';
import type { Tool, ToolRegistry } from '../tools/index.js';
import { callKey } from './call-key.js';
import type { ResolvedExecuteOptions } from './execute-plan-options.js';
import type { ExecutionEvent, RunResult } from './run-result.js';
import { buildRunResult } from './build-run-result.js';
import type { CallOutcome, Flight } from './single-flight.js';
import { createStepState, isCached, TERMINAL_PHASES, type StepState } from './step-state.js';
import type { Call } from './call.js';
import type { Job } from './job.js';
import { JobRunner } from './job-runner.js';
import { JobScheduler } from './job-scheduler.js';
import { outcomeForCall } from './outcome-for-call.js';
import {
  DependencyFailedError,
  ForEachError,
  RepeatedSideEffectError,
  RunAbortedError,
  ToolInputError,
} from './step-errors.js';
import { sideEffectKey } from './side-effect-ledger.js';

type Outcome = CallOutcome;

interface SharedCall {
  readonly ownerStepId: string;
  readonly followers: Array<{ step: StepState; index: number | undefined }>;
  outcome: Outcome | undefined;
}

/**
 * Executes one validated plan: an event-driven DAG scheduler.
 *
 * Step states:
 *
 *     waiting ──(last dependency ok)──► queued ──(slot free)──► running ──► ok
 *        │                                │                        └──────► error
 *        └──(a dependency failed)──► skipped        (arguments invalid) ──► error
 *
 * A step starts the moment its last dependency finishes — never by polling, never level by
 * level. Its calls (one, or one per `forEach` item) become jobs. A job needs a global slot
 * (`maxConcurrency`) and a slot of its tool (`concurrency`); a job that finds its tool full
 * waits in that tool's line, which is served first when a job of the tool ends.
 *
 * Batching (tools with `batch`): a ready call joins its tool's open job instead of making a new
 * one, so the calls that become ready in one scheduling turn (one synchronous pass ending in
 * `#pump`) share one job; a job stays open while it waits for a slot or for `batchWindowMs`,
 * and closes when it starts or holds `maxBatchSize` calls. Job states:
 *
 *     open ──(starts / full)──► running ──► settled ──► each call routed to its step
 *       └─(batchWindowMs)─► queued   └──(idempotent failure)──► retry wait ──► running
 *
 * A job of several calls is one `batch(inputs)` request: it holds one global slot and one slot of
 * its tool, one time-out covers it, and a retry resends the whole batch. Its results are routed
 * back by position; a failure fails every call with the cause, a wrong result count with
 * `BatchResultCountError`. A lone call goes through `execute`.
 *
 * Calls of read-only tools with the same canonical arguments share one execution (single
 * flight): within the run, then with a call made speculatively (`speculation`), and across runs
 * through the `inFlight` registry; with `ttlMs` and a `cache` they are served from earlier results. Deduplication happens before batching, so a batch
 * never carries the same read-only call twice. Failures of `idempotent` tools are retried with
 * back-off, holding their slot. The run is over when every step is ok, error or skipped; an abort
 * ends it at once.
 *
 * We schedule by hand rather than through p-queue: the scheduler is toolplan's core, its
 * per-step overhead is a benchmark target (≤ 10 µs), and it needs dependency counting and
 * per-tool lines that a queue library would only wrap.
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
  readonly #shared = new Map<string, SharedCall>();
  readonly #runController = new AbortController();
  /** Cross-run flights this run owns and has not landed yet; abandoned if the run ends first. */
  readonly #flights = new Set<Flight>();
  #completed = 0;
  #startedAt = 0;
  #over = false;
  #started = false;
  /** Ledger keys of the side-effect calls this run made (see `#refuseRepeatedSideEffects`). */
  readonly #ownSideEffects = new Set<string>();
  #sealed = false;
  readonly #runner: JobRunner;
  readonly #scheduler: JobScheduler;
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
      onSettled: (job, outcome) => this.#jobSettled(job, outcome),
    });
    this.#scheduler = new JobScheduler({
      options: this.#options,
      runner: this.#runner,
      now: () => this.#now(),
      markStarted: (step, batchId) => this.#markStarted(step, batchId),
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
    const { validated } = state;
    try {
      if (validated.forEach === undefined) {
        const input = this.#checkInput(
          state,
          resolveValue(validated.args, { results: this.#results, stepId: state.id }),
        );
        this.#refuseRepeatedSideEffects(state, [input]);
        this.#enqueue(state, undefined, input);
        return;
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
      // Resolve and check every item before any call goes out, so a bad item costs no calls.
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
      this.#refuseRepeatedSideEffects(state, inputs);
      state.values = new Array<unknown>(items.length);
      if (inputs.length === 0) this.#succeed(state, []);
      inputs.forEach((input, index) => this.#enqueue(state, index, input));
    } catch (error) {
      this.#fail(state, error as Error);
    }
  }

  /**
   * Throws (failing the step, before any of its calls goes out) when a call with side effects
   * was already made by an earlier run of the task; otherwise records the step's calls. Calls
   * this run itself recorded do not count: two identical calls in one plan are the plan's choice.
   */
  #refuseRepeatedSideEffects(state: StepState, inputs: readonly unknown[]): void {
    const ledger = this.#options.sideEffects;
    if (ledger === undefined || state.tool.readOnly === true) return;
    const keys = inputs.map((input) => sideEffectKey(state.tool.name, input));
    if (keys.some((key) => ledger.has(key) && !this.#ownSideEffects.has(key))) {
      throw new RepeatedSideEffectError({ stepId: state.id, toolName: state.tool.name });
    }
    for (const key of keys) {
      ledger.add(key);
      this.#ownSideEffects.add(key);
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

  /**
   * A call is ready. A read-only one is first matched, in this order, against an identical call
   * of this run, the result cache, and an identical call in flight in another run; only what
   * none of them serves becomes a job.
   */
  #enqueue(state: StepState, index: number | undefined, input: unknown): void {
    const tool = state.tool;
    if (tool.readOnly !== true) {
      this.#scheduler.submit({ step: state, index, input, key: undefined, flight: undefined });
      return;
    }
    const key = callKey(tool.name, input);
    const shared = this.#shared.get(key);
    if (shared !== undefined) {
      this.#markStarted(state, undefined);
      state.sharedWith ??= shared.ownerStepId;
      if (shared.outcome === undefined) shared.followers.push({ step: state, index });
      else {
        const outcome = shared.outcome;
        this.#later(() => this.#deliver(state, index, outcome));
      }
      return;
    }
    const entry: SharedCall = { ownerStepId: state.id, followers: [], outcome: undefined };
    this.#shared.set(key, entry);
    if (this.#claimSpeculated(state, index, input, key, entry)) return;
    const cache = this.#options.cache;
    if (cache !== undefined && tool.ttlMs !== undefined) {
      const hit = cache.get(key);
      if (hit !== undefined) {
        const outcome: Outcome = { ok: true, value: hit.value };
        entry.outcome = outcome;
        state.cacheHits += 1;
        this.#markStarted(state, undefined);
        this.#later(() => this.#deliver(state, index, outcome));
        return;
      }
    }
    this.#joinOrCall(state, index, input, key, entry);
  }

  /**
   * Takes the identical call speculation made (issue #9) — its result if it has finished, else
   * a place in its flight. A speculative call that fails is abandoned, and the step then makes
   * the call itself, so speculation never hands a step an error its own call might not have had.
   */
  #claimSpeculated(
    state: StepState,
    index: number | undefined,
    input: unknown,
    key: string,
    entry: SharedCall,
  ): boolean {
    const speculation = this.#options.speculation;
    if (speculation === undefined) return false;
    const claim = speculation.claim({
      tool: state.tool,
      key,
      stepId: state.id,
      follower: {
        land: (outcome) => {
          if (this.#over) return;
          this.#publish(entry, state, index, outcome);
          this.#scheduler.pump();
        },
        abandon: () => {
          if (this.#over || entry.outcome !== undefined) return;
          state.speculated -= 1;
          this.#joinOrCall(state, index, input, key, entry);
          this.#scheduler.pump();
        },
      },
    });
    if (claim === undefined) return false;
    state.speculated += 1;
    this.#markStarted(state, undefined);
    if (claim.type === 'finished') {
      const outcome: Outcome = { ok: true, value: claim.value };
      entry.outcome = outcome;
      this.#later(() => this.#deliver(state, index, outcome));
    }
    return true;
  }

  /**
   * Waits for the identical call another run has in flight, or makes the call (registering it
   * so that other runs can wait for it). A call abandoned by its run comes back here: another
   * abandoned follower may have made it again meanwhile, and is then followed instead.
   */
  #joinOrCall(
    state: StepState,
    index: number | undefined,
    input: unknown,
    key: string,
    entry: SharedCall,
  ): void {
    const tool = state.tool;
    const inFlight = this.#options.inFlight;
    if (inFlight !== undefined) {
      const owner = inFlight.join(tool, key, {
        land: (outcome) => {
          if (this.#over) return;
          this.#publish(entry, state, index, outcome);
          this.#scheduler.pump();
        },
        abandon: () => {
          // The other run ended before its call did: make the call ourselves after all.
          if (this.#over || entry.outcome !== undefined) return;
          state.sharedWith = undefined;
          state.sharedRunId = undefined;
          this.#joinOrCall(state, index, input, key, entry);
          this.#scheduler.pump();
        },
      });
      if (owner !== undefined) {
        this.#markStarted(state, undefined);
        state.sharedWith ??= owner.stepId;
        state.sharedRunId ??= owner.runId;
        return;
      }
    }
    this.#scheduler.submit({
      step: state,
      index,
      input,
      key,
      flight: this.#beginFlight(tool, key, state),
    });
  }

  #beginFlight(tool: Tool, key: string, state: StepState): Flight | undefined {
    const inFlight = this.#options.inFlight;
    if (inFlight === undefined) return undefined;
    const flight = inFlight.begin(tool, key, { runId: this.#options.runId, stepId: state.id });
    this.#flights.add(flight);
    return flight;
  }

  /** Runs `task` in a microtask, then lets whatever it made ready start. */
  #later(task: () => void): void {
    queueMicrotask(() => {
      if (this.#over) return;
      task();
      this.#scheduler.pump();
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
  #jobSettled(job: Job, outcome: Outcome): void {
    const { tool, batchId } = job;
    this.#scheduler.finish(job);
    const { calls } = job;
    for (let position = 0; position < calls.length; position += 1) {
      const call = calls[position] as Call;
      const final = outcomeForCall({ job, position, outcome });
      call.step.lastBatchId = batchId;
      if (call.key !== undefined) {
        call.flight?.land(final);
        if (call.flight !== undefined) this.#flights.delete(call.flight);
        const cache = this.#options.cache;
        if (final.ok && cache !== undefined && tool.ttlMs !== undefined)
          cache.set(call.key, final.value, tool.ttlMs);
        this.#publish(this.#shared.get(call.key) as SharedCall, call.step, call.index, final);
      } else this.#deliver(call.step, call.index, final);
    }
    this.#scheduler.pump();
  }

  /** Gives a call's outcome to its step and to every step of this run waiting on the same call. */
  #publish(
    shared: SharedCall,
    state: StepState,
    index: number | undefined,
    outcome: Outcome,
  ): void {
    shared.outcome = outcome;
    for (const follower of shared.followers) this.#deliver(follower.step, follower.index, outcome);
    shared.followers.length = 0;
    this.#deliver(state, index, outcome);
  }

  #deliver(state: StepState, index: number | undefined, outcome: Outcome): void {
    if (TERMINAL_PHASES.has(state.phase) || this.#over) return;
    if (!outcome.ok) return this.#fail(state, outcome.error);
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
    // Runs waiting on our calls in flight make them themselves now.
    for (const flight of this.#flights) flight.abandon();
    this.#flights.clear();
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
    });
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value} (${JSON.stringify(value)})`;
}
