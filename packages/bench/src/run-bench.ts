import { randomUUID } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import PQueue from 'p-queue';
import { stringify } from 'safe-stable-stringify';
import type { MultiTurnStrategy, Strategy, StrategyResult } from './strategies/index.js';
import { countTokens, sumUsage } from 'toolplan/internal';
import {
  computeRequestCost,
  createSimulatedProvider,
  startSimulatedProviderWorker,
  type FaultRule,
  type ModelProfile,
  type SimulatorStats,
} from '@toolplan/simulator';
import { createToolRegistry, type ToolRegistry } from 'toolplan/internal';
import type { BenchReport, HostFigures, RunMeasurement, StrategyFigures } from './bench-figures.js';
import { isTransportError } from './is-transport-error.js';
import { ScenarioDataError } from './scenarios/scenario-data-error.js';
import { sampleCases } from './sample-cases.js';
import { splitTransportErrors } from './split-transport-errors.js';
import { instrumentTools, type ToolCallRecord } from './instrument-tools.js';
import {
  planLowerBoundMs,
  streamingPlanCompleteBoundMs,
  streamingPlanLowerBoundMs,
} from './lower-bound.js';
import { runConversation, summariseConversations } from './run-conversation.js';
import type { BenchCase, BenchScenario, OpenedScenario } from './scenarios/bench-scenario.js';
import type {
  ConversationScenario,
  OpenedConversationScenario,
} from './scenarios/conversation-scenario.js';
import { createMeteredModels, type BenchEndpoint } from './create-metered-models.js';
import { predictivePlanLowerBoundMs } from './predictive-plan-lower-bound.js';
import { summarizeSpeculation } from './summarize-speculation.js';
import type { ModelCallRecord, Predictor, SpeculationMetrics } from 'toolplan/internal';
import { quantile } from './quantile.js';
import { compareWithParts } from './compare-with-parts.js';
import { summariseStream } from './summarise-stream.js';
import { uniqueScripts } from './unique-scripts.js';
import { captureTimeline, type RunRecording } from './capture-timeline.js';
import { pickRepresentativeRun } from './pick-representative-run.js';
import { pickSharedCase } from './report/pick-shared-case.js';
import { toTraceRun, type TraceStore } from 'toolplan/internal';
import { runInjectionBench } from './run-injection-bench.js';
import {
  injectionScripts,
  type InjectionScenario,
} from './scenarios/injection/injection-scenario.js';
import type { FleetScenario } from './fleet/fleet-scenario.js';
import { probeFleetServices } from './fleet/probe-fleet-services.js';
import {
  DEFAULT_FLEET_SERVICES,
  runFleetBench,
  type FleetServices,
} from './fleet/run-fleet-bench.js';

/** The strategy a fleet scenario runs: the whole pipeline, as `createAgent` builds it. */
const FLEET_STRATEGY = 'optimized';
/** Passes a fleet scenario makes of its traffic (see `fleetScenario`). */
const FLEET_PASSES = 4;

/** Cases added to the pool's concurrency at each step of the ramp, and how often (ms). */
const RAMP_STEP = 12;
const RAMP_INTERVAL_MS = 150;

export interface BenchOptions {
  scenarios: readonly BenchScenario[];
  strategies: readonly Strategy[];
  /** Records every run of every strategy (single-query scenarios) in this trace store. */
  traces?: TraceStore;
  /**
   * Multi-turn scenarios and the strategies they are run with (conversations, not single
   * queries). The i-th multi-turn strategy runs alongside the i-th single-query one, in the same
   * pool and with the same cold prompt cache, so the conversations add little wall time.
   * @default none
   */
  conversations?: {
    scenarios: readonly ConversationScenario[];
    strategies: readonly MultiTurnStrategy[];
  };
  /**
   * Injection scenarios, run after every other one (their runs are not latency measurements, so
   * they do not share the pool) with those of `strategies` each defines a defence for.
   * @default none
   */
  injection?: readonly InjectionScenario[];
  /**
   * Fleet scenarios, run last on processes of their own with `optimized` (when it is picked),
   * when PostgreSQL and Redis answer at `fleetServices`; skipped with the reason otherwise.
   * @default none
   */
  fleet?: readonly FleetScenario[];
  /**
   * Where the fleet scenarios' PostgreSQL and Redis are.
   * @default `DEFAULT_FLEET_SERVICES` (this project's machines: 127.0.0.1, database `test`)
   */
  fleetServices?: FleetServices;
  /** The simulated model's profile, and the prices costs are computed with. */
  profile: ModelProfile;
  /**
   * Divides every model and tool duration (for quick runs); ratios are unchanged.
   * @default 1
   */
  speed?: number;
  /** @default 1 */
  seed?: number;
  /**
   * Cases run at once, over all scenarios (each case's latency is still its own). The bench's
   * work divided by this sets its wall time; more at once means more contention for the one
   * event loop whose latencies are measured (measured: 96 keeps the default run under two
   * minutes with planning latencies within a few percent of 64's; 128 inflates them 5–15%).
   * @default 96
   */
  caseConcurrency?: number;
  /**
   * A scenario with fewer cases is run until it has this many runs (its cases repeated), so that
   * its figures are a mean over several draws of the model's time to first token, not one draw.
   * @default 8
   */
  minRuns?: number;
  /** Run against this OpenAI-compatible endpoint instead of the simulated provider. */
  endpoint?: BenchEndpoint;
  /**
   * Where the simulated provider runs: in a worker thread (its token counting and streaming then
   * spend another core's time, as a real provider's would, and do not delay the strategies'
   * event loop), or on the bench's own thread. The worker costs more CPU in all (a second isolate)
   * and, measured on two cores, did not shorten the default bench, so the CLI opts in instead.
   * @default 'in-process'
   */
  provider?: 'worker' | 'in-process';
  /**
   * Faults the simulated provider injects (429s, 500s, cut streams), to see how the strategies
   * and the bench's accounting bear them: runs they break count as transport errors.
   * @default none
   */
  faults?: readonly FaultRule[];
  /**
   * Run every case of every scenario, also of those that run a seeded sample by default
   * (`BenchScenario.sample`).
   * @default false
   */
  full?: boolean;
  onProgress?: (event: BenchProgress) => void;
}

