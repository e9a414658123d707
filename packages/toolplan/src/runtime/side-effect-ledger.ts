import { callKey } from './call-key.js';

/**
 * The side-effect calls made so far, by tool and canonical arguments, shared by the runs of one
 * task (a plan, then its replans). A run refuses a call with side effects that an earlier run of
 * the same task already made: a replan is a new model decision, and "a tool with side effects
 * never runs twice" must hold across it, not only within one plan.
 */
export interface SideEffectLedger {
  has(key: string): boolean;
  add(key: string): void;
  readonly size: number;
}

export function createSideEffectLedger(): SideEffectLedger {
  const keys = new Set<string>();
  return {
    has: (key) => keys.has(key),
    add: (key) => void keys.add(key),
    get size() {
      return keys.size;
    },
  };
}

/** The ledger key of a call: the tool's name and its canonical arguments (see `callKey`). */
export const sideEffectKey: (tool: string, input: unknown) => string = callKey;
