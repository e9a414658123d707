import { z } from 'zod';
import { defineTool, type Tool } from 'toolplan/internal';

/** How the no-op tool hands back its value: as is, or wrapped in `Promise.resolve`. */
export type NoopReturn = 'sync' | 'promise';

/** Counts `execute` calls, so that a run that skipped or deduplicated calls is caught. */
export interface CallCounter {
  calls: number;
}

export interface NoopInput {
  a?: unknown;
  b?: unknown;
}

export const NOOP_TOOL_NAME = 'noop';

/**
 * The benchmark's only tool: it returns its depth in the DAG, `1 + max(a, b)`, and does nothing
 * else, so that what the benchmark measures is scheduling, not work. The value lets every run be
 * checked step by step against depths computed without the executor.
 *
 * Deliberately NOT `readOnly`: identical calls of a read-only tool share one execution (single
 * flight), and the 9,999 fan-out children all get `{ a: 1 }` — we would measure the dedupe, not
 * the scheduler. Without annotations every call runs. `trusted`: its output is a number it
 * computed, so the default policy, which every side-effecting step passes through and whose cost
 * is measured here too, lets each call go.
 */
export function createNoopTool(counter: CallCounter, returns: NoopReturn): Tool<NoopInput, number> {
  const depth = ({ a, b }: NoopInput): number => {
    counter.calls += 1;
    return 1 + Math.max(typeof a === 'number' ? a : 0, typeof b === 'number' ? b : 0);
  };
  return defineTool({
    name: NOOP_TOOL_NAME,
    description: 'Returns 1 + the larger of its inputs (its depth in the DAG). Does nothing else.',
    inputSchema: z.object({ a: z.unknown().optional(), b: z.unknown().optional() }),
    trusted: true,
    execute: returns === 'sync' ? depth : (input) => Promise.resolve(depth(input)),
  });
}
