import { callKey } from './call-key.js';

/**
 * The side-effect calls made so far, by tool and canonical arguments, shared by the runs of one
 * task (a plan, then its replans; a request retried with the same run id). A run never makes a
 * side-effect call that an earlier run of the same task already made: a replan is a new model
 * decision, and "a tool with side effects never runs twice" must hold across it, not only within
 * one plan. Where the earlier call succeeded and its result was remembered, the step is given
 * that result (as a service answers a repeated idempotency key); otherwise it is refused.
 */
export interface SideEffectLedger {
  has(key: string): boolean;
  add(key: string): void;
  /** Keeps the result of a side-effect call that succeeded. */
  remember?(key: string, value: unknown): void;
  /** The result a side-effect call gave, when it succeeded and was remembered. */
  recall?(key: string): { value: unknown } | undefined;
  readonly size: number;
}

export function createSideEffectLedger(): SideEffectLedger {
  const keys = new Set<string>();
  const results = new Map<string, { value: unknown }>();
  return {
    has: (key) => keys.has(key),
    add: (key) => void keys.add(key),
    remember: (key, value) => void results.set(key, { value }),
    recall: (key) => results.get(key),
    get size() {
      return keys.size;
    },
  };
}

/** The ledger key of a call: the tool's name and its canonical arguments (see `callKey`). */
export const sideEffectKey: (tool: string, input: unknown) => string = callKey;
