type GcFunction = (options?: { type?: 'major' | 'minor'; execution?: 'sync' | 'async' }) => void;

const gc = (globalThis as { gc?: GcFunction }).gc;

/** True when node runs with `--expose-gc`, so that runs can start from a collected heap. */
export const canCollectGarbage = typeof gc === 'function';

/**
 * A full collection. Only before a shape's warm-up, never between timed runs: on Node 20 a
 * forced full `gc()` throws away the optimised code of the functions that ran (with `gc()`
 * before each run, `--trace-opt` counted 402 optimisations in 20 runs of the chain instead of
 * 110), so every timed run would start in the interpreter and re-optimise half-way — executePlan
 * on the chain measured 37–39 ms instead of 15–16 ms. That is JIT warm-up, not scheduling.
 */
export function collectAllGarbage(): void {
  gc?.();
}

/**
 * Empties the young generation between timed runs, so that a run does not pay for scavenging
 * the last run's garbage. (On Node 20, `gc({ type: 'minor' })` is a scavenge; it keeps the code.)
 */
export function collectYoungGarbage(): void {
  gc?.({ type: 'minor' });
}
