/** How one tool call ended: its value, or why it failed. */
export type CallOutcome = { ok: true; value: unknown } | { ok: false; error: Error };

/** Someone waiting for a call another run is making. */
export interface FlightFollower {
  /** The call ended; called in a microtask, never inside the owner's own bookkeeping. */
  land(outcome: CallOutcome): void;
  /** The owner gave the call up (its run ended first): the follower must make the call itself. */
  abandon(): void;
}

/** The owner's handle on a call it registered: exactly one of `land` / `abandon`, once. */
export interface Flight {
  /** The run and step that make the call (what a follower's timeline names). */
  readonly runId: string;
  readonly stepId: string;
  land(outcome: CallOutcome): void;
  abandon(): void;
}

interface Entry {
  readonly flight: Flight;
  readonly followers: FlightFollower[];
}

/**
 * Identical calls in flight, shared across runs in the process (issue #7: cross-plan single
 * flight). Calls are keyed by the tool object — not its name, since two registries may hold
 * different tools under one name (one per user, say) — and by a key the caller makes of the
 * runs' sharing key (their `shareScope`, or the run's own id: `shareKey`) and the canonical
 * arguments, so that runs of different scopes never meet here. Only read-only tools are ever
 * registered; the scheduler decides that, not this class.
 *
 * A flight's life:
 *
 *     begin ──► in flight ──┬─(owner lands)────► landed: every follower gets the outcome
 *      join ──► follower ─┐ └─(owner abandons)─► abandoned: every follower is told to call itself
 *                         └─(leave: its own time-out or run ended)─► gone, told nothing
 *
 * Followers get the owner's outcome, errors included (as Go's `singleflight` does): a failure
 * names the owner's step. Outcomes are delivered in a microtask so that one run's scheduler is
 * never re-entered from inside another's. A follower that leaves changes nothing for the owner:
 * its call goes on for the others.
 */
export class SingleFlight {
  readonly #byTool = new WeakMap<object, Map<string, Entry>>();
  #size = 0;

  /** Calls in flight now. */
  get size(): number {
    return this.#size;
  }

  /**
   * Waits for the identical call in flight, if there is one: returns who makes it, or
   * `undefined` when none is in flight (the caller should then `begin` its own).
   */
  join(tool: object, key: string, follower: FlightFollower): Flight | undefined {
    const entry = this.#byTool.get(tool)?.get(key);
    if (entry === undefined) return undefined;
    entry.followers.push(follower);
    return entry.flight;
  }

  /** Stops waiting: `follower` is told nothing more; the call goes on for its owner. */
  leave(tool: object, key: string, follower: FlightFollower): void {
    const followers = this.#byTool.get(tool)?.get(key)?.followers;
    const position = followers?.indexOf(follower) ?? -1;
    if (position >= 0) followers?.splice(position, 1);
  }

  /** Registers a call about to be made; the returned flight must be landed or abandoned. */
  begin(tool: object, key: string, owner: { runId: string; stepId: string }): Flight {
    let entries = this.#byTool.get(tool);
    if (entries === undefined) {
      entries = new Map();
      this.#byTool.set(tool, entries);
    }
    const map = entries;
    let done = false;
    const finish = (notify: (follower: FlightFollower) => void): void => {
      if (done) return;
      done = true;
      const entry = map.get(key);
      if (entry?.flight !== flight) return;
      map.delete(key);
      this.#size -= 1;
      for (const follower of entry.followers) queueMicrotask(() => notify(follower));
    };
    const flight: Flight = {
      runId: owner.runId,
      stepId: owner.stepId,
      land: (outcome) => finish((follower) => follower.land(outcome)),
      abandon: () => finish((follower) => follower.abandon()),
    };
    map.set(key, { flight, followers: [] });
    this.#size += 1;
    return flight;
  }
}

/** A registry of calls in flight, to share between the runs given it (`inFlight` option). */
export function createSingleFlight(): SingleFlight {
  return new SingleFlight();
}

/**
 * What `executePlan` uses unless told otherwise: one registry for the whole process, in which
 * each run's calls are keyed by its `shareScope` (or its own run id), so runs meet only in scope.
 */
export const processSingleFlight: SingleFlight = createSingleFlight();