/**
 * What the bench reports as it goes. Runs are counted per scenario over every strategy (a
 * scenario's `runs` is its cases, repeated, times its strategies).
 */
export type BenchProgress =
  | { type: 'start'; scenarios: ReadonlyArray<{ scenario: string; runs: number }> }
  | { type: 'scenario-skipped'; scenario: string; reason: string }
  | {
      type: 'run-end';
      scenario: string;
      strategy: string;
      done: number;
      runs: number;
      outcome: 'right' | 'wrong' | 'transport-error';
    }
  | { type: 'strategy-end'; scenario: string; strategy: string; figures: StrategyFigures };

/**
 * Above these, the host was too starved for the figures to hold (see `HostFigures`). Measured on
 * this project's 2-core machine with the default bench: idle, an event-loop delay p99 of 44 ms
 * and a provider lateness p99 of 29 ms; with two other processes busy beside it, 377 ms and
 * 316 ms, and latencies 1.1–1.7× their idle figures. The thresholds sit at about twice the idle
 * figures.
 */
const STARVED_EVENT_LOOP_DELAY_P99_MS = 100;
const STARVED_PROVIDER_LATENESS_P99_MS = 75;

interface CaseOutcome extends RunMeasurement {
  recording: RunRecording;
  /** The run broke in transport (see `isTransportError`): no answer to judge. */
  transportError: boolean;
  speculation?: SpeculationMetrics;
  lowerBoundMs?: number;
  completePlanBoundMs?: number;
  promptTokens?: number;
  plannerInputTokens?: number;
  plannerOutputTokens?: number;
  canonicalPlanTokens?: number;
  /** Tool-selection scenarios: every tool the case needs was among those first sent. */
  toolsRecalled?: boolean;
  /** Tool-selection scenarios: tools first sent to the planner, and extra rounds made. */
  toolsSent?: number;
  toolRounds?: number;
}

type ToolSelectionOfCases = ReturnType<NonNullable<OpenedScenario['toolSelection']>>;

