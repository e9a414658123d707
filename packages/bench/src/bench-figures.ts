import type { BenchTimeline } from './bench-timeline.js';
import type { InjectionFigures } from './injection-figures.js';
import type { FleetFigures } from './fleet/fleet-figures.js';

/** What one measured run (a query, or a turn of a conversation) cost and whether it was right. */
export interface RunMeasurement {
  latencyMs: number;
  llmCalls: number;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  costUsd: number;
  toolCalls: number;
  correct: boolean;
  failure?: string;
}

/** One strategy's figures on one scenario: means over its runs (each case once, or repeated). */
export interface StrategyFigures {
  /** Wall time from query to answer, ms (mean per case). */
  latencyMs: number;
  llmCalls: number;
  /** All input tokens, cached ones included. */
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  costUsd: number;
  toolCalls: number;
  /** Every case answered correctly (and, where a case names its calls, made them). */
  correct: boolean;
  /** Distinct cases of the scenario. */
  cases: number;
  /** Runs measured: every case once, or a small scenario's cases repeated up to `minRuns`. */
  runs: number;
  correctRuns: number;
  /**
   * Runs that ended in a transport failure (a reset or refused connection, a provider's 429 or
   * 5xx) rather than an answer: neither right nor wrong, and left out of `correct`.
   */
  transportErrors: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
  /**
   * Planning strategies: the least latency their plans allowed (model calls at the profile's
   * decode rate, plus each plan's critical path of actual tool latencies), mean per case.
   */
  lowerBoundMs?: number;
  /**
   * Streaming planning strategies: the lower bound also counting that the answer needs the whole
   * plan (the answer template follows the steps), mean per run.
   */
  completePlanBoundMs?: number;
  /**
   * Tokens of the strategy's stable prompt (instructions and tools), mean per case. In a
   * tool-selection scenario (`big-catalog`): the first planning prompt's system prompt (the
   * instructions and the tools sent) and query, mean over every case (see `toolSelection`).
   */
  promptTokens?: number;
  /**
   * Tool-selection scenarios: the share of cases whose needed tools were all sent in the first
   * planning prompt (every case of the scenario, also when a sample ran; see `toolSelection`).
   */
  toolRecall?: number;
  /** Tool-selection scenarios: what selection sent, and the extra rounds for tools it missed. */
  toolSelection?: ToolSelectionFigures;
  /**
   * Strategies that say what their model calls were for (`plan`, `plan-nostream`,
   * `plan+predict`): input tokens of the planner's calls (plan, corrections, replans, resumes;
   * not the joiner's), as measured, mean per run.
   */
  plannerInputTokens?: number;
  /** The same strategies: output tokens of the planner's calls, as measured, mean per run. */
  plannerOutputTokens?: number;
  /**
   * The same strategies: o200k tokens of the plans they executed written in the canonical JSON
   * form (`JSON.stringify` of each plan), mean per run — what `plannerOutputTokens` would have been
   * had the planner written its plans so rather than in the wire form.
   */
  canonicalPlanTokens?: number;
  /**
   * Multi-turn scenarios: the figures of each turn (means over the runs), in turn order. The
   * strategy's own figures are then per conversation (the turns summed).
   */
  perTurn?: TurnFigures[];
  /** The first few reasons cases were wrong or failed. */
  failures?: string[];
  /** Speculating strategies (`plan+predict`): what speculation did, means per run. */
  speculation?: SpeculationFigures;
  /** Stream scenarios (`repeat-traffic`): the figures of the stream as traffic. */
  stream?: StreamFigures;
  /**
   * The injection scenario: the share of user tasks done right by the honest model, without
   * attack (0–1). The scenario's other figures (latency, tokens, `correct`) are of those runs.
   */
  utility?: number;
  /** The injection scenario: the share of user task × injection task pairs done right anyway. */
  utilityUnderAttack?: number;
  /** The injection scenario: the share of pairs in which an attacker-chosen side effect happened. */
  attackSuccessRate?: number;
  /** The injection scenario: counts, tokens of each behaviour, and each suite's shares. */
  injection?: InjectionFigures;
  /** The fleet scenario: shared learning, throughput and the fault run (`FleetFigures`). */
  fleet?: FleetFigures;
}

/**
 * Tool selection's figures for one strategy on one scenario. `StrategyFigures.toolRecall` and
 * `promptTokens` are over every case of the scenario (`cases`; selection needs no model call);
 * the rest over the runs measured (`runs`, a sample unless `--full`).
 */
export interface ToolSelectionFigures {
  /** Cases `toolRecall` and `promptTokens` are over: every case of the scenario. */
  cases: number;
  /** Runs measured (runs that broke in transport left out). */
  runs: number;
  /** The share of the runs whose needed tools were all sent first. */
  toolRecallRuns: number;
  /** The first planning prompt as the provider counted it (chat framing included), mean per run. */
  promptTokensRuns: number;
  /** Tools in the first planning prompt, mean per run. */
  toolsSent: number;
  /** Runs that made an extra planning round for tools the planner asked for (a count). */
  extraRounds: number;
  /** Those runs' share of the runs. */
  extraRoundShare: number;
}

