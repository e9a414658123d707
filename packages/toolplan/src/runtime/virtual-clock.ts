import type { Clock, TimerHandle } from './clock.js';

interface Timer {
  id: number;
  at: number;
  callback: () => void;
}

/**
 * A clock whose time moves only when told to, for deterministic tests of scheduling (in the
 * manner of p-graph's virtual ticks). Timers fire in time order, ties in creation order, and the
 * microtask queue is drained between timers so that promise chains settle as they would in real
 * time.
 */
export class VirtualClock implements Clock {
  #now = 0;
  #nextId = 1;
  #timers: Timer[] = [];

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const timer = { id: this.#nextId++, at: this.#now + Math.max(0, delayMs), callback };
    this.#timers.push(timer);
    this.#timers.sort((left, right) => left.at - right.at || left.id - right.id);
    return timer.id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.#timers = this.#timers.filter((timer) => timer.id !== handle);
  }

  /** Timers not yet fired: a test can assert none leaked once a run is over. */
  get pendingTimers(): number {
    return this.#timers.length;
  }

  /** Fires every timer due within the next `ms` milliseconds, then sets the time to now + `ms`. */
  async advance(ms: number): Promise<void> {
    const target = this.#now + ms;
    await settle();
    for (;;) {
      const next = this.#timers[0];
      if (next === undefined || next.at > target) break;
      this.#timers.shift();
      this.#now = next.at;
      next.callback();
      await settle();
    }
    this.#now = target;
    await settle();
  }

  /** Fires timers in order until none is left (or `limit` have fired, against runaway loops). */
  async runAll(limit = 100_000): Promise<void> {
    await settle();
    for (let fired = 0; fired < limit; fired += 1) {
      const next = this.#timers.shift();
      if (next === undefined) return;
      this.#now = next.at;
      next.callback();
      await settle();
    }
    throw new Error(
      `VirtualClock.runAll: more than ${limit} timers fired; a timer loop never ends.`,
    );
  }

  /** Resolves after `ms` of virtual time: what a simulated tool awaits. */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const handle = this.setTimeout(resolve, ms);
      signal?.addEventListener(
        'abort',
        () => {
          this.clearTimeout(handle);
          reject(signal.reason);
        },
        { once: true },
      );
    });
  }
}

export function createVirtualClock(): VirtualClock {
  return new VirtualClock();
}

// Lets every pending promise callback run: a macrotask boundary drains the microtask queue.
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