/**
 * Runs every scenario × strategy against the simulated provider (started in-process on a free
 * port, reached over HTTP through the AI SDK's OpenAI-compatible provider, as any real server
 * would be) and returns the figures side by side.
 */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const speed = options.speed ?? 1;
  const seed = options.seed ?? 1;
  const opened: Array<{ scenario: BenchScenario; opened: OpenedScenario }> = [];
  const conversations: Array<{
    scenario: ConversationScenario;
    opened: OpenedConversationScenario;
  }> = [];
  const providerPlace = options.provider ?? 'in-process';
  if (providerPlace !== 'worker' && providerPlace !== 'in-process') {
    throw new TypeError(
      `Expected \`provider\` to be \`worker\` or \`in-process\`, got \`${String(providerPlace)}\``,
    );
  }
  let provider:
    | {
        url: string;
        clearPromptCache(): void | Promise<void>;
        restartDraws(): void | Promise<void>;
        stats(): SimulatorStats | Promise<SimulatorStats>;
        resetStats(): void | Promise<void>;
        close(): Promise<void>;
      }
    | undefined;
  const skipped: Record<string, string> = {};
  // An injection scenario runs only the strategies it defines a defence for: with none of them
  // picked, it is skipped with the reason rather than reported empty.
  const injection = (options.injection ?? []).filter((scenario) => {
    if (options.strategies.some((strategy) => scenario.defences[strategy.name] !== undefined)) {
      return true;
    }
    const reason = `it runs only ${Object.keys(scenario.defences)
      .map((name) => `\`${name}\``)
      .join(', ')}, and none of them was picked`;
    skipped[scenario.name] = reason;
    options.onProgress?.({ type: 'scenario-skipped', scenario: scenario.name, reason });
    return false;
  });
  // A fleet scenario runs `optimized` on processes of its own, and needs PostgreSQL and Redis:
  // without either, it is skipped with the reason.
  const fleetServices = options.fleetServices ?? DEFAULT_FLEET_SERVICES;
  const fleet: FleetScenario[] = [];
  for (const scenario of options.fleet ?? []) {
    const reason = !options.strategies.some((strategy) => strategy.name === FLEET_STRATEGY)
      ? `it runs only \`${FLEET_STRATEGY}\`, which was not picked`
      : await probeFleetServices(fleetServices);
    if (reason === undefined) {
      fleet.push(scenario);
      continue;
    }
    skipped[scenario.name] = reason;
    options.onProgress?.({ type: 'scenario-skipped', scenario: scenario.name, reason });
  }
  const sampled: NonNullable<BenchReport['sampled']> = {};
  // A scenario whose data is missing is skipped with the reason; the others still run.
  const open = async <Opened>(scenario: {
    name: string;
    open(context: { speed: number; seed: number }): Promise<Opened> | Opened;
  }): Promise<Opened | undefined> => {
    try {
      return await scenario.open({ speed, seed });
    } catch (error) {
      if (!(error instanceof ScenarioDataError)) throw error;
      skipped[scenario.name] = error.message;
      options.onProgress?.({
        type: 'scenario-skipped',
        scenario: scenario.name,
        reason: error.message,
      });
      return undefined;
    }
  };
  const eventLoopDelay = monitorEventLoopDelay({ resolution: 10 });
  try {
    for (const scenario of options.scenarios) {
      const cases = await open(scenario);
      if (cases === undefined) continue;
      if (options.full === true || scenario.sample === undefined) {
        opened.push({ scenario, opened: cases });
        continue;
      }
      const sample = sampleCases({
        cases: cases.cases,
        size: scenario.sample,
        seed,
        scenario: scenario.name,
        stream: scenario.stream !== undefined,
      });
      if (sample.length < cases.cases.length) {
        sampled[scenario.name] = { cases: sample.length, of: cases.cases.length };
      }
      opened.push({
        scenario,
        opened: {
          cases: sample,
          toolsFor: (benchCase) => cases.toolsFor(benchCase),
          close: () => cases.close(),
          ...(cases.toolSelection === undefined
            ? {}
            : {
                toolSelection: (strategy: string) =>
                  cases.toolSelection?.(strategy) as ToolSelectionOfCases,
              }),
        },
      });
    }
    for (const scenario of options.conversations?.scenarios ?? []) {
      const cases = await open(scenario);
      if (cases !== undefined) conversations.push({ scenario, opened: cases });
    }
    let endpoint = options.endpoint;
    if (endpoint === undefined) {
      const start =
        providerPlace === 'worker' ? startSimulatedProviderWorker : createSimulatedProvider;
      provider = await start({
        profile: options.profile,
        speed,
        seed,
        ...(options.faults === undefined ? {} : { faults: options.faults }),
        scripts: {
          scenarios: uniqueScripts([
            ...opened.flatMap(({ opened }) => opened.cases.map((benchCase) => benchCase.script)),
            ...conversations.flatMap(({ opened }) =>
              opened.cases.flatMap((conversation) => conversation.turns.map((turn) => turn.script)),
            ),
            ...injection.flatMap((scenario) => injectionScripts(scenario)),
            ...fleet.flatMap((scenario) =>
              scenario.traffic(seed).map((benchCase) => benchCase.script),
            ),
          ]),
        },
      });
      endpoint = { baseURL: provider.url, modelId: options.profile.name };
    }
    // Each scenario's rows: the strategies picked, or those it runs of them and rows of its own.
    const rowsOf = new Map(
      opened.map(({ scenario }) => [
        scenario,
        new Set(scenario.strategies?.(options.strategies) ?? options.strategies),
      ]),
    );
    // Every strategy that runs somewhere: those picked, then the scenarios' own rows.
    const strategies = [
      ...new Set([...options.strategies, ...[...rowsOf.values()].flatMap((rows) => [...rows])]),
    ];
    const report: BenchReport = {
      profile: options.profile.name,
      speed,
      seed,
      scenarios: {},
      simulated: options.endpoint === undefined,
      timelines: [],
      ...(Object.keys(skipped).length === 0 ? {} : { skipped }),
      ...(Object.keys(sampled).length === 0 ? {} : { sampled }),
    };
    for (const { scenario } of [...opened, ...conversations]) report.scenarios[scenario.name] = {};
    for (const scenario of injection) report.scenarios[scenario.name] = {};
    for (const scenario of fleet) report.scenarios[scenario.name] = {};
    const minRuns = options.minRuns ?? 8;
    const work = opened.flatMap(({ scenario, opened: scenarioCases }) => {
      // A stream is traffic: each query once, in its order.
      const repeats =
        scenario.stream === undefined
          ? Math.max(1, Math.ceil(minRuns / Math.max(1, scenarioCases.cases.length)))
          : 1;
      return Array.from({ length: repeats }, () =>
        scenarioCases.cases.map((benchCase, position) => ({
          scenario,
          scenarioCases,
          benchCase,
          position,
        })),
      ).flat();
    });
    // A long stream's head only, for strategies that learn nothing (`stream.othersRun`).
    const runs = (item: (typeof work)[number], strategy: Strategy) =>
      rowsOf.get(item.scenario)?.has(strategy) === true &&
      (options.full === true ||
        strategy.fresh !== undefined ||
        item.scenario.stream?.fullFor?.includes(strategy.name) === true ||
        item.position < (item.scenario.stream?.othersRun ?? Infinity));
    const conversationWork = conversations.flatMap(({ scenario, opened: scenarioCases }) => {
      const repeats = Math.max(1, Math.ceil(minRuns / Math.max(1, scenarioCases.cases.length)));
      return Array.from({ length: repeats }, () =>
        scenarioCases.cases.map((conversation) => ({ scenario, scenarioCases, conversation })),
      ).flat();
    });
    const multiTurnStrategies = options.conversations?.strategies ?? [];
    const progress = createRunCounter({
      runs: [
        ...opened.map(({ scenario }) => ({
          scenario: scenario.name,
          runs: work
            .filter((item) => item.scenario === scenario)
            .reduce(
              (sum, item) => sum + strategies.filter((strategy) => runs(item, strategy)).length,
              0,
            ),
        })),
        ...conversations.map(({ scenario }) => ({
          scenario: scenario.name,
          runs:
            conversationWork.filter((item) => item.scenario === scenario).length *
            multiTurnStrategies.length,
        })),
        ...injection.map((scenario) => ({
          scenario: scenario.name,
          runs:
            scenario.suites.reduce(
              (sum, suite) => sum + suite.userTasks.length * (1 + suite.injectionTasks.length),
              0,
            ) *
            options.strategies.filter((each) => scenario.defences[each.name] !== undefined).length,
        })),
        ...fleet.map((scenario) => ({
          scenario: scenario.name,
          runs: scenario.traffic(seed).length * FLEET_PASSES,
        })),
      ],
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    });
    // Every strategy runs in one phase, interleaved case by case (the order of strategies
    // rotating from case to case), each in its own namespace on the provider — its own prompt
    // cache and its own count of repeated requests, as separate organisations would have on a
    // real one. Run strategy after strategy instead, the same pipeline came out 2–14% faster in
    // a later round than in an earlier one (measured with plan and plan+chains in both orders, on
    // the same model draws: code warming up, a round shared with the conversations), which is as
    // large as the differences the bench is for. Interleaved, every strategy meets the same
    // conditions. Identical requests in two namespaces meet identical model timings.
    const ownEndpoint = (strategy: string): NonNullable<BenchOptions['endpoint']> => {
      const base = endpoint as NonNullable<BenchOptions['endpoint']>;
      return { ...base, headers: { ...base.headers, 'x-toolplan-namespace': strategy } };
    };
    // Everything starts at once, and the first cases would pay for cold code (JIT, the
    // tokenizer's tables, schema compilers): measured, the first scenario's latencies came out
    // up to 30% above their own figures in other runs. One unmeasured run of every strategy on
    // the first case warms every path first (a scenario's own row, on its scenario's first case).
    await Promise.all(
      strategies.map((strategy) => {
        const warm = opened.find(
          ({ scenario, opened: scenarioCases }) =>
            rowsOf.get(scenario)?.has(strategy) === true && scenarioCases.cases.length > 0,
        );
        const warmCase = warm?.opened.cases[0];
        if (warm === undefined || warmCase === undefined) return undefined;
        return runCase({
          strategy: strategy.fresh?.() ?? strategy,
          benchCase: warmCase,
          opened: warm.opened,
          ...(warm.scenario.predictors === undefined
            ? {}
            : { predictors: warm.scenario.predictors }),
          endpoint: ownEndpoint(strategy.name),
          profile: options.profile,
          speed,
          toolSelection: warm.scenario.toolSelection === true,
        });
      }),
    );
    await provider?.clearPromptCache();
    await provider?.restartDraws();
    await provider?.resetStats();
    eventLoopDelay.enable();
    // The cases of every scenario share one pool: each case's latency is still its own (the
    // provider and tools spend time in timers, not in CPU), and the bench ends sooner.
    const concurrency = options.caseConcurrency ?? 96;
    // Ramped up rather than all at once: a burst of every run's first requests saturated the
    // event loop and inflated the first scenario's latencies (measured: up to 30%).
    const queue = new PQueue({ concurrency: Math.min(concurrency, RAMP_STEP) });
    const ramp = setInterval(() => {
      queue.concurrency = Math.min(concurrency, queue.concurrency + RAMP_STEP);
      if (queue.concurrency >= concurrency) clearInterval(ramp);
    }, RAMP_INTERVAL_MS / speed);
    const conversationsDone = Promise.all(
      multiTurnStrategies.map((each) =>
        runConversationRound({
          strategy: each,
          work: conversationWork,
          conversations,
          queue,
          report,
          endpoint: ownEndpoint(each.name),
          profile: options.profile,
          onRunEnd: (scenario, outcome) => progress.runEnded(scenario, each.name, outcome),
          ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
        }),
      ),
    );
    // A stream runs in its own queue per strategy (arrival order, its own concurrency) with one
    // instance of the strategy that learns over the whole stream; every other run gets a fresh
    // instance.
    const streams = new Map(
      opened.flatMap(({ scenario }) =>
        scenario.stream === undefined
          ? []
          : [
              [
                scenario,
                new Map(
                  strategies.map((strategy) => [
                    strategy,
                    {
                      queue: new PQueue({
                        concurrency: (scenario.stream as NonNullable<BenchScenario['stream']>)
                          .concurrency,
                      }),
                      instance: strategy.fresh?.() ?? strategy,
                    },
                  ]),
                ),
              ] as const,
            ],
      ),
    );
    const items = work.flatMap((item, index) =>
      strategies.flatMap((_, offset) => {
        const position = (index + offset) % strategies.length;
        const strategy = strategies[position] as Strategy;
        return runs(item, strategy) ? [{ ...item, index, position, strategy }] : [];
      }),
    );
    const runItem = ({ scenario, scenarioCases, benchCase, strategy }: (typeof items)[number]) => {
      const stream = streams.get(scenario)?.get(strategy);
      return (stream?.queue ?? queue).add(async () => {
        const outcome = await runCase({
          strategy: stream?.instance ?? strategy.fresh?.() ?? strategy,
          benchCase,
          opened: scenarioCases,
          ...(scenario.predictors === undefined ? {} : { predictors: scenario.predictors }),
          endpoint: ownEndpoint(strategy.name),
          profile: options.profile,
          speed,
          toolSelection: scenario.toolSelection === true,
          ...(options.traces === undefined ? {} : { traces: options.traces }),
        });
        progress.runEnded(
          scenario.name,
          strategy.name,
          outcome.transportError ? 'transport-error' : outcome.correct ? 'right' : 'wrong',
        );
        return outcome;
      });
    };
    // A stream that runs after the others (`stream.afterOthers`) starts once every other run has
    // ended: its load would otherwise inflate their latencies.
    const allOutcomes: CaseOutcome[] = [];
    for (const afterOthers of [false, true]) {
      const phase = items.flatMap((item, at) =>
        (item.scenario.stream?.afterOthers === true) === afterOthers ? [{ item, at }] : [],
      );
      const ended = await Promise.all(phase.map(({ item }) => runItem(item)));
      phase.forEach(({ at }, done) => {
        allOutcomes[at] = ended[done] as CaseOutcome;
      });
    }
    // Each strategy's outcomes, in the order of `work` (undoing the rotation above); a case a
    // strategy did not run (the tail of a long stream) has none.
    const outcomesByStrategy = strategies.map(() =>
      work.map((): CaseOutcome | undefined => undefined),
    );
    items.forEach((item, at) => {
      (outcomesByStrategy[item.position] as Array<CaseOutcome | undefined>)[item.index] =
        allOutcomes[at];
    });
    /** A strategy's outcomes on one scenario, in its order, with their place in `work`. */
    const ranOn = (position: number, scenario: BenchScenario) =>
      (outcomesByStrategy[position] ?? []).flatMap((outcome, index) =>
        outcome === undefined || work[index]?.scenario !== scenario
          ? []
          : [{ outcome, item: work[index] as (typeof work)[number] }],
      );
    // The report draws every strategy's timeline of a scenario on the same case, so that the
    // pictures compare strategies, not cases.
    const sharedCases = new Map(
      opened.map(({ scenario }) => [
        scenario,
        pickSharedCase(
          Object.fromEntries(
            strategies.flatMap((strategy, position) =>
              rowsOf.get(scenario)?.has(strategy) !== true
                ? []
                : [
                    [
                      strategy.name,
                      ranOn(position, scenario)
                        .map(({ outcome }) => outcome)
                        .filter((outcome) => !outcome.transportError)
                        .map((outcome) => ({
                          caseId: outcome.recording.caseId,
                          latencyMs: outcome.latencyMs,
                        })),
                    ],
                  ],
            ),
          ),
        ),
      ]),
    );
    for (const [position, strategy] of strategies.entries()) {
      for (const { scenario, opened: scenarioCases } of opened) {
        if (rowsOf.get(scenario)?.has(strategy) !== true) continue;
        const ran = ranOn(position, scenario);
        const ofScenario = ran.map(({ outcome }) => outcome);
        const figures = summarise({
          outcomes: ofScenario,
          cases: scenarioCases.cases.length,
        });
        if (scenario.toolSelection === true) {
          Object.assign(
            figures,
            summariseToolSelection(ofScenario, scenarioCases.toolSelection?.(strategy.name)),
          );
        }
        if (scenario.stream !== undefined) {
          figures.stream = summariseStream({
            warmUp: scenario.stream.warmUp,
            ...(scenario.stream.repeatedKinds === undefined
              ? {}
              : { repeatedKinds: scenario.stream.repeatedKinds }),
            outcomes: ran.map(({ outcome, item }) => ({
              ...outcome,
              position: item.position,
              kind: item.benchCase.kind ?? 'unknown',
              // Without model calls, a plan's lower bound is its tools' critical path.
              ...(outcome.llmCalls === 0 && outcome.lowerBoundMs !== undefined
                ? { toolCriticalPathMs: outcome.lowerBoundMs }
                : {}),
            })),
          });
        }
        (report.scenarios[scenario.name] as Record<string, StrategyFigures>)[strategy.name] =
          figures;
        const shared = sharedCases.get(scenario);
        const onSharedCase = ofScenario.filter((outcome) => outcome.recording.caseId === shared);
        const drawn = pickRepresentativeRun(onSharedCase.length > 0 ? onSharedCase : ofScenario);
        if (drawn !== undefined) {
          report.timelines?.push(
            captureTimeline({
              scenario: scenario.name,
              strategy: strategy.name,
              recording: drawn.recording,
              msPerOutputToken: 1000 / options.profile.decodeTokensPerSecond / speed,
            }),
          );
        }
        options.onProgress?.({
          type: 'strategy-end',
          scenario: scenario.name,
          strategy: strategy.name,
          figures,
        });
      }
    }
    // A scenario that compares the pipeline with its parts says how it came out, on its row.
    for (const { scenario } of opened) {
      const parts = scenario.stream?.fullFor;
      const byStrategy = report.scenarios[scenario.name] as Record<string, StrategyFigures>;
      const whole = byStrategy['optimized']?.stream;
      if (parts === undefined || whole === undefined) continue;
      const versus = compareWithParts({ byStrategy, parts });
      if (versus !== undefined) whole.versusParts = versus;
    }
    await conversationsDone;
    clearInterval(ramp);
    eventLoopDelay.disable();
    report.host = hostFigures({
      eventLoopDelay,
      ...(provider === undefined ? {} : { providerStats: await provider.stats() }),
    });
    for (const scenario of injection) {
      const byStrategy = await runInjectionBench({
        scenario,
        strategies: options.strategies,
        endpoint,
        profile: options.profile,
        context: { speed, seed },
        concurrency,
        namespace: (strategy) => `${scenario.name}/${strategy}`,
        onRunEnd: (strategy, outcome) =>
          progress.runEnded(
            scenario.name,
            strategy,
            outcome.transportError ? 'transport-error' : outcome.done ? 'right' : 'wrong',
          ),
      });
      report.scenarios[scenario.name] = byStrategy;
      for (const [strategy, figures] of Object.entries(byStrategy)) {
        options.onProgress?.({ type: 'strategy-end', scenario: scenario.name, strategy, figures });
      }
    }
    for (const scenario of fleet) {
      const outcome = await runFleetBench({
        scenario,
        services: fleetServices,
        endpoint,
        profile: options.profile,
        context: { speed, seed },
        onRunEnd: (outcome) => progress.runEnded(scenario.name, FLEET_STRATEGY, outcome),
      });
      if ('skipped' in outcome) {
        delete report.scenarios[scenario.name];
        report.skipped = { ...report.skipped, [scenario.name]: outcome.skipped };
        options.onProgress?.({
          type: 'scenario-skipped',
          scenario: scenario.name,
          reason: outcome.skipped,
        });
        continue;
      }
      report.scenarios[scenario.name] = { [FLEET_STRATEGY]: outcome.figures };
      options.onProgress?.({
        type: 'strategy-end',
        scenario: scenario.name,
        strategy: FLEET_STRATEGY,
        figures: outcome.figures,
      });
    }
    // In the catalogue's order (baselines first), whatever order the conversations ended in.
    const catalogue = [...strategies, ...multiTurnStrategies].map((each) => each.name);
    for (const [name, byStrategy] of Object.entries(report.scenarios)) {
      report.scenarios[name] = Object.fromEntries(
        catalogue.flatMap((strategy) => {
          const figures = byStrategy[strategy];
          return figures === undefined ? [] : [[strategy, figures] as const];
        }),
      );
    }
    return report;
  } finally {
    // A run that failed part-way must not leave the monitor's timer sampling.
    eventLoopDelay.disable();
    await provider?.close();
    for (const { opened: scenarioCases } of [...opened, ...conversations]) {
      await scenarioCases.close();
    }
  }
}

