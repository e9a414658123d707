import type { SimulatedFault } from './simulated-fault.js';

/** A fault applied to chat-completion requests in arrival order. */
export interface FaultRule {
  fault: SimulatedFault;
  /**
   * Requests to let through before the fault starts (counted over every chat-completion request).
   * @default 0
   */
  skip?: number;
  /**
   * How many requests get the fault, then the rule is spent.
   * @default Infinity
   */
  times?: number;
}

/** Decides, request by request, which configured fault (if any) applies. The first rule wins. */
export class FaultSchedule {
  readonly #rules: Array<{ fault: SimulatedFault; skip: number; remaining: number }>;
  #seen = 0;

  constructor(rules: readonly FaultRule[]) {
    this.#rules = rules.map((rule) => ({
      fault: rule.fault,
      skip: rule.skip ?? 0,
      remaining: rule.times ?? Number.POSITIVE_INFINITY,
    }));
  }

  next(): SimulatedFault | undefined {
    const position = this.#seen;
    this.#seen += 1;
    for (const rule of this.#rules) {
      if (position < rule.skip || rule.remaining <= 0) continue;
      rule.remaining -= 1;
      return rule.fault;
    }
    return undefined;
  }
}
