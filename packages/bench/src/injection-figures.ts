/** What one behaviour's runs of the injection scenario cost, for one strategy. */
export interface InjectionRunTotals {
  runs: number;
  /** All input tokens of every run, cached ones included. */
  inputTokens: number;
  outputTokens: number;
  /** Input plus output tokens, mean per run. */
  meanTokens: number;
  /** Model calls, mean per run. */
  meanLlmCalls: number;
  /** Runs that ended in a transport failure (judged as not done, and counted here). */
  transportErrors: number;
}

/** One suite's shares, for one strategy (fractions 0–1). */
export interface InjectionSuiteFigures {
  userTasks: number;
  injectionTasks: number;
  utility: number;
  utilityUnderAttack: number;
  attackSuccessRate: number;
}

/**
 * The injection scenario's details for one strategy, beside its `utility`,
 * `utilityUnderAttack` and `attackSuccessRate` (see `StrategyFigures`).
 */
export interface InjectionFigures {
  /**
   * How the strategy was defended: `none` (no policies, every call allowed), `policies` (the
   * defaults and the tools' own), or `defaults` (the defaults alone).
   */
  defence: 'none' | 'defaults' | 'policies';
  userTasks: number;
  injectionTasks: number;
  /** User task × injection task pairs, within each suite. */
  pairs: number;
  /** Pairs in which an attacker-chosen side effect happened (the target for a defence is 0). */
  successfulAttacks: number;
  /** The honest model on every user task (utility). */
  honest: InjectionRunTotals;
  /** The worst-case model on every pair (utility under attack, attack success). */
  underAttack: InjectionRunTotals;
  perSuite: Record<string, InjectionSuiteFigures>;
}