/** One multi-turn strategy over every conversation, in the round's pool. */
async function runConversationRound(options: {
  strategy: MultiTurnStrategy;
  work: ReadonlyArray<{
    scenario: ConversationScenario;
    scenarioCases: OpenedConversationScenario;
    conversation: OpenedConversationScenario['cases'][number];
  }>;
  conversations: ReadonlyArray<{
    scenario: ConversationScenario;
    opened: OpenedConversationScenario;
  }>;
  queue: PQueue;
  report: BenchReport;
  endpoint: NonNullable<BenchOptions['endpoint']>;
  profile: ModelProfile;
  onRunEnd: (scenario: string, outcome: 'right' | 'wrong' | 'transport-error') => void;
  onProgress?: (event: BenchProgress) => void;
}): Promise<void> {
  const { strategy, work, queue, report } = options;
  const outcomes = await Promise.all(
    work.map(({ scenario, scenarioCases, conversation }) =>
      queue.add(async () => {
        const outcome = await runConversation({
          strategy,
          conversation,
          tools: scenarioCases.toolsFor(conversation),
          endpoint: options.endpoint,
          profile: options.profile,
        });
        options.onRunEnd(
          scenario.name,
          outcome.transportError
            ? 'transport-error'
            : outcome.turns.every((turn) => turn.correct)
              ? 'right'
              : 'wrong',
        );
        return outcome;
      }),
    ),
  );
  for (const { scenario, opened } of options.conversations) {
    const figures = summariseConversations({
      outcomes: outcomes.filter((_, index) => work[index]?.scenario === scenario),
      cases: opened.cases.length,
    });
    (report.scenarios[scenario.name] as Record<string, StrategyFigures>)[strategy.name] = figures;
    const drawn = pickRepresentativeRun(
      outcomes.filter((_, index) => work[index]?.scenario === scenario),
    );
    if (drawn?.recording !== undefined) {
      report.timelines?.push(
        captureTimeline({
          scenario: scenario.name,
          strategy: strategy.name,
          recording: drawn.recording,
          msPerOutputToken: 1000 / options.profile.decodeTokensPerSecond / report.speed,
        }),
      );
    }
    options.onProgress?.({
      type: 'strategy-end',
      scenario: scenario.name,
      strategy: strategy.name,
      figures,
    });
  }
}