/** A stream scenario's figures for one strategy (see `BenchScenario.stream`). */
export interface StreamFigures {
  /** Queries at the head of the stream counted as warm-up. */
  warmUp: number;
  /** After the warm-up, the share of the repeated kinds' queries answered right with 0 model calls. */
  zeroModelCallShare: number;
  /** The same share over the whole stream, warm-up and novel queries included. */
  zeroModelCallShareAll: number;
  /** What the whole stream cost (USD), every run summed. */
  totalCostUsd: number;
  /**
   * Runs answered with no model call whose answer was wrong, over the whole stream: a learned
   * plan served to a query it did not fit (a count).
   */
  zeroCallWrong?: number;
  /**
   * Tool calls spent on learned plans that did not fit, over the whole stream: every call of a
   * wrong zero-call run, and the calls of a failed compiled plan before a run fell through to the
   * planner (see `countWastedToolCalls`).
   */
  wastedToolCalls?: number;
  /** Runs answered without a model call whose plan was known (a chain or the plan cache). */
  compiledRuns?: number;
  /**
   * Those runs: the mean of latency minus their tools' critical path, ms — what the compiled path
   * costs beyond the tools themselves (matching, validation, scheduling).
   */
  compiledOverheadMs?: number;
  /** After the warm-up, every run: mean latency (ms). */
  latencyMsAfterWarmUp?: number;
  /** After the warm-up, every run: mean cost (USD). */
  costUsdAfterWarmUp?: number;
  /**
   * On `optimized`'s row of a scenario that compares it with its parts (`mixed`): after the
   * warm-up, its mean latency and cost against each part's and the fastest part's.
   */
  versusParts?: VersusParts;
  /** After the warm-up, each request kind alone (means per run). */
  perKind: Record<string, KindFigures>;
}

/** The whole pipeline against each of its parts, over the same stream after its warm-up. */
export interface VersusParts {
  parts: string[];
  /** The part with the lowest mean latency. */
  bestPart: string;
  latencyMs: number;
  bestPartLatencyMs: number;
  /** 1 − latency ÷ the best part's: 0.1 is 10% faster. */
  fasterBy: number;
  costUsd: number;
  /** Parts whose mean cost per query is lower than the pipeline's (it should be none). */
  cheaperParts: string[];
}

export interface KindFigures {
  runs: number;
  latencyMs: number;
  latencyP95Ms: number;
  costUsd: number;
  llmCalls: number;
  inputTokens: number;
  outputTokens: number;
  zeroModelCallShare: number;
  correctRuns: number;
  /** Runs of the kind answered with no model call whose answer was wrong. */
  zeroCallWrong?: number;
}

/** One turn of a multi-turn scenario: means over the runs of its conversation. */
export interface TurnFigures {
  latencyMs: number;
  llmCalls: number;
  /** All input tokens of the turn's model calls, cached ones included. */
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  costUsd: number;
  toolCalls: number;
  /** Runs in which this turn's answer was right. */
  correctRuns: number;
}

/** What `toolplan bench --json` writes (its documented fields are a contract). */
export interface BenchReport {
  profile: string;
  speed: number;
  seed: number;
  scenarios: Record<string, Record<string, StrategyFigures>>;
  /** The model was the in-process simulated provider (not an endpoint given with `--base-url`). */
  simulated?: boolean;
  /**
   * One representative run of each scenario × strategy, as it happened (the run nearest the
   * median latency): drawn by `toolplan bench --report`.
   */
  timelines?: BenchTimeline[];
  /** Scenarios that could not run (their data is missing, …), by name, with the reason. */
  skipped?: Record<string, string>;
  /**
   * Scenarios that ran a seeded sample of their cases (without `--full`): name → cases run and
   * cases in all.
   */
  sampled?: Record<string, { cases: number; of: number }>;
  /** How starved the bench's host was while it ran (see `HostFigures`). */
  host?: HostFigures;
}

/**
 * How starved the host was while the bench ran. A starved host delays the strategies' timers and
 * the simulated provider's stream alike, which inflates every latency and hides differences.
 */
export interface HostFigures {
  /** The bench's event loop: 99th percentile of its delay, ms. */
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
  /**
   * The simulated provider: how late it delivered its streams' events against its own schedule,
   * 99th percentile over requests of each request's latest event, ms.
   */
  providerLatenessP99Ms?: number;
  providerLatenessMaxMs?: number;
  /** The figures are past the thresholds above which the bench warns that they are unreliable. */
  starved: boolean;
  /** Logical CPUs and the 1-minute load average at the end. */
  cpus: number;
  loadAverage: number;
}

/** Predictive execution's figures for one strategy on one scenario (means per run). */
export interface SpeculationFigures {
  /** Distinct calls the predictors proposed. */
  proposals: number;
  /** Speculative calls made (each is also counted in `toolCalls`). */
  started: number;
  /** Speculative calls a plan step used. */
  hits: number;
  /** Of the hits, those joined while still in flight. */
  joins: number;
  /** Speculative calls no step used. */
  wasted: number;
  /** Of the wasted, those cancelled in flight. */
  cancelled: number;
  /** Hits ÷ speculative calls made, over every run. */
  hitRate: number;
  /** Time the served steps finished earlier than had they made their calls when dispatched. */
  savedMs: number;
}
