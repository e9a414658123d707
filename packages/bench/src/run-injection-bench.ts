import PQueue from 'p-queue';
import { computeRequestCost, type ModelProfile } from '@toolplan/simulator';
import type { StrategyFigures } from './bench-figures.js';
import type { BenchEndpoint } from './create-metered-models.js';
import type {
  InjectionFigures,
  InjectionRunTotals,
  InjectionSuiteFigures,
} from './injection-figures.js';
import { quantile } from './quantile.js';
import { runInjectionCase, type InjectionCaseOutcome } from './run-injection-case.js';
import type { ScenarioContext } from './scenarios/bench-scenario.js';
import type { InjectionScenario } from './scenarios/injection/injection-scenario.js';
import type { Strategy } from './strategies/index.js';

/**
 * Runs the injection scenario with each of `strategies` that it defines a defence for: every user
 * task once with the honest model (utility), every user task × injection task pair of a suite
 * once with the worst-case model (utility under attack, attack success). Each run is
 * deterministic (the same scripts, the same environment), so once is enough. Returns each
 * strategy's figures, by name; the usual figures (latency, tokens, `correct`) are of the honest
 * runs, which are what the strategy costs in normal use.
 */
export async function runInjectionBench(options: {
  scenario: InjectionScenario;
  strategies: readonly Strategy[];
  endpoint: BenchEndpoint;
  profile: ModelProfile;
  context: ScenarioContext;
  /** Runs at once, over every strategy. */
  concurrency: number;
  /** Each namespace on the provider is its own prompt cache (see `runBench`). */
  namespace?: (strategy: string) => string;
  onRunEnd?: (strategy: string, outcome: InjectionCaseOutcome) => void;
}): Promise<Record<string, StrategyFigures>> {
  const { scenario, endpoint } = options;
  const strategies = options.strategies.filter(
    (strategy) => scenario.defences[strategy.name] !== undefined,
  );
  const runs = scenario.suites.flatMap((suite) =>
    suite.userTasks.flatMap((userTask) => [
      { suite, userTask, injectionTask: undefined },
      ...suite.injectionTasks.map((injectionTask) => ({ suite, userTask, injectionTask })),
    ]),
  );
  const queue = new PQueue({ concurrency: options.concurrency });
  // Interleaved run by run, the order of strategies rotating, so that every strategy meets the
  // same load on the one event loop (as `runBench` does); one strategy after another, the last
  // one's latencies came out up to 80% higher.
  const items = runs.flatMap((run, index) =>
    strategies.map((_, offset) => ({
      ...run,
      strategy: strategies[(index + offset) % strategies.length] as Strategy,
    })),
  );
  const outcomes = await Promise.all(
    items.map(({ strategy, ...run }) =>
      queue.add(async () => {
        const outcome = await runInjectionCase({
          strategy,
          defence: scenario.defences[strategy.name] ?? 'none',
          ...run,
          endpoint: {
            ...endpoint,
            headers: {
              ...endpoint.headers,
              'x-toolplan-namespace': options.namespace?.(strategy.name) ?? strategy.name,
            },
          },
          context: options.context,
        });
        options.onRunEnd?.(strategy.name, outcome);
        return { strategy, outcome };
      }),
    ),
  );
  const figures: Record<string, StrategyFigures> = {};
  for (const strategy of strategies) {
    figures[strategy.name] = summariseInjection({
      scenario,
      defence: scenario.defences[strategy.name] ?? 'none',
      outcomes: outcomes.flatMap((each) => (each.strategy === strategy ? [each.outcome] : [])),
      profile: options.profile,
    });
  }
  // In the order the strategies were given (baselines first), whatever order they ended in.
  return Object.fromEntries(
    strategies.flatMap((strategy) => {
      const each = figures[strategy.name];
      return each === undefined ? [] : [[strategy.name, each] as const];
    }),
  );
}

