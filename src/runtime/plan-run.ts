import { stringify } from 'safe-stable-stringify';
import {
  resolveValue,
  type PlanLimits,
  type ValidatedPlan,
  type ValidatedStep,
} from '../plan/index.js';
import type { Tool, ToolExecutionContext, ToolRegistry } from '../tools/index.js';
import type { TimerHandle } from './clock.js';
import type { ResolvedExecuteOptions } from './execute-plan-options.js';
import type { ExecutionEvent, RunResult, StepRecord } from './run-result.js';
import {
  DependencyFailedError,
  ForEachError,
  RunAbortedError,
  StepTimeoutError,
  ToolExecutionError,
  ToolInputError,
  ToolOutputError,
} from './step-errors.js';

type StepPhase = 'waiting' | 'queued' | 'running' | 'ok' | 'error' | 'skipped';

interface StepState {
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
  /** For `forEach` steps: results by item, and how many have arrived. */
  values: unknown[] | undefined;
  delivered: number;
}

interface Call {
  readonly step: StepState;
  /** The `forEach` item this call is for. */
  readonly index: number | undefined;
  readonly input: unknown;
  /** Key of the single-flight entry this call owns (read-only tools only). */
  readonly key: string | undefined;
  attempt: number;
  /** Settled for the current attempt: a late result after a time-out is ignored. */
  settled: boolean;
  controller: AbortController | undefined;
  timer: TimerHandle | undefined;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: Error };

interface SharedCall {
  readonly ownerStepId: string;
  readonly followers: Array<{ step: StepState; index: number | undefined }>;
  outcome: Outcome | undefined;
}

