import { resolveValue, type ValidatedPlan } from '../plan/index.js';
import {
  createToolRegistry,
  type Tool,
  type ToolExecutionContext,
  type ToolRegistry,
  type ToolSource,
} from '../tools/index.js';
import { callKey } from './call-key.js';
import { systemClock, type Clock, type TimerHandle } from './clock.js';
import type { PredictedCall, PredictionInput, Predictor, SpeculativeResult } from './predictor.js';
import type { ResultCache } from './result-cache.js';
import { scopedCallKey, shareKey, shareScopeProblem } from './share-key.js';
import { SingleFlight, type Flight, type FlightFollower } from './single-flight.js';
import { StepTimeoutError } from './step-errors.js';

/** How much speculation may spend on one query. */
export interface SpeculationOptions {
  /**
   * Proposals below this confidence are not run.
   * @default 0.5
   */
  minConfidence?: number;
  /**
   * Most speculative calls per query.
   * @default 8
   */
  maxCalls?: number;
  /**
   * Most speculative calls running at once; the rest wait in confidence order.
   * @default 4
   */
  maxConcurrent?: number;
  /**
   * Most total `cost` of the calls started.
   * @default Infinity
   */
  maxCost?: number;
  /**
   * What one call costs, in the unit of `maxCost` (money, quota).
   * @default every call costs 1
   */
  cost?: (call: { tool: string; args: unknown }) => number;
}

export interface SpeculatorOptions extends SpeculationOptions {
  /** The tools the plan will run with: the same tool objects, so that its steps find the calls. */
  tools: ToolSource;
  predictors: readonly Predictor[];
  /** @default the system clock */
  clock?: Clock;
  /** Not speculated when cached; speculative results of tools with `ttlMs` are stored in it. */
  cache?: ResultCache;
  /** Cancels every speculative call. */
  signal?: AbortSignal;
  /**
   * Names the calls' run in their idempotency keys; without a `shareScope`, only a run with
   * this id may take the calls' results (give the plan's execution the same `runId`).
   * @default a random UUID
   */
  runId?: string;
  /**
   * The scope of the run the speculation is for (see `ExecutePlanOptions.shareScope`): runs of
   * this scope may take its results, and the cache is read and written under it.
   * @default undefined (the run of `runId` only)
   */
  shareScope?: string;
}

/** What became of one speculative call. */
export interface SpeculativeCallRecord {
  tool: string;
  args: unknown;
  predictor: string;
  confidence: number;
  /** Times in ms since the speculator started. */
  startMs: number;
  endMs: number | undefined;
  status: 'running' | 'finished' | 'failed' | 'cancelled';
  /** Steps that took its result or joined it, in order. */
  usedBy: string[];
}

/**
 * Speculation's figures for one query; final once the speculator is done. `hits / started` is
 * the hit rate; every started call is either a hit or wasted.
 */
export interface SpeculationMetrics {
  /** Distinct calls proposed (above the threshold or not). */
  proposals: number;
  /** Proposals not run: low confidence, not read-only, invalid, over budget, cached, unsafe. */
  refused: number;
  started: number;
  /** Started calls whose result a plan step used (taken once finished, or joined in flight). */
  hits: number;
  /** Of the hits, those joined while still in flight. */
  joins: number;
  /** Started calls no plan step used (failed ones included). */
  wasted: number;
  /** Of the wasted, those aborted in flight (their `AbortSignal` fired). */
  cancelled: number;
  /**
   * Over the steps served: when each would have finished had it made the call when dispatched,
   * minus when it did finish.
   */
  savedMs: number;
  calls: SpeculativeCallRecord[];
}

/**
 * What a plan step gets from speculation: the finished result, or a place in the flight, which
 * `leave` gives up (the step's own time-out fired first): the call goes on, and the step is not
 * counted as served by it.
 */
export type SpeculationClaim =
  { type: 'finished'; value: unknown } | { type: 'joined'; leave: () => void };

