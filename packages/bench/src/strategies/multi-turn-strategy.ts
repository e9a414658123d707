import type { StrategyContext } from './strategy.js';

/** One conversation: questions asked in order, each answered with what the earlier ones left. */
export interface Conversation {
  ask(query: string, options?: { signal?: AbortSignal }): Promise<{ answer: string }>;
}

/**
 * A way of holding a conversation over tools: how much of the earlier turns each new question
 * carries to the model is what tells these strategies apart.
 */
export interface MultiTurnStrategy {
  /** Stable: names are a contract of `toolplan bench --strategy` and `--json`. */
  name: string;
  description: string;
  /** Starts a conversation; every model call is made through `context.model`, so it is metered. */
  start(context: Omit<StrategyContext, 'query' | 'signal'>): Conversation;
}
