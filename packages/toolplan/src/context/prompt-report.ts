import type { ResultCut } from './compress-value.js';

/**
 * Which prompt toolplan built; `tools` is a planning prompt's extra round that sends tools the
 * planner asked for (tool selection).
 */
export type PromptPurpose = 'plan' | 'correction' | 'tools' | 'replan' | 'resume' | 'answer';

/** One prompt as it was sent: its size, its budget, and everything cut from it. */
export interface PromptReport {
  purpose: PromptPurpose;
  /** Tokens (o200k) of the prompt as sent. */
  tokens: number;
  budget: number;
  /** Cuts of results, by the per-result compression and by the budget; empty when nothing was cut. */
  cut: ResultCut[];
}