const TERMINAL: ReadonlySet<StepPhase> = new Set(['ok', 'error', 'skipped']);

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
 * level. A call needs a global slot (`maxConcurrency`) and a slot of its tool (`concurrency`);
 * a call that finds its tool full waits in that tool's line, which is served first when a call
 * of the tool ends. Calls of read-only tools with the same canonical arguments share one
 * execution (single flight); failures of `idempotent` tools are retried with back-off, holding
 * their slot. The run is over when every step is ok, error or skipped; an abort ends it at once.
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
  readonly #live = new Set<Call>();
  readonly #retryTimers = new Set<TimerHandle>();
  readonly #runController = new AbortController();
  readonly #queue: Call[] = [];
  #queueHead = 0;
  /** Calls whose tool had no free slot, served first once it has. */
  readonly #toolLines = new Map<string, Call[]>();
  readonly #resumed: Call[] = [];
  readonly #toolRunning = new Map<string, number>();
  #running = 0;
  #completed = 0;
  #startedAt = 0;
  #over = false;
  #started = false;
  #sealed = false;
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
    this.#pump();
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
      const state: StepState = {
        validated,
        id: validated.step.id,
        tool: this.#tools.get(validated.step.tool) as Tool,
        dependents: [],
        phase: 'waiting',
        remaining: validated.dependencies.length,
        startMs: undefined,
        endMs: 0,
        value: undefined,
        error: undefined,
        attempts: 0,
        sharedWith: undefined,
        values: undefined,
        delivered: 0,
      };
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
    this.#pump();
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
      state.values = new Array<unknown>(items.length);
      if (inputs.length === 0) this.#succeed(state, []);
      inputs.forEach((input, index) => this.#enqueue(state, index, input));
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

  #enqueue(state: StepState, index: number | undefined, input: unknown): void {
    let key: string | undefined;
    if (state.tool.readOnly === true) {
      key = `${state.tool.name}\u0000${stringify(input)}`;
      const shared = this.#shared.get(key);
      if (shared !== undefined) {
        this.#markStarted(state);
        state.sharedWith ??= shared.ownerStepId;
        if (shared.outcome === undefined) shared.followers.push({ step: state, index });
        else {
          const outcome = shared.outcome;
          queueMicrotask(() => this.#deliver(state, index, outcome));
        }
        return;
      }
      this.#shared.set(key, { ownerStepId: state.id, followers: [], outcome: undefined });
    }
    this.#queue.push({
      step: state,
      index,
      input,
      key,
      attempt: 0,
      settled: false,
      controller: undefined,
      timer: undefined,
    });
  }

  #pump(): void {
    if (this.#over) return;
    const max = this.#options.maxConcurrency;
    while (this.#running < max && this.#resumed.length > 0)
      this.#startCall(this.#resumed.shift() as Call);
    while (this.#running < max && this.#queueHead < this.#queue.length) {
      const call = this.#queue[this.#queueHead] as Call;
      this.#queueHead += 1;
      const limit = call.step.tool.concurrency;
      if (limit !== undefined && (this.#toolRunning.get(call.step.tool.name) ?? 0) >= limit) {
        const line = this.#toolLines.get(call.step.tool.name);
        if (line === undefined) this.#toolLines.set(call.step.tool.name, [call]);
        else line.push(call);
        continue;
      }
      this.#startCall(call);
    }
    if (this.#queueHead > 1024 && this.#queueHead * 2 > this.#queue.length) {
      this.#queue.splice(0, this.#queueHead);
      this.#queueHead = 0;
    }
  }

  #markStarted(state: StepState): void {
    if (state.startMs !== undefined) return;
    state.startMs = this.#now();
    state.phase = 'running';
    if (this.#options.onEvent !== undefined) {
      this.#emit({
        type: 'step-start',
        stepId: state.id,
        tool: state.tool.name,
        atMs: state.startMs,
      });
    }
  }

  #startCall(call: Call): void {
    this.#running += 1;
    const name = call.step.tool.name;
    this.#toolRunning.set(name, (this.#toolRunning.get(name) ?? 0) + 1);
    this.#markStarted(call.step);
    this.#attempt(call);
  }

  #attempt(call: Call): void {
    if (this.#over) return;
    const { step } = call;
    const tool = step.tool;
    call.attempt += 1;
    call.settled = false;
    step.attempts += 1;
    this.#live.add(call);
    const timeoutMs = tool.timeoutMs ?? this.#options.defaultTimeoutMs;
    let signal = this.#runController.signal;
    if (timeoutMs !== undefined) {
      call.controller = new AbortController();
      signal = call.controller.signal;
    }
    const idempotencyKey =
      call.index === undefined
        ? `${this.#options.runId}:${step.id}`
        : `${this.#options.runId}:${step.id}:${call.index}`;
    const context: ToolExecutionContext = {
      signal,
      abortSignal: signal,
      runId: this.#options.runId,
      stepId: step.id,
      toolCallId: idempotencyKey,
      attempt: call.attempt,
      idempotencyKey,
      messages: [],
      ...(call.index === undefined ? {} : { index: call.index }),
    };
    let pending: Promise<unknown>;
    try {
      pending = Promise.resolve(tool.execute(call.input, context));
    } catch (error) {
      pending = Promise.reject(error as Error);
    }
    if (timeoutMs !== undefined) {
      call.timer = this.#options.clock.setTimeout(() => {
        const error = new StepTimeoutError({ stepId: step.id, toolName: tool.name, timeoutMs });
        call.controller?.abort(error);
        this.#settle(call, { ok: false, error });
      }, timeoutMs);
    }
    const attempt = call.attempt;
    pending.then(
      (value) => {
        if (call.attempt === attempt) this.#settle(call, { ok: true, value });
      },
      (error: unknown) => {
        if (call.attempt === attempt) this.#settle(call, { ok: false, error: error as Error });
      },
    );
  }

  #settle(call: Call, outcome: Outcome): void {
    if (call.settled || this.#over) return;
    call.settled = true;
    this.#live.delete(call);
    if (call.timer !== undefined) {
      this.#options.clock.clearTimeout(call.timer);
      call.timer = undefined;
    }
    const { step } = call;
    const tool = step.tool;
    let final = outcome;
    if (!outcome.ok) {
      if (tool.idempotent === true && call.attempt <= this.#options.retry.maxRetries) {
        const { initialDelayMs, backoffFactor, maxDelayMs } = this.#options.retry;
        const delayMs = Math.min(maxDelayMs, initialDelayMs * backoffFactor ** (call.attempt - 1));
        this.#emit({
          type: 'step-retry',
          stepId: step.id,
          tool: tool.name,
          attempt: call.attempt,
          delayMs,
          error: outcome.error,
          atMs: this.#now(),
        });
        const timer = this.#options.clock.setTimeout(() => {
          this.#retryTimers.delete(timer);
          this.#attempt(call);
        }, delayMs);
        this.#retryTimers.add(timer);
        return;
      }
      if (!(outcome.error instanceof StepTimeoutError)) {
        final = {
          ok: false,
          error: new ToolExecutionError({
            stepId: step.id,
            toolName: tool.name,
            attempts: call.attempt,
            cause: outcome.error,
            ...(call.index === undefined ? {} : { index: call.index }),
          }),
        };
      }
    } else if (tool.outputSchema !== undefined) {
      const checked = tool.outputSchema.validate(outcome.value);
      final = checked.success
        ? { ok: true, value: checked.value }
        : {
            ok: false,
            error: new ToolOutputError({
              stepId: step.id,
              toolName: tool.name,
              issues: checked.issues,
            }),
          };
    }
    this.#release(call);
    if (call.key !== undefined) {
      const shared = this.#shared.get(call.key) as SharedCall;
      shared.outcome = final;
      for (const follower of shared.followers) this.#deliver(follower.step, follower.index, final);
      shared.followers.length = 0;
    }
    this.#deliver(step, call.index, final);
    this.#pump();
  }

  #release(call: Call): void {
    this.#running -= 1;
    const name = call.step.tool.name;
    this.#toolRunning.set(name, (this.#toolRunning.get(name) ?? 1) - 1);
    const line = this.#toolLines.get(name);
    if (line !== undefined && line.length > 0) this.#resumed.push(line.shift() as Call);
  }

  #deliver(state: StepState, index: number | undefined, outcome: Outcome): void {
    if (TERMINAL.has(state.phase) || this.#over) return;
    if (!outcome.ok) return this.#fail(state, outcome.error);
    if (index === undefined) return this.#succeed(state, outcome.value);
    const values = state.values as unknown[];
    values[index] = outcome.value;
    state.delivered += 1;
    if (state.delivered === values.length) this.#succeed(state, values);
  }

  #succeed(state: StepState, value: unknown): void {
    this.#markStarted(state);
    state.phase = 'ok';
    state.value = value;
    state.endMs = this.#now();
    this.#results.set(state.id, value);
    this.#completed += 1;
    if (this.#options.onEvent !== undefined) {
      this.#emit({
        type: 'step-end',
        stepId: state.id,
        tool: state.tool.name,
        status: 'ok',
        atMs: state.endMs,
      });
    }
    for (const dependent of state.dependents) {
      dependent.remaining -= 1;
      if (dependent.remaining === 0 && dependent.phase === 'waiting') this.#makeReady(dependent);
    }
    this.#checkOver();
  }

  #fail(state: StepState, error: Error): void {
    this.#markStarted(state);
    state.phase = 'error';
    state.error = error;
    state.endMs = this.#now();
    this.#completed += 1;
    this.#emit({
      type: 'step-end',
      stepId: state.id,
      tool: state.tool.name,
      status: 'error',
      atMs: state.endMs,
      error,
    });
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
    for (const timer of this.#retryTimers) this.#options.clock.clearTimeout(timer);
    this.#retryTimers.clear();
    for (const call of this.#live) {
      if (call.timer !== undefined) this.#options.clock.clearTimeout(call.timer);
      call.controller?.abort(new Error('The run is over; this call is no longer needed.'));
    }
    if (this.#live.size > 0)
      this.#runController.abort(new Error('The run is over; this call is no longer needed.'));
    this.#live.clear();
  }

  #abort(reason: unknown): void {
    if (this.#over) return;
    const error = new RunAbortedError({ reason });
    this.#runController.abort(reason);
    for (const call of this.#live) call.controller?.abort(reason);
    for (const state of this.#states) {
      if (TERMINAL.has(state.phase)) continue;
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
    const steps: StepRecord[] = this.#states.map((state) => {
      const record: StepRecord = {
        id: state.id,
        tool: state.tool.name,
        status: state.phase === 'ok' ? 'ok' : state.phase === 'skipped' ? 'skipped' : 'error',
        startMs: state.startMs ?? state.endMs,
        endMs: state.endMs,
        attempts: state.attempts,
      };
      if (state.phase === 'ok') record.value = state.value;
      if (state.error !== undefined) record.error = state.error;
      if (state.sharedWith !== undefined) record.sharedWith = state.sharedWith;
      return record;
    });
    const result: RunResult = {
      runId: this.#options.runId,
      status: steps.every((step) => step.status === 'ok') ? 'ok' : 'error',
      plan: this.#plan?.plan ?? { steps: this.#states.map((state) => state.validated.step) },
      results: Object.fromEntries(
        this.#states
          .filter((state) => state.phase === 'ok')
          .map((state) => [state.id, state.value]),
      ),
      steps,
      wallMs: this.#now(),
    };
    const answer = this.#plan?.answer;
    if (answer !== undefined) {
      try {
        result.answer = String(resolveValue(answer, { results: this.#results }, ['answer']));
      } catch (error) {
        result.answerError = error as Error;
      }
    }
    return result;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value} (${JSON.stringify(value)})`;
}
