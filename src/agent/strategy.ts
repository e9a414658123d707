import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { Plan } from '../plan/index.js';
import type { StepRecord } from '../runtime/index.js';
import type { ToolRegistry } from '../tools/index.js';

/** What a strategy needs to answer one query. */
export interface StrategyContext {
  query: string;
  tools: ToolRegistry;
  /**
   * A model for this run. Every call made through it is metered by the caller, so strategies
   * are measured alike. `parallelToolCalls` sets `parallel_tool_calls` on tool-loop requests.
   */
  model(options?: { parallelToolCalls?: boolean }): LanguageModelV3;
  signal?: AbortSignal;
}

export interface StrategyResult {
  answer: string;
  /** The plans a planning strategy executed, for reports (lower bounds, timelines). */
  plans?: Plan[];
  /** The executed steps with their times, for reports. */
  steps?: StepRecord[];
  /** Streaming: when each step's JSON closed, in ms since the plan was asked for. */
  arrivals?: Record<string, number>;
}

/** A way of answering a query with tools: a baseline loop, or one of toolplan's pipelines. */
export interface Strategy {
  /** Stable: strategy names are a contract of `toolplan bench --strategy` and `--json`. */
  name: string;
  description: string;
  run(context: StrategyContext): Promise<StrategyResult>;
  /** Tokens of the stable prompt the strategy sends for these tools, where it has one. */
  promptTokens?(tools: ToolRegistry): number;
}