/** One strategy's figures from its runs of the scenario. */
export function summariseInjection(options: {
  scenario: InjectionScenario;
  defence: InjectionFigures['defence'];
  outcomes: readonly InjectionCaseOutcome[];
  profile: ModelProfile;
}): StrategyFigures {
  const { scenario, outcomes, profile } = options;
  const honest = outcomes.filter((outcome) => outcome.injectionTask === undefined);
  const attacked = outcomes.filter((outcome) => outcome.injectionTask !== undefined);
  // A run broken in transport is neither done nor not done (as in `runBench`): shares are over
  // the others. An attack it made before it broke did happen, and counts.
  const judged = (
    items: readonly InjectionCaseOutcome[],
    pick: (item: InjectionCaseOutcome) => boolean,
  ) => {
    const over = items.filter((item) => !item.transportError || pick(item));
    return over.length === 0 ? 0 : over.filter(pick).length / over.length;
  };
  const shares = (items: readonly InjectionCaseOutcome[]) => ({
    utility: judged(
      items.filter((item) => item.injectionTask === undefined),
      (item) => item.done,
    ),
    utilityUnderAttack: judged(
      items.filter((item) => item.injectionTask !== undefined),
      (item) => item.done,
    ),
    attackSuccessRate: judged(
      items.filter((item) => item.injectionTask !== undefined),
      (item) => item.attacked,
    ),
  });
  const perSuite: Record<string, InjectionSuiteFigures> = {};
  for (const suite of scenario.suites) {
    perSuite[suite.name] = {
      userTasks: suite.userTasks.length,
      injectionTasks: suite.injectionTasks.length,
      ...shares(outcomes.filter((item) => item.suite === suite.name)),
    };
  }
  // Latency and cost are means over the honest runs that did not break in transport.
  const measured = honest.filter((outcome) => !outcome.transportError);
  const over = measured.length > 0 ? measured : honest;
  const mean = (pick: (outcome: InjectionCaseOutcome) => number) =>
    over.reduce((sum, outcome) => sum + pick(outcome), 0) / Math.max(1, over.length);
  const latencies = over.map((outcome) => outcome.latencyMs).sort((left, right) => left - right);
  const failures = outcomes.flatMap((outcome) =>
    outcome.failure === undefined || outcome.injectionTask !== undefined ? [] : [outcome.failure],
  );
  const injection: InjectionFigures = {
    defence: options.defence,
    userTasks: scenario.suites.reduce((sum, suite) => sum + suite.userTasks.length, 0),
    injectionTasks: scenario.suites.reduce((sum, suite) => sum + suite.injectionTasks.length, 0),
    pairs: attacked.length,
    successfulAttacks: attacked.filter((outcome) => outcome.attacked).length,
    honest: totals(honest),
    underAttack: totals(attacked),
    perSuite,
  };
  return {
    latencyMs: mean((outcome) => outcome.latencyMs),
    llmCalls: mean((outcome) => outcome.llmCalls),
    inputTokens: mean((outcome) => outcome.inputTokens),
    cachedInputTokens: mean((outcome) => outcome.cachedInputTokens),
    outputTokens: mean((outcome) => outcome.outputTokens),
    costUsd: mean((outcome) =>
      computeRequestCost(
        {
          promptTokens: outcome.inputTokens,
          cachedTokens: outcome.cachedInputTokens,
          completionTokens: outcome.outputTokens,
        },
        profile,
      ),
    ),
    toolCalls: mean((outcome) => outcome.toolCalls),
    // Right means: every user task done without attack (of the runs not broken in transport, as
    // in `runBench`). Attacks are measured, not judged.
    correct: measured.length > 0 && measured.every((outcome) => outcome.done),
    cases: honest.length,
    runs: honest.length,
    correctRuns: honest.filter((outcome) => outcome.done).length,
    transportErrors: honest.length - measured.length,
    latencyP50Ms: quantile(latencies, 0.5),
    latencyP95Ms: quantile(latencies, 0.95),
    ...(failures.length === 0 ? {} : { failures: failures.slice(0, 5) }),
    ...shares(outcomes),
    injection,
  };
}

function totals(outcomes: readonly InjectionCaseOutcome[]): InjectionRunTotals {
  const sum = (pick: (outcome: InjectionCaseOutcome) => number) =>
    outcomes.reduce((total, outcome) => total + pick(outcome), 0);
  const runs = outcomes.length;
  return {
    runs,
    inputTokens: sum((outcome) => outcome.inputTokens),
    outputTokens: sum((outcome) => outcome.outputTokens),
    meanTokens:
      runs === 0 ? 0 : sum((outcome) => outcome.inputTokens + outcome.outputTokens) / runs,
    meanLlmCalls: runs === 0 ? 0 : sum((outcome) => outcome.llmCalls) / runs,
    transportErrors: outcomes.filter((outcome) => outcome.transportError).length,
  };
}
