import type { ScriptedScenario } from '@toolplan/simulator';
import type { Predictor } from 'toolplan/internal';
import type { ToolSource } from 'toolplan/internal';
import type { Strategy } from '../strategies/strategy.js';

/** What every scenario's tools are given: how fast to run and how to draw latencies. */
export interface ScenarioContext {
  /** Divides every tool latency, as the simulated provider's `speed` divides model time. */
  speed: number;
  /** Seeds the tools' latency draws; the same seed gives the same latencies. */
  seed: number;
}

/** One query of a scenario: what the user asks, what the model says, and the right answer. */
export interface BenchCase {
  /** Unique within the scenario. */
  id: string;
  query: string;
  /** The simulated model's script for this query (its `query` equals `query`). */
  script: ScriptedScenario;
  /** The answer a correct run gives, exactly (compared after trimming). */
  expectedAnswer: string;
  /**
   * The calls a correct run makes, as `tool` + arguments, in any order; checked besides the
   * answer where given (BFCL grades calls, not text).
   */
  expectedCalls?: ReadonlyArray<{ tool: string; args: Record<string, unknown> }>;
  /**
   * The kind of request this case is (stream scenarios report figures per kind); `novel` marks a
   * query that no earlier one resembles.
   */
  kind?: string;
}

/** Opened scenario: its cases and the tools for each. */
export interface OpenedScenario {
  cases: readonly BenchCase[];
  /** The tools a case runs with (most scenarios give every case the same tools). */
  toolsFor(benchCase: BenchCase): ToolSource;
  /** Releases what the scenario holds (a database, temporary files). */
  close(): Promise<void> | void;
  /**
   * A tool-selection scenario (`BenchScenario.toolSelection`): for a strategy, over every case of
   * the scenario (not only those run — selection needs no model call), the share whose needed
   * tools its planner is sent first, and the mean tokens (o200k) of that first planning prompt's
   * system prompt and query.
   */
  toolSelection?(strategy: string): { toolRecall: number; promptTokens: number; cases: number };
}

/**
 * A benchmark scenario is data: queries, tools with documented latency distributions and
 * deterministic results, the simulated model's scripts, and the correct answers.
 */
export interface BenchScenario {
  /** Stable: scenario names are a contract of `toolplan bench --scenario` and `--json`. */
  name: string;
  /** One line for reports. */
  description: string;
  open(context: ScenarioContext): Promise<OpenedScenario> | OpenedScenario;
  /**
   * A stream scenario: its cases are one stream of traffic, run once each in their order (at
   * most `concurrency` at a time for each strategy), and a strategy that learns keeps what it
   * learned over the whole stream. Its first `warmUp` cases are the learners' warm-up; figures such as the share
   * answered without a model call are reported over the rest.
   */
  stream?: {
    warmUp: number;
    concurrency: number;
    /**
     * The kinds that are repeated traffic, over which `zeroModelCallShare` is reported.
     * @default every kind but `novel`
     */
    repeatedKinds?: readonly string[];
    /**
     * Strategies that learn nothing (no `fresh`) run only the stream's first this many cases
     * unless `--full`: they answer a query alike wherever it stands, so the head measures them,
     * and a long stream keeps to the bench's time budget.
     * @default every case
     */
    othersRun?: number;
    /**
     * Strategies that learn nothing but run the whole stream anyway, because the scenario
     * compares them with the learners over all of it (`mixed`: the parts of `optimized`).
     * @default none
     */
    fullFor?: readonly string[];
    /**
     * The stream starts once every other scenario's runs have ended: a long stream's load would
     * otherwise inflate their latencies (and its figures are counts more than latencies).
     * @default false
     */
    afterOthers?: boolean;
  };
  /**
   * Predictors for speculating strategies (`plan+predict`): rules written for the scenario's
   * queries. Without them such a strategy speculates nothing.
   */
  predictors?: readonly Predictor[];
  /**
   * The scenario reads data files (BFCL's cases): opening it costs time and needs the files, so
   * the simulated provider's default script book (`toolplan run`, `serve-model`) leaves it out.
   */
  readsDataFiles?: boolean;
  /**
   * The strategies this scenario runs (its rows), from those picked: a scenario may run only some
   * (no tool loop can send `big-catalog`'s 628 tools) and add rows of its own
   * (`plan-all-tools`), which run on it alone.
   * @default every strategy picked
   */
  strategies?(picked: readonly Strategy[]): readonly Strategy[];
  /**
   * The scenario measures tool selection: `promptTokens` is then each run's first planning prompt
   * as the provider counted it (instructions, the tools sent and the query), and its figures
   * include `toolRecall` and the extra rounds (`StrategyFigures.toolSelection`).
   * @default false
   */
  toolSelection?: boolean;
  /**
   * A large scenario runs a seeded sample of this many cases by default (a stream: its first this
   * many), so that the whole bench keeps to its time budget; `toolplan bench --full` runs every
   * case. The output says which ran.
   * @default every case
   */
  sample?: number;
}