async function runCase(options: {
  strategy: Strategy;
  benchCase: BenchCase;
  opened: OpenedScenario;
  endpoint: NonNullable<BenchOptions['endpoint']>;
  profile: ModelProfile;
  speed: number;
  traces?: TraceStore;
  predictors?: readonly Predictor[];
  /**
   * The scenario measures tool selection: `promptTokens` is the first model call's input as the
   * provider counted it, and what was sent is compared with the case's calls.
   */
  toolSelection?: boolean;
}): Promise<CaseOutcome> {
  const { strategy, benchCase, endpoint } = options;
  const origin = performance.now();
  const calls: ToolCallRecord[] = [];
  const tools = instrumentTools(createToolRegistry(options.opened.toolsFor(benchCase)), {
    origin,
    record: (call) => calls.push(call),
  });
  const models = createMeteredModels({ endpoint, origin });
  const meters = models.meters;
  let answer = '';
  let lowerBoundMs: number | undefined;
  let completePlanBoundMs: number | undefined;
  let failure: string | undefined;
  let transportError = false;
  let result: StrategyResult | undefined;
  const startedAt = new Date();
  const started = performance.now();
  try {
    result = await strategy.run({
      query: benchCase.query,
      tools,
      model: models.model,
      ...(options.predictors === undefined ? {} : { predictors: options.predictors }),
    });
    answer = result.answer;
    if (result.plans !== undefined && result.steps !== undefined) {
      const modelCalls = meters.flatMap((meter) => meter.calls());
      const msPerOutputToken = 1000 / options.profile.decodeTokensPerSecond / options.speed;
      const streamedPlan = result.plans.length === 1 ? result.plans[0] : undefined;
      const planCall = modelCalls[0];
      if (result.arrivals !== undefined && streamedPlan !== undefined && planCall !== undefined) {
        const bounds = {
          plan: streamedPlan,
          steps: result.steps,
          arrivals: result.arrivals,
          planCall,
          laterModelCalls: modelCalls.slice(1),
          msPerOutputToken,
        };
        lowerBoundMs = streamingPlanLowerBoundMs(bounds);
        completePlanBoundMs = streamingPlanCompleteBoundMs(bounds);
        if (result.speculation !== undefined) {
          // Speculated steps could start at time zero: both bounds become the predictive one.
          lowerBoundMs = predictivePlanLowerBoundMs({ ...bounds, speculation: result.speculation });
          completePlanBoundMs = lowerBoundMs;
        }
      } else {
        lowerBoundMs = planLowerBoundMs({
          modelCalls,
          plans: result.plans,
          steps: result.steps,
          msPerOutputToken,
        });
      }
    }
  } catch (error) {
    transportError = isTransportError(error);
    failure = `${transportError ? '(transport) ' : ''}${benchCase.id}: ${(error as Error).message}`;
  }
  const latencyMs = performance.now() - started;
  // Speculative calls cancelled as the run ended record themselves a tick later: count them.
  await new Promise((resolve) => setImmediate(resolve));
  const usage = sumUsage(...meters.map((meter) => meter.totals()));
  const planner = plannerFigures(
    result,
    meters.flatMap((meter) => meter.calls()),
  );
  options.traces?.record(
    toTraceRun({
      runId: randomUUID(),
      strategy: strategy.name,
      query: benchCase.query,
      startedAt,
      wallMs: latencyMs,
      // Planning strategies report their steps; a tool loop's steps are the calls it made.
      steps:
        result?.steps ??
        calls.map((call, index) => ({
          id: `call${index}`,
          tool: call.tool,
          status: call.ok ? ('ok' as const) : ('error' as const),
          startMs: call.startMs,
          endMs: call.endMs,
          attempts: 1,
          args: call.args,
        })),
      ...(result?.plans === undefined ? {} : { plans: result.plans }),
      ...(result === undefined ? {} : { answer: result.answer }),
      ...(failure === undefined ? {} : { error: failure }),
      ...(result?.speculation === undefined ? {} : { speculation: result.speculation }),
      usage,
    }),
  );
  if (failure === undefined && answer.trim() !== benchCase.expectedAnswer.trim()) {
    failure = `${benchCase.id}: answered ${JSON.stringify(answer.slice(0, 200))}, expected ${JSON.stringify(benchCase.expectedAnswer.slice(0, 200))}`;
  }
  if (failure === undefined && benchCase.expectedCalls !== undefined) {
    const made = calls
      .filter((call) => call.ok)
      .flatMap((call) =>
        call.batchSize === undefined
          ? [call]
          : (call.args as unknown[]).map((args) => ({ ...call, args })),
      )
      .map((call) => stringify({ tool: call.tool, args: call.args }))
      .sort();
    const expected = benchCase.expectedCalls.map((call) => stringify(call)).sort();
    if (stringify(made) !== stringify(expected)) {
      failure = `${benchCase.id}: made calls ${made.join(', ')}, expected ${expected.join(', ')}`;
    }
  }
  return {
    recording: {
      caseId: benchCase.id,
      query: benchCase.query,
      wallMs: latencyMs,
      modelCalls: meters.flatMap((meter) => meter.calls()),
      toolCalls: calls,
    },
    latencyMs,
    llmCalls: usage.llmCalls,
    inputTokens: usage.inputTokens,
    cachedInputTokens: usage.cachedInputTokens,
    outputTokens: usage.outputTokens,
    costUsd: computeRequestCost(
      {
        promptTokens: usage.inputTokens,
        cachedTokens: usage.cachedInputTokens,
        completionTokens: usage.outputTokens,
      },
      options.profile,
    ),
    toolCalls: calls.length,
    correct: failure === undefined,
    transportError,
    ...(result?.speculation === undefined ? {} : { speculation: result.speculation }),
    ...(lowerBoundMs === undefined ? {} : { lowerBoundMs }),
    ...(completePlanBoundMs === undefined ? {} : { completePlanBoundMs }),
    ...(options.toolSelection === true
      ? toolSelectionOutcome({ result, benchCase, tools, meters })
      : strategy.promptTokens === undefined
        ? {}
        : { promptTokens: strategy.promptTokens(tools) }),
    ...planner,
    ...(failure === undefined ? {} : { failure }),
  };
}

