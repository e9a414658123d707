import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { Plan } from 'toolplan/internal';
import type {
  Predictor,
  SpeculationMetrics,
  StepRecord,
  ToolPolicy,
  ToolSelectionReport,
} from 'toolplan/internal';
import type { ToolRegistry } from 'toolplan/internal';

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
  /** Predictors for the query's likely calls; strategies that speculate (`plan+predict`) use them. */
  predictors?: readonly Predictor[];
  /**
   * The run's policy for side-effecting tools without one of their own (toolplan's strategies
   * pass it to `execute.policy`; the loops have no policies). The injection benchmark runs
   * undefended strategies with `() => 'allow'`.
   * @default toolplan's `defaultPolicy`
   */
  policy?: ToolPolicy;
}

export interface StrategyResult {
  answer: string;
  /** The plans a planning strategy executed, for reports (lower bounds, timelines). */
  plans?: Plan[];
  /** The executed steps with their times, for reports. */
  steps?: StepRecord[];
  /** Streaming: when each step's JSON closed, in ms since the plan was asked for. */
  arrivals?: Record<string, number>;
  /**
   * How the answer was made, where the strategy knows: from a compiled chain or the plan cache
   * (no model call), the plan's template, or a join call.
   */
  answeredBy?: 'chain' | 'plan-cache' | 'template' | 'joiner';
  /** Speculating strategies: what their speculation proposed, ran, hit and wasted. */
  speculation?: SpeculationMetrics;
  /** Planning strategies with tool selection on: the tools their planner was sent. */
  toolSelection?: ToolSelectionReport;
  /**
   * What each model call of the run was for, in call order, where the strategy knows (toolplan's
   * planner: `plan`, `correction`, `replan`, `resume`; its joiner: `answer`): the bench counts the
   * planner's tokens apart from the joiner's.
   */
  modelCallPurposes?: readonly string[];
}

/** A way of answering a query with tools: a baseline loop, or one of toolplan's pipelines. */
export interface Strategy {
  /** Stable: strategy names are a contract of `toolplan bench --strategy` and `--json`. */
  name: string;
  description: string;
  run(context: StrategyContext): Promise<StrategyResult>;
  /** Tokens of the stable prompt the strategy sends for these tools, where it has one. */
  promptTokens?(tools: ToolRegistry): number;
  /**
   * Strategies that learn across queries (compiled chains, the plan cache) return a new instance
   * that has learned nothing. The bench gives each stream of traffic its own instance, and every
   * other run a fresh one, so that nothing learned leaks between scenarios or strategies.
   */
  fresh?(): Strategy;
}
