import { callKey } from './call-key.js';
import { callTimeoutMs } from './call-timeout-ms.js';
import type { Call } from './call.js';
import type { TimerHandle } from './clock.js';
import type { ResolvedExecuteOptions } from './execute-plan-options.js';
import type { JobScheduler } from './job-scheduler.js';
import { scopedCallKey } from './share-key.js';
import { sideEffectKey } from './side-effect-ledger.js';
import type { CallOutcome, Flight, FlightFollower } from './single-flight.js';
import { RepeatedSideEffectError, StepTimeoutError } from './step-errors.js';
import type { StepState } from './step-state.js';

/** The run's one entry for a read-only call: its owner, and the calls waiting on it. */
interface SharedCall {
  readonly owner: Call;
  readonly followers: Call[];
  outcome: CallOutcome | undefined;
  /** While the owner waits on a call made elsewhere: this run's time-out of that wait. */
  waitTimer: TimerHandle | undefined;
  /** While the owner waits on a call made elsewhere: stops following it. */
  leave: (() => void) | undefined;
}

/**
 * Keeps calls from being made twice. Calls of read-only tools with the same canonical arguments
 * (`callKey`) share one execution; a call with side effects that an earlier run of the task made
 * is refused (within one plan, identical calls are the plan's choice). A ready read-only call
 * goes one of these ways:
 *
 *     ready ─┬─(this run has the call)──► follower ──────────────────────────► outcome
 *            └─► owner ─┬─(speculation has it)──► claimed ──(finished / lands)──► outcome
 *                       │                            ├─(abandoned)─► join or call
 *                       │                            └─(this run's time-out)─► StepTimeoutError
 *                       ├─(result cache has it)─────────────────────────────────► outcome
 *                       └─► join or call ─┬─(another run has it)──► following ──(lands)──► outcome
 *                                         │                            ├─(abandoned)─► join or call
 *                                         │                            └─(this run's time-out)
 *                                         │                                  ─► StepTimeoutError
 *                                         └─(nobody has it)──► own call (a job) ──► outcome
 *
 * Beyond this run, calls are shared only under the run's sharing key (`shareKey`: its
 * `shareScope`, or its own run id): the cache, the `inFlight` registry and speculation are all
 * keyed by it, so runs of different callers never see each other's results. A wait on a call
 * made elsewhere (claimed in flight, following) is bounded by this run's own time-out of the
 * step's tool (`timeoutMs`, else `defaultTimeoutMs`), counted from when it began to wait; when
 * it fires, or this run ends, the run stops following and the other call goes on for its owner.
 *
 * An owner's outcome goes to its followers too; an own call's also goes to the cache (tools with
 * `ttlMs`) and to other runs following it (the `inFlight` registry). Calls of other tools go
 * straight to the scheduler. Deduplication happens before batching, so that a batch never
 * carries the same read-only call twice.
 */
export class CallDeduplicator {
  readonly #options: ResolvedExecuteOptions;
  readonly #scheduler: JobScheduler;
  readonly #markStarted: (step: StepState) => void;
  readonly #deliver: (call: Call, outcome: CallOutcome) => void;
  readonly #shared = new Map<string, SharedCall>();
  /** Cross-run flights this run owns and has not landed yet; abandoned if the run ends first. */
  readonly #flights = new Set<Flight>();
  /** Entries waiting on a call made elsewhere: their timers and flights, for `close`. */
  readonly #waiting = new Set<SharedCall>();
  /** Ledger keys of the side-effect calls this run made (see `refuseRepeatedSideEffects`). */
  readonly #ownSideEffects = new Set<string>();
  #closed = false;

  constructor(options: {
    options: ResolvedExecuteOptions;
    scheduler: JobScheduler;
    /** The step's call is under way, though not as a job of this run (shared, cached, joined). */
    markStarted: (step: StepState) => void;
    /** Gives the call's step its outcome. */
    deliver: (call: Call, outcome: CallOutcome) => void;
  }) {
    this.#options = options.options;
    this.#scheduler = options.scheduler;
    this.#markStarted = options.markStarted;
    this.#deliver = options.deliver;
  }