interface Speculation {
  readonly key: string;
  /**
   * The call's number in this run, from 0: its idempotency key's own part. Numbered when the call
   * is accepted, so that calls accepted together (a round of proposals) never share a key — a
   * service that honours keys would give them all the first one's result.
   */
  readonly ordinal: number;
  readonly tool: Tool;
  readonly input: unknown;
  readonly predictor: string;
  readonly confidence: number;
  readonly cost: number;
  phase: 'queued' | 'running' | 'finished' | 'failed' | 'cancelled' | 'dropped';
  startMs: number;
  endMs: number | undefined;
  value: unknown;
  controller: AbortController | undefined;
  timer: TimerHandle | undefined;
  flight: Flight | undefined;
  usedBy: string[];
  /** Steps that joined it in flight, and when: their saving is known once it lands. */
  joiners: Array<{ stepId: string; atMs: number }>;
}

const DEFAULT_COST = () => 1;

/**
 * Runs the calls predictors make likely while the planner is still thinking (issue #9), so that
 * a plan step asking for one takes its result or joins it in flight instead of calling again.
 *
 * States of the speculator:
 *
 *     idle ──start()──► speculating ──planComplete()──► settling ──finish()──► done
 *                            └──────────────(signal aborted / finish())──────────► done
 *
 * While speculating, predictors are asked once at the start and again whenever a speculative
 * call finishes (so a chain's next step can be proposed). Once the plan is complete, no new call
 * starts, and the calls the plan cannot ask for are cancelled; `finish` (the run is over) cancels
 * the rest.
 *
 * States of each call:
 *
 *     proposed ──(refused)
 *        └──► queued ──► running ──► finished ──► consumed (a step took or joined it) | wasted
 *               │           ├──────► failed (a joined step makes the call itself)
 *               │           └──────► cancelled (its AbortSignal fires) → wasted
 *               └──(a step asked for it first, or the plan completed)──► dropped (never ran)
 *
 * Safety is decided here, never by predictors: only tools with `readOnly: true` (and no `policy`
 * of their own) run, each
 * tool + canonical arguments at most once, within `maxCalls`, `maxConcurrent` and `maxCost`; a
 * proposal whose arguments carry text from a speculative result that the query does not contain
 * is refused (DESIGN.md, "Trust": no speculative call with arguments derived from a tool's
 * output). Calls in flight are registered in a single-flight registry private to the query,
 * which plan steps join through `claim`; a failed speculative call is abandoned, not shared, so
 * a step that joined it makes its own call with its own retries. Only the run the speculation is
 * for — its `runId`, or its `shareScope` when it has one — may claim a call (DESIGN.md,
 * "Isolation"), and the cache is read and written under the same key.
 */
export class Speculator {
  readonly #tools: ToolRegistry;
  readonly #predictors: readonly Predictor[];
  readonly #clock: Clock;
  readonly #cache: ResultCache | undefined;
  readonly #signal: AbortSignal | undefined;
  readonly #runId: string;
  /** Who may claim the calls (`shareKey`): the run's scope, or the run alone. */
  readonly #shareKey: string;
  readonly #minConfidence: number;
  readonly #maxCalls: number;
  readonly #maxConcurrent: number;
  readonly #maxCost: number;
  readonly #cost: (call: { tool: string; args: unknown }) => number;
  readonly #flights = new SingleFlight();
  readonly #calls = new Map<string, Speculation>();
  readonly #refusedKeys = new Set<string>();
  readonly #queue: Speculation[] = [];
  readonly #results: SpeculativeResult[] = [];
  /** Text found in speculative results, to spot arguments carrying a tool's output. */
  readonly #resultTexts = new Set<string>();
  /** Numbers and short strings of speculative results, matched whole (see `#carriesToolOutput`). */
  readonly #resultAtoms = new Set<string>();
  #state: 'idle' | 'speculating' | 'settling' | 'done' = 'idle';
  #input: Omit<PredictionInput, 'results'> = { query: '' };
  #startedAt = 0;
  #running = 0;
  #reserved = 0;
  #spent = 0;
  #proposals = 0;
  #refused = 0;
  #savedMs = 0;

