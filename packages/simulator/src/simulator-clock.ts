import { setTimeout as delay } from 'node:timers/promises';

/** Where the simulator reads the time and waits; tests may pass their own. */
export interface SimulatorClock {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  /** Resolves after `ms` milliseconds; rejects when `signal` aborts (the client went away). */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const systemClock: SimulatorClock = {
  now: () => performance.now(),
  sleep: (ms, signal) => delay(ms, undefined, { signal }),
};