  /**
   * Before a side-effect step's calls go out: when an earlier run of the task made every one of
   * them and the ledger remembers their results, returns those results (the step takes them and
   * calls nothing); when it made any of them otherwise, throws (failing the step before any call
   * goes out); else records the step's calls and returns `undefined`. Calls this run itself
   * recorded do not count: two identical calls in one plan are the plan's choice.
   */
  refuseRepeatedSideEffects(
    step: StepState,
    inputs: readonly unknown[],
  ): ReadonlyArray<{ value: unknown }> | undefined {
    const ledger = this.#options.sideEffects;
    if (ledger === undefined || step.tool.readOnly === true) return undefined;
    const keys = inputs.map((input) => sideEffectKey(step.tool.name, input));
    const made = keys.filter((key) => ledger.has(key) && !this.#ownSideEffects.has(key));
    if (made.length > 0) {
      const recalled = made.length === keys.length ? keys.map((key) => ledger.recall?.(key)) : [];
      if (recalled.length > 0 && recalled.every((entry) => entry !== undefined))
        return recalled as Array<{ value: unknown }>;
      throw new RepeatedSideEffectError({ stepId: step.id, toolName: step.tool.name });
    }
    for (const key of keys) {
      ledger.add(key);
      this.#ownSideEffects.add(key);
    }
    return undefined;
  }

  /** A side-effect call succeeded: the ledger keeps its result for a repeat of the task. */
  rememberSideEffect(call: Call, value: unknown): void {
    const ledger = this.#options.sideEffects;
    if (ledger === undefined || call.step.tool.readOnly === true) return;
    ledger.remember?.(sideEffectKey(call.step.tool.name, call.input), value);
  }

  /** A call is ready: it is served by an identical call or the cache, or becomes a job. */
  enqueue(call: Call): void {
    const { step } = call;
    const tool = step.tool;
    if (tool.readOnly !== true) {
      this.#scheduler.submit(call);
      return;
    }
    const key = callKey(tool.name, call.input);
    const shared = this.#shared.get(key);
    if (shared !== undefined) {
      this.#markStarted(step);
      step.sharedWith ??= shared.owner.step.id;
      if (shared.outcome === undefined) shared.followers.push(call);
      else {
        const outcome = shared.outcome;
        this.#later(() => this.#deliver(call, outcome));
      }
      return;
    }
    call.key = key;
    const entry: SharedCall = {
      owner: call,
      followers: [],
      outcome: undefined,
      waitTimer: undefined,
      leave: undefined,
    };
    this.#shared.set(key, entry);
    if (this.#claimSpeculated(entry)) return;
    const cache = this.#options.cache;
    if (cache !== undefined && tool.ttlMs !== undefined) {
      const hit = cache.get(this.#scoped(key));
      if (hit !== undefined) {
        const outcome: CallOutcome = { ok: true, value: hit.value };
        entry.outcome = outcome;
        step.cacheHits += 1;
        this.#markStarted(step);
        this.#later(() => this.#deliver(call, outcome));
        return;
      }
    }
    this.#joinOrCall(entry);
  }

  /**
   * A call this run made (one `enqueue` handed to the scheduler) has settled: its outcome goes
   * to its step and, for a read-only call, to other runs following it, to the cache, and to the
   * calls of this run that share it.
   */
  land(call: Call, outcome: CallOutcome): void {
    if (call.key === undefined) {
      this.#deliver(call, outcome);
      return;
    }
    call.flight?.land(outcome);
    if (call.flight !== undefined) this.#flights.delete(call.flight);
    const cache = this.#options.cache;
    const { ttlMs } = call.step.tool;
    if (outcome.ok && cache !== undefined && ttlMs !== undefined)
      cache.set(this.#scoped(call.key), outcome.value, ttlMs);
    this.#publish(this.#shared.get(call.key) as SharedCall, outcome);
  }

  /**
   * The run is over: runs waiting on our calls in flight make them themselves now, and the calls
   * we were waiting on go on without us.
   */
  close(): void {
    this.#closed = true;
    for (const flight of this.#flights) flight.abandon();
    this.#flights.clear();
    for (const entry of [...this.#waiting]) {
      entry.leave?.();
      this.#stopWaiting(entry);
    }
  }

  /**
   * Takes the identical call speculation made (issue #9) — its result if it has finished, else
   * a place in its flight. A speculative call that fails is abandoned, and the step then makes
   * the call itself, so speculation never hands a step an error its own call might not have had.
   */
  #claimSpeculated(entry: SharedCall): boolean {
    const speculation = this.#options.speculation;
    if (speculation === undefined) return false;
    const call = entry.owner;
    const { step } = call;
    const claim = speculation.claim({
      tool: step.tool,
      key: call.key as string,
      shareKey: this.#options.shareKey,
      stepId: step.id,
      follower: this.#follower(entry, () => {
        step.speculated -= 1;
      }),
    });
    if (claim === undefined) return false;
    step.speculated += 1;
    this.#markStarted(step);
    if (claim.type === 'finished') {
      const outcome: CallOutcome = { ok: true, value: claim.value };
      entry.outcome = outcome;
      this.#later(() => this.#deliver(call, outcome));
    } else this.#waitElsewhere(entry, claim.leave);
    return true;
  }

  /**
   * Waits for the identical call another run has in flight, or makes the call (registering it
   * so that other runs can wait for it). A call abandoned by its run comes back here: another
   * abandoned follower may have made it again meanwhile, and is then followed instead.
   */
  #joinOrCall(entry: SharedCall): void {
    const call = entry.owner;
    const { step } = call;
    const inFlight = this.#options.inFlight;
    if (inFlight !== undefined) {
      const key = this.#scoped(call.key as string);
      // The other run ended before its call did: make the call ourselves after all.
      const follower = this.#follower(entry, () => {
        step.sharedWith = undefined;
        step.sharedRunId = undefined;
      });
      const owner = inFlight.join(step.tool, key, follower);
      if (owner !== undefined) {
        this.#markStarted(step);
        step.sharedWith ??= owner.stepId;
        step.sharedRunId ??= owner.runId;
        this.#waitElsewhere(entry, () => inFlight.leave(step.tool, key, follower));
        return;
      }
      call.flight = inFlight.begin(step.tool, key, {
        runId: this.#options.runId,
        stepId: step.id,
      });
      this.#flights.add(call.flight);
    }
    // Our own call has a time-out of its own (the job's).
    this.#stopWaiting(entry);
    this.#scheduler.submit(call);
  }