/**
 * What a tool-selection scenario reads of a run: the first planning prompt as the provider counted
 * it, whether the case's tools were all among those first sent (every tool, without selection),
 * and the extra rounds.
 */
function toolSelectionOutcome(options: {
  result: StrategyResult | undefined;
  benchCase: BenchCase;
  tools: ToolRegistry;
  meters: ReadonlyArray<{ calls(): readonly ModelCallRecord[] }>;
}): Pick<CaseOutcome, 'promptTokens' | 'toolsRecalled' | 'toolsSent' | 'toolRounds'> {
  const { result, benchCase, tools, meters } = options;
  if (result === undefined) return {};
  const [first] = meters.flatMap((meter) => meter.calls());
  const sent = result.toolSelection?.selected ?? tools.names();
  return {
    ...(first?.usage?.inputTokens.total === undefined
      ? {}
      : { promptTokens: first.usage.inputTokens.total }),
    ...(benchCase.expectedCalls === undefined
      ? {}
      : { toolsRecalled: benchCase.expectedCalls.every((call) => sent.includes(call.tool)) }),
    toolsSent: sent.length,
    toolRounds: result.toolSelection?.rounds ?? 0,
  };
}

/**
 * A tool-selection scenario's figures of one strategy: `toolRecall` and `promptTokens` over every
 * case when the scenario computed them (else over the runs), the same as measured over the runs
 * (the prompt as the provider counted it), and the extra rounds. Runs that broke in transport
 * sent nothing measurable and are left out.
 */