  constructor(options: SpeculatorOptions) {
    const minConfidence = options.minConfidence ?? 0.5;
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw new TypeError(
        `Expected \`minConfidence\` to be a number from 0 to 1, got \`${String(minConfidence)}\``,
      );
    }
    const maxCalls = options.maxCalls ?? 8;
    if (!(Number.isInteger(maxCalls) && maxCalls >= 0)) {
      throw new TypeError(
        `Expected \`maxCalls\` to be an integer ≥ 0, got \`${String(maxCalls)}\``,
      );
    }
    const maxConcurrent = options.maxConcurrent ?? 4;
    if (!(Number.isInteger(maxConcurrent) && maxConcurrent > 0)) {
      throw new TypeError(
        `Expected \`maxConcurrent\` to be a positive integer, got \`${String(maxConcurrent)}\``,
      );
    }
    const maxCost = options.maxCost ?? Infinity;
    if (!(maxCost >= 0)) {
      throw new TypeError(`Expected \`maxCost\` to be a number ≥ 0, got \`${String(maxCost)}\``);
    }
    const scopeProblem = shareScopeProblem(options.shareScope);
    if (scopeProblem !== undefined) throw new TypeError(scopeProblem);
    if (!Array.isArray(options.predictors)) {
      throw new TypeError(
        `Expected \`predictors\` to be an array, got \`${String(options.predictors)}\``,
      );
    }
    this.#tools = createToolRegistry(options.tools);
    this.#predictors = options.predictors;
    this.#clock = options.clock ?? systemClock;
    this.#cache = options.cache;
    this.#signal = options.signal;
    this.#runId = options.runId ?? crypto.randomUUID();
    this.#shareKey = shareKey({ shareScope: options.shareScope, runId: this.#runId });
    this.#minConfidence = minConfidence;
    this.#maxCalls = maxCalls;
    this.#maxConcurrent = maxConcurrent;
    this.#maxCost = maxCost;
    this.#cost = options.cost ?? DEFAULT_COST;
  }

  get state(): 'idle' | 'speculating' | 'settling' | 'done' {
    return this.#state;
  }

  /** Asks the predictors and starts what they propose. Call once, before the plan is asked for. */
  start(input: Omit<PredictionInput, 'results'>): void {
    if (this.#state !== 'idle') throw new Error(`Speculator.start: already ${this.#state}.`);
    this.#state = 'speculating';
    this.#input = input;
    this.#startedAt = this.#clock.now();
    if (this.#signal?.aborted) {
      this.finish();
      return;
    }
    this.#signal?.addEventListener('abort', this.#onAbort, { once: true });
    this.#predict();
  }

  /**
   * A plan step is about to call `tool` with the arguments of `key`. When the same call was
   * speculated it gets the result (finished) or is added to the flight (`follower` is then told
   * how it ends: landed, or abandoned so that the step makes the call itself); otherwise
   * `undefined`, and the step calls as usual. A queued call nobody started is dropped. A run of
   * another sharing key (`shareKey` of its `shareScope` and `runId`) gets nothing, and takes
   * nothing from the queue.
   */
  claim(options: {
    tool: Tool;
    key: string;
    /** The claiming run's sharing key (`shareKey`). */
    shareKey: string;
    stepId: string;
    follower: FlightFollower;
  }): SpeculationClaim | undefined {
    if (options.shareKey !== this.#shareKey) return undefined;
    const call = this.#calls.get(options.key);
    if (call === undefined || call.tool !== options.tool || this.#state === 'done')
      return undefined;
    if (call.phase === 'queued') {
      this.#drop(call);
      return undefined;
    }
    if (call.phase === 'finished') {
      call.usedBy.push(options.stepId);
      this.#savedMs += (call.endMs as number) - call.startMs;
      return { type: 'finished', value: call.value };
    }
    if (call.phase !== 'running') return undefined;
    this.#flights.join(call.tool, call.key, options.follower);
    const joiner = { stepId: options.stepId, atMs: this.#now() };
    call.joiners.push(joiner);
    return {
      type: 'joined',
      leave: () => {
        this.#flights.leave(call.tool, call.key, options.follower);
        const position = call.joiners.indexOf(joiner);
        if (position >= 0) call.joiners.splice(position, 1);
      },
    };
  }

  /**
   * The plan is complete: nothing new starts, queued calls are dropped, and calls no step of the
   * plan can ask for are cancelled. A step whose arguments depend on other steps could ask for
   * any call of its tool, so calls of that tool are kept until `finish`.
   */
  planComplete(plan: ValidatedPlan, results: Readonly<Record<string, unknown>> = {}): void {
    if (this.#state !== 'speculating') return;
    this.#state = 'settling';
    for (const call of this.#queue.splice(0)) this.#drop(call);
    const wanted = new Set<string>();
    const open = new Set<string>();
    const known = new Map(Object.entries(results));
    for (const step of plan.steps) {
      const tool = this.#tools.get(step.step.tool);
      if (tool === undefined || tool.readOnly !== true) continue;
      try {
        const items =
          step.forEach === undefined
            ? [undefined]
            : (resolveValue(step.forEach, { results: known }) as unknown[]);
        if (!Array.isArray(items)) throw new TypeError('not an array');
        items.forEach((item, index) => {
          const args = resolveValue(step.args, {
            results: known,
            ...(step.forEach === undefined ? {} : { forEach: { item, index } }),
          });
          const checked = tool.inputSchema.validate(args);
          if (checked.success) wanted.add(callKey(tool.name, checked.value));
        });
      } catch {
        // Its arguments need results not in yet: any call of its tool may still be asked for.
        open.add(tool.name);
      }
    }
    for (const call of this.#calls.values()) {
      if (call.phase !== 'running' || call.usedBy.length > 0 || call.joiners.length > 0) continue;
      if (!wanted.has(call.key) && !open.has(call.tool.name)) this.#cancel(call);
    }
  }

  /** The run is over: cancels every call still in flight; the metrics are final. */
  finish(): void {
    if (this.#state === 'done') return;
    this.#state = 'done';
    this.#signal?.removeEventListener('abort', this.#onAbort);
    for (const call of this.#queue.splice(0)) this.#drop(call);
    for (const call of this.#calls.values()) if (call.phase === 'running') this.#cancel(call);
  }

  metrics(): SpeculationMetrics {
    const started = [...this.#calls.values()].filter((call) => call.phase !== 'dropped');
    const hits = started.filter((call) => call.usedBy.length > 0);
    const wasted = started.filter((call) => call.usedBy.length === 0 && call.phase !== 'running');
    return {
      proposals: this.#proposals,
      refused: this.#refused,
      started: started.length,
      hits: hits.length,
      joins: hits.filter((call) => call.joiners.length > 0).length,
      wasted: wasted.length,
      cancelled: wasted.filter((call) => call.phase === 'cancelled').length,
      savedMs: this.#savedMs,
      calls: started.map((call) => ({
        tool: call.tool.name,
        args: call.input,
        predictor: call.predictor,
        confidence: call.confidence,
        startMs: call.startMs,
        endMs: call.endMs,
        status: call.phase as SpeculativeCallRecord['status'],
        usedBy: [...call.usedBy],
      })),
    };
  }

  readonly #onAbort = (): void => this.finish();

  #now(): number {
    return this.#clock.now() - this.#startedAt;
  }

  #predict(): void {
    const input: PredictionInput = { ...this.#input, results: [...this.#results] };
    const proposals: Array<PredictedCall & { predictor: string }> = [];
    for (const predictor of this.#predictors) {
      try {
        for (const call of predictor.predict(input))
          proposals.push({ ...call, predictor: predictor.name });
      } catch {
        // A predictor's bug costs its guesses, never the query.
      }
    }
    // Most likely first, so that a tight budget goes to the best guesses.
    proposals.sort((left, right) => right.confidence - left.confidence);
    for (const proposal of proposals) this.#consider(proposal);
    this.#pump();
  }

  #consider(proposal: PredictedCall & { predictor: string }): void {
    const tool = this.#tools.get(proposal.tool);
    const checked = tool?.inputSchema.validate(proposal.args);
    const key = checked?.success === true ? callKey(proposal.tool, checked.value) : undefined;
    // Later rounds repeat earlier proposals: each call is decided once.
    if (key !== undefined && (this.#calls.has(key) || this.#refusedKeys.has(key))) return;
    this.#proposals += 1;
    const cost = tool === undefined ? 0 : this.#cost({ tool: tool.name, args: proposal.args });
    if (
      tool === undefined ||
      key === undefined ||
      checked?.success !== true ||
      // Never anything with side effects, whatever a predictor says; nor a tool with a policy of
      // its own, which decides on calls of a plan's steps, and a speculative call has none.
      tool.readOnly !== true ||
      tool.policy !== undefined ||
      !(proposal.confidence >= this.#minConfidence) ||
      this.#reserved >= this.#maxCalls ||
      !(this.#spent + cost <= this.#maxCost) ||
      this.#carriesToolOutput(checked.value) ||
      this.#isCached(tool, key)
    ) {
      this.#refused += 1;
      if (key !== undefined) this.#refusedKeys.add(key);
      return;
    }
    const call: Speculation = {
      key,
      ordinal: this.#calls.size,
      tool,
      input: checked.value,
      predictor: proposal.predictor,
      confidence: proposal.confidence,
      cost,
      phase: 'queued',
      startMs: 0,
      endMs: undefined,
      value: undefined,
      controller: undefined,
      timer: undefined,
      flight: undefined,
      usedBy: [],
      joiners: [],
    };
    this.#calls.set(key, call);
    this.#reserved += 1;
    this.#spent += cost;
    this.#queue.push(call);
  }

  #isCached(tool: Tool, key: string): boolean {
    // A cached call costs the step nothing; speculating it would only spend a call.
    return (
      this.#cache !== undefined &&
      tool.ttlMs !== undefined &&
      this.#cache.get(scopedCallKey(this.#shareKey, key)) !== undefined
    );
  }

  /**
   * Some value in `args` came from a speculative result and not from the query: a string that
   * contains a result's text of 3+ characters, or a number or shorter string equal to one of a
   * result's (a numeric id read from a result is as much the tool's output as a name is).
   */
  #carriesToolOutput(args: unknown): boolean {
    if (this.#resultTexts.size === 0 && this.#resultAtoms.size === 0) return false;
    const query = this.#input.query;
    if (
      strings(args).some((text) =>
        [...this.#resultTexts].some((found) => text.includes(found) && !query.includes(found)),
      )
    )
      return true;
    return atoms(args).some(({ key, text }) => this.#resultAtoms.has(key) && !query.includes(text));
  }

  #pump(): void {
    while (
      this.#state === 'speculating' &&
      this.#running < this.#maxConcurrent &&
      this.#queue.length > 0
    ) {
      this.#start(this.#queue.shift() as Speculation);
    }
  }

  #drop(call: Speculation): void {
    call.phase = 'dropped';
    this.#reserved -= 1;
    this.#spent -= call.cost;
    const position = this.#queue.indexOf(call);
    if (position >= 0) this.#queue.splice(position, 1);
  }

  #start(call: Speculation): void {
    const { tool } = call;
    call.phase = 'running';
    call.startMs = this.#now();
    this.#running += 1;
    const controller = new AbortController();
    call.controller = controller;
    call.flight = this.#flights.begin(tool, call.key, {
      runId: this.#runId,
      stepId: 'speculation',
    });
    const id = `${this.#runId}:speculative:${call.ordinal}:${tool.name}`;
    const context: ToolExecutionContext = {
      signal: controller.signal,
      abortSignal: controller.signal,
      runId: this.#runId,
      stepId: 'speculation',
      toolCallId: id,
      attempt: 1,
      idempotencyKey: id,
      messages: [],
    };
    const timeoutMs = tool.timeoutMs;
    if (timeoutMs !== undefined) {
      call.timer = this.#clock.setTimeout(() => {
        call.timer = undefined;
        const error = new StepTimeoutError({
          stepId: 'speculation',
          toolName: tool.name,
          timeoutMs,
        });
        controller.abort(error);
        this.#fail(call);
      }, timeoutMs);
    }
    let pending: Promise<unknown>;
    try {
      pending = Promise.resolve(tool.execute(call.input, context));
    } catch (error) {
      pending = Promise.reject(error as Error);
    }
    pending.then(
      (value) => this.#succeed(call, value),
      () => this.#fail(call),
    );
  }

  #end(call: Speculation, phase: 'finished' | 'failed' | 'cancelled'): boolean {
    if (call.phase !== 'running') return false;
    call.phase = phase;
    call.endMs = this.#now();
    this.#running -= 1;
    if (call.timer !== undefined) {
      this.#clock.clearTimeout(call.timer);
      call.timer = undefined;
    }
    return true;
  }

  #succeed(call: Speculation, value: unknown): void {
    const checked = call.tool.outputSchema?.validate(value);
    if (checked !== undefined && !checked.success) return this.#fail(call);
    const output = checked === undefined ? value : checked.value;
    if (!this.#end(call, 'finished')) return;
    call.value = output;
    const { tool } = call;
    if (this.#cache !== undefined && tool.ttlMs !== undefined)
      this.#cache.set(scopedCallKey(this.#shareKey, call.key), output, tool.ttlMs);
    call.flight?.land({ ok: true, value: output });
    for (const joiner of call.joiners) {
      call.usedBy.push(joiner.stepId);
      // It would have finished a whole call after it asked; it finished when the call landed.
      this.#savedMs += joiner.atMs - call.startMs;
    }
    this.#results.push({ tool: tool.name, args: call.input, value: output });
    for (const text of strings(output)) if (text.length >= 3) this.#resultTexts.add(text);
    for (const { key } of atoms(output)) this.#resultAtoms.add(key);
    if (this.#state === 'speculating') this.#predict();
    this.#pump();
  }

  #fail(call: Speculation): void {
    if (!this.#end(call, 'failed')) return;
    call.joiners.length = 0;
    call.flight?.abandon();
    this.#pump();
  }

  #cancel(call: Speculation): void {
    if (!this.#end(call, 'cancelled')) return;
    call.controller?.abort(new Error('Speculative call not needed by the plan.'));
    call.flight?.abandon();
    this.#pump();
  }
}

/** Every string inside a JSON-like value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

/** Every number and every string under 3 characters inside a JSON-like value, keyed by type. */
function atoms(value: unknown): Array<{ key: string; text: string }> {
  if (typeof value === 'number') return [{ key: `n:${value}`, text: String(value) }];
  if (typeof value === 'string')
    return value.length > 0 && value.length < 3 ? [{ key: `s:${value}`, text: value }] : [];
  if (Array.isArray(value)) return value.flatMap(atoms);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(atoms);
  return [];
}

/** A speculator for one query (see {@link Speculator}). */
export function createSpeculator(options: SpeculatorOptions): Speculator {
  return new Speculator(options);
}