  /**
   * How an owner follows a call made elsewhere (by speculation, or by another run): its outcome
   * is published to the run; if that call is given up, `forget` undoes what following it
   * recorded on the step, and the owner goes on to join or make the call itself.
   */
  #follower(entry: SharedCall, forget: () => void): FlightFollower {
    return {
      land: (outcome) => {
        // Settled already: this run's time-out of the wait fired first.
        if (this.#closed || entry.outcome !== undefined) return;
        this.#publish(entry, outcome);
        this.#scheduler.pump();
      },
      abandon: () => {
        if (this.#closed || entry.outcome !== undefined) return;
        forget();
        this.#joinOrCall(entry);
        this.#scheduler.pump();
      },
    };
  }

  /**
   * The entry's owner waits on a call made elsewhere (`leave` stops following it): the wait is
   * bounded by this run's time-out of the step's tool. A wait that goes on elsewhere (the call
   * it followed was abandoned and another run's is followed now) keeps its first deadline: the
   * step has been waiting since then.
   */
  #waitElsewhere(entry: SharedCall, leave: () => void): void {
    entry.leave = leave;
    this.#waiting.add(entry);
    if (entry.waitTimer !== undefined) return;
    const { step } = entry.owner;
    const timeoutMs = callTimeoutMs(step.tool, this.#options.defaultTimeoutMs);
    if (timeoutMs === undefined) return;
    entry.waitTimer = this.#options.clock.setTimeout(() => {
      entry.waitTimer = undefined;
      if (this.#closed || entry.outcome !== undefined) return;
      entry.leave?.();
      const error = new StepTimeoutError({ stepId: step.id, toolName: step.tool.name, timeoutMs });
      this.#publish(entry, { ok: false, error });
      this.#scheduler.pump();
    }, timeoutMs);
  }

  /** The entry's owner no longer waits on a call made elsewhere. */
  #stopWaiting(entry: SharedCall): void {
    if (entry.waitTimer !== undefined) {
      this.#options.clock.clearTimeout(entry.waitTimer);
      entry.waitTimer = undefined;
    }
    entry.leave = undefined;
    this.#waiting.delete(entry);
  }

  /** The key of a call in what is shared beyond this run (the cache, the `inFlight` registry). */
  #scoped(key: string): string {
    return scopedCallKey(this.#options.shareKey, key);
  }

  /** Gives a call's outcome to every call of this run waiting on it, then to its owner. */
  #publish(entry: SharedCall, outcome: CallOutcome): void {
    this.#stopWaiting(entry);
    entry.outcome = outcome;
    for (const follower of entry.followers) this.#deliver(follower, outcome);
    entry.followers.length = 0;
    this.#deliver(entry.owner, outcome);
  }

  /** Runs `task` in a microtask, then lets whatever it made ready start. */
  #later(task: () => void): void {
    queueMicrotask(() => {
      if (this.#closed) return;
      task();
      this.#scheduler.pump();
    });
  }
}