function summariseToolSelection(
  outcomes: readonly CaseOutcome[],
  allCases: ToolSelectionOfCases | undefined,
): Pick<StrategyFigures, 'toolRecall' | 'promptTokens' | 'toolSelection'> {
  const measured = outcomes.filter((outcome) => outcome.toolsSent !== undefined);
  const runs = Math.max(1, measured.length);
  const mean = (pick: (outcome: CaseOutcome) => number) =>
    measured.reduce((sum, outcome) => sum + pick(outcome), 0) / runs;
  const judged = measured.filter((outcome) => outcome.toolsRecalled !== undefined);
  const runsRecall =
    judged.filter((outcome) => outcome.toolsRecalled === true).length / Math.max(1, judged.length);
  const rounds = measured.filter((outcome) => (outcome.toolRounds ?? 0) > 0).length;
  const promptTokensRuns = mean((outcome) => outcome.promptTokens ?? 0);
  return {
    toolRecall: allCases?.toolRecall ?? runsRecall,
    promptTokens: allCases?.promptTokens ?? promptTokensRuns,
    toolSelection: {
      cases: allCases?.cases ?? judged.length,
      runs: measured.length,
      toolRecallRuns: runsRecall,
      promptTokensRuns,
      toolsSent: mean((outcome) => outcome.toolsSent ?? 0),
      extraRounds: rounds,
      extraRoundShare: rounds / runs,
    },
  };
}

/**
 * The planner's share of a run: its calls' tokens as measured (the calls whose purpose is not the
 * joiner's `answer`), and the tokens of the executed plans written as canonical JSON, counted with
 * the same tokenizer (o200k) as the simulated provider counts the output. Nothing for a strategy
 * that does not say what its calls were for.
 */
function plannerFigures(
  result: StrategyResult | undefined,
  calls: readonly ModelCallRecord[],
): Pick<CaseOutcome, 'plannerInputTokens' | 'plannerOutputTokens' | 'canonicalPlanTokens'> {
  const purposes = result?.modelCallPurposes;
  if (purposes === undefined) return {};
  const planning = calls.filter((_, index) => purposes[index] !== 'answer');
  return {
    plannerInputTokens: planning.reduce(
      (sum, call) => sum + (call.usage?.inputTokens.total ?? 0),
      0,
    ),
    plannerOutputTokens: planning.reduce(
      (sum, call) => sum + (call.usage?.outputTokens.total ?? 0),
      0,
    ),
    canonicalPlanTokens: (result?.plans ?? []).reduce(
      (sum, plan) => sum + countTokens(JSON.stringify(plan)),
      0,
    ),
  };
}

