import {
  loopFullHistoryStrategy,
  loopQuickWinsStrategy,
  sessionStrategy,
  type MultiTurnStrategy,
  loopParallelStrategy,
  loopSequentialStrategy,
  optimizedStrategy,
  planChainsStrategy,
  planNoStreamStrategy,
  planPredictStrategy,
  planStrategy,
  type Strategy,
} from './strategies/index.js';
import type { BenchScenario } from './scenarios/bench-scenario.js';
import type { ConversationScenario } from './scenarios/conversation-scenario.js';
import { multiTurnScenario } from './scenarios/multi-turn-scenario.js';
import {
  injectionScenario,
  type InjectionScenario,
} from './scenarios/injection/injection-scenario.js';
import { fleetScenario, type FleetScenario } from './fleet/fleet-scenario.js';
import {
  bfclScenario,
  mixedScenario,
  bigCatalogScenario,
  moviePickScenario,
  mispredictScenario,
  multiHopScenario,
  nearMissScenario,
  newsSearchScenario,
  repeatTrafficScenario,
  researchScenario,
  userContextBatchScenario,
  userContextScenario,
  weatherBatchScenario,
  weatherScenario,
} from './scenarios/index.js';

/** Every scenario `toolplan bench` knows, in report order. Names are a contract. */
export const benchScenarios: readonly BenchScenario[] = [
  weatherScenario,
  weatherBatchScenario,
  userContextScenario,
  userContextBatchScenario,
  moviePickScenario,
  multiHopScenario,
  researchScenario,
  newsSearchScenario,
  mispredictScenario,
  bfclScenario,
  bigCatalogScenario,
  repeatTrafficScenario,
  nearMissScenario,
  mixedScenario,
];

/** Every strategy `toolplan bench` knows, baselines first. Names are a contract. */
export const benchStrategies: readonly Strategy[] = [
  loopSequentialStrategy,
  loopParallelStrategy,
  planStrategy,
  planNoStreamStrategy,
  planPredictStrategy,
  planChainsStrategy,
  optimizedStrategy,
];

/** Every multi-turn scenario `toolplan bench` knows, after the single-query ones. */
export const benchConversationScenarios: readonly ConversationScenario[] = [multiTurnScenario];

/**
 * Every security scenario `toolplan bench` knows, run after the others with the single-query
 * strategies each defines a defence for.
 */
export const benchInjectionScenarios: readonly InjectionScenario[] = [injectionScenario];

/**
 * Every fleet scenario `toolplan bench` knows: run last, on processes of their own sharing
 * PostgreSQL and Redis, with `optimized`; skipped with the reason where those do not answer.
 */
export const benchFleetScenarios: readonly FleetScenario[] = [fleetScenario];

/** Every multi-turn strategy `toolplan bench` knows, the baseline first. Names are a contract. */
export const benchMultiTurnStrategies: readonly MultiTurnStrategy[] = [
  loopFullHistoryStrategy,
  loopQuickWinsStrategy,
  sessionStrategy,
];

/**
 * `--scenario` and `--strategy` over every kind: a name may be a single-query, a multi-turn or an
 * injection scenario (a single-query or multi-turn strategy); a kind none of whose names was
 * given is left out. Injection scenarios run with the single-query strategies picked; fleet
 * scenarios with `optimized`, when it is picked. Unknown
 * names are an error listing every known one.
 */
export function pickBenchSelection(options: {
  scenarios: readonly string[] | undefined;
  strategies: readonly string[] | undefined;
}) {
  const pick = <Single extends { name: string }, Multi extends { name: string }>(
    single: readonly Single[],
    multi: readonly Multi[],
    names: readonly string[] | undefined,
    what: string,
  ): { single: Single[]; multi: Multi[] } => {
    if (names === undefined || names.length === 0)
      return { single: [...single], multi: [...multi] };
    pickByName<{ name: string }>({ items: [...single, ...multi], names, what });
    return {
      single: single.filter((item) => names.includes(item.name)),
      multi: multi.filter((item) => names.includes(item.name)),
    };
  };
  const scenarios = pick(
    [...benchScenarios, ...benchInjectionScenarios, ...benchFleetScenarios],
    benchConversationScenarios,
    options.scenarios,
    'scenario',
  );
  const strategies = pick(
    benchStrategies,
    benchMultiTurnStrategies,
    options.strategies,
    'strategy',
  );
  const isInjection = (scenario: { name: string }) =>
    benchInjectionScenarios.some((injection) => injection.name === scenario.name);
  const isFleet = (scenario: { name: string }) =>
    benchFleetScenarios.some((fleet) => fleet.name === scenario.name);
  return {
    scenarios: scenarios.single.filter(
      (scenario) => !isInjection(scenario) && !isFleet(scenario),
    ) as BenchScenario[],
    strategies: strategies.single,
    conversations: { scenarios: scenarios.multi, strategies: strategies.multi },
    injection: benchInjectionScenarios.filter((scenario) =>
      scenarios.single.some((picked) => picked.name === scenario.name),
    ),
    fleet: benchFleetScenarios.filter((scenario) =>
      scenarios.single.some((picked) => picked.name === scenario.name),
    ),
  };
}

/** Picks items by name, in the catalogue's order; unknown names are an error listing the known ones. */
export function pickByName<Item extends { name: string }>(options: {
  items: readonly Item[];
  names: readonly string[] | undefined;
  what: string;
}): Item[] {
  const { items, names, what } = options;
  if (names === undefined || names.length === 0) return [...items];
  const known = new Set(items.map((item) => item.name));
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new TypeError(
      `Unknown ${what} ${unknown.map((name) => `\`${name}\``).join(', ')}; expected one of ${[...known].map((name) => `\`${name}\``).join(', ')}`,
    );
  }
  return items.filter((item) => names.includes(item.name));
}
