/**
 * The timers the model layer waits with (time-outs, back-off). The runtime's `Clock` has this
 * shape, so a run passes its own (a virtual clock in tests); the model layer may not import the
 * runtime, hence the type of its own.
 */
export interface ModelClock {
  now(): number;
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemModelClock: ModelClock = {
  now: () => performance.now(),
  setTimeout: (callback, delayMs) => globalThis.setTimeout(callback, delayMs),
  clearTimeout: (handle) =>
    globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};