function summarise(options: { outcomes: readonly CaseOutcome[]; cases: number }): StrategyFigures {
  const { judged, measured: outcomes, transportErrors } = splitTransportErrors(options.outcomes);
  const mean = (pick: (outcome: CaseOutcome) => number) =>
    outcomes.reduce((sum, outcome) => sum + pick(outcome), 0) / Math.max(1, outcomes.length);
  const latencies = outcomes
    .map((outcome) => outcome.latencyMs)
    .sort((left, right) => left - right);
  const failures = options.outcomes.flatMap((outcome) =>
    outcome.failure === undefined ? [] : [outcome.failure],
  );
  const correctRuns = judged.filter((outcome) => outcome.correct).length;
  const bounded = outcomes.filter((outcome) => outcome.lowerBoundMs !== undefined);
  const prompted = outcomes.filter((outcome) => outcome.promptTokens !== undefined);
  const planned = outcomes.filter((outcome) => outcome.plannerOutputTokens !== undefined);
  const meanOfPlanned = (pick: (outcome: CaseOutcome) => number | undefined) =>
    planned.reduce((sum, outcome) => sum + (pick(outcome) ?? 0), 0) / planned.length;
  const completed = outcomes.filter((outcome) => outcome.completePlanBoundMs !== undefined);
  const speculation = summarizeSpeculation(
    outcomes.flatMap((outcome) => (outcome.speculation === undefined ? [] : [outcome.speculation])),
  );
  return {
    latencyMs: mean((outcome) => outcome.latencyMs),
    llmCalls: mean((outcome) => outcome.llmCalls),
    inputTokens: mean((outcome) => outcome.inputTokens),
    cachedInputTokens: mean((outcome) => outcome.cachedInputTokens),
    outputTokens: mean((outcome) => outcome.outputTokens),
    costUsd: mean((outcome) => outcome.costUsd),
    toolCalls: mean((outcome) => outcome.toolCalls),
    correct: judged.length > 0 && correctRuns === judged.length,
    cases: options.cases,
    runs: options.outcomes.length,
    correctRuns,
    transportErrors,
    latencyP50Ms: quantile(latencies, 0.5),
    latencyP95Ms: quantile(latencies, 0.95),
    ...(bounded.length === 0
      ? {}
      : {
          lowerBoundMs:
            bounded.reduce((sum, outcome) => sum + (outcome.lowerBoundMs as number), 0) /
            bounded.length,
        }),
    ...(completed.length === 0
      ? {}
      : {
          completePlanBoundMs:
            completed.reduce((sum, outcome) => sum + (outcome.completePlanBoundMs as number), 0) /
            completed.length,
        }),
    ...(prompted.length === 0
      ? {}
      : {
          promptTokens:
            prompted.reduce((sum, outcome) => sum + (outcome.promptTokens as number), 0) /
            prompted.length,
        }),
    ...(planned.length === 0
      ? {}
      : {
          plannerInputTokens: meanOfPlanned((outcome) => outcome.plannerInputTokens),
          plannerOutputTokens: meanOfPlanned((outcome) => outcome.plannerOutputTokens),
          canonicalPlanTokens: meanOfPlanned((outcome) => outcome.canonicalPlanTokens),
        }),
    ...(failures.length === 0 ? {} : { failures: failures.slice(0, 5) }),
    ...(speculation === undefined ? {} : { speculation }),
  };
}

/** Counts each scenario's finished runs over every strategy and reports each as it ends. */
function createRunCounter(options: {
  runs: ReadonlyArray<{ scenario: string; runs: number }>;
  onProgress?: (event: BenchProgress) => void;
}): {
  runEnded(
    scenario: string,
    strategy: string,
    outcome: 'right' | 'wrong' | 'transport-error',
  ): void;
} {
  const totals = new Map(options.runs.map(({ scenario, runs }) => [scenario, runs]));
  const done = new Map<string, number>();
  options.onProgress?.({ type: 'start', scenarios: options.runs });
  return {
    runEnded(scenario, strategy, outcome) {
      const count = (done.get(scenario) ?? 0) + 1;
      done.set(scenario, count);
      options.onProgress?.({
        type: 'run-end',
        scenario,
        strategy,
        done: count,
        runs: totals.get(scenario) ?? count,
        outcome,
      });
    },
  };
}

/** The host's starvation figures: the bench's event-loop delay and the provider's lateness. */
function hostFigures(options: {
  eventLoopDelay: ReturnType<typeof monitorEventLoopDelay>;
  providerStats?: SimulatorStats;
}): HostFigures {
  const { eventLoopDelay } = options;
  // The histogram is in nanoseconds; with no sample yet it reports an absurd minimum: read 0.
  const delay = (value: number) => (eventLoopDelay.count === 0 ? 0 : value / 1e6);
  const lateness = (options.providerStats?.log ?? [])
    .map((entry) => entry.latenessMs)
    .sort((left, right) => left - right);
  const eventLoopDelayP99Ms = delay(eventLoopDelay.percentile(99));
  const providerLatenessP99Ms = lateness.length === 0 ? undefined : quantile(lateness, 0.99);
  return {
    eventLoopDelayP99Ms,
    eventLoopDelayMaxMs: delay(eventLoopDelay.max),
    ...(providerLatenessP99Ms === undefined
      ? {}
      : {
          providerLatenessP99Ms,
          providerLatenessMaxMs: lateness[lateness.length - 1] as number,
        }),
    starved:
      eventLoopDelayP99Ms > STARVED_EVENT_LOOP_DELAY_P99_MS ||
      (providerLatenessP99Ms ?? 0) > STARVED_PROVIDER_LATENESS_P99_MS,
    cpus: availableParallelism(),
    loadAverage: loadavg()[0] ?? 0,
  };
}
