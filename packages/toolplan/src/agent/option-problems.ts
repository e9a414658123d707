import { AgentOptionsError } from './agent-options-error.js';

/**
 * The problems found in a set of options, gathered rather than thrown one at a time, so that a
 * caller learns of every wrong option at once (one {@link AgentOptionsError}).
 */
export class OptionProblems {
  readonly #found: string[] = [];

  add(problem: string): void {
    this.#found.push(problem);
  }

  nonNegativeInteger(name: string, value: number): number {
    if (!(Number.isInteger(value) && value >= 0))
      this.add(`Expected \`${name}\` to be a non-negative integer, got \`${String(value)}\``);
    return value;
  }

  positiveInteger(name: string, value: number): number {
    if (!(Number.isInteger(value) && value > 0))
      this.add(`Expected \`${name}\` to be a positive integer, got \`${String(value)}\``);
    return value;
  }

  boolean(name: string, value: boolean): boolean {
    if (typeof value !== 'boolean')
      this.add(`Expected \`${name}\` to be a boolean, got \`${String(value)}\``);
    return value;
  }

  /**
   * Runs another module's check of the option `name`. Those checks throw a `TypeError` at their
   * first problem; it is kept here, named after the option it was found in, and the caller goes on
   * checking the rest. Returns `undefined` when the check failed.
   */
  attempt<T>(name: string, check: () => T): T | undefined {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      this.add(`\`${name}\`: ${error.message}`);
      return undefined;
    }
  }

  /** Throws every problem found so far as one error; does nothing when there is none. */
  throwIfAny(): void {
    const error = this.error();
    if (error !== undefined) throw error;
  }

  /** Every problem found so far as one error, for a caller that reports it rather than throws. */
  error(): AgentOptionsError | undefined {
    return this.#found.length === 0
      ? undefined
      : new AgentOptionsError({ problems: [...this.#found] });
  }

  /**
   * `throwIfAny`, then `values` with `undefined` taken out of their types: past it, every
   * `attempt` they came from succeeded (one that failed added a problem, and that threw).
   */
  settle<T extends Record<string, unknown>>(values: T): { [K in keyof T]: NonNullable<T[K]> } {
    this.throwIfAny();
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined || value === null)
        throw new Error(`OptionProblems.settle: \`${name}\` is missing but no problem was added`);
    }
    return values as { [K in keyof T]: NonNullable<T[K]> };
  }
}
