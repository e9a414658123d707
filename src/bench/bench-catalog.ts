import {
  loopParallelStrategy,
  loopSequentialStrategy,
  planNoStreamStrategy,
  planStrategy,
  type Strategy,
} from '../agent/index.js';
import type { BenchScenario } from './scenarios/bench-scenario.js';
import {
  bfclScenario,
  moviePickScenario,
  multiHopScenario,
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
  bfclScenario,
];

/** Every strategy `toolplan bench` knows, baselines first. Names are a contract. */
export const benchStrategies: readonly Strategy[] = [
  loopSequentialStrategy,
  loopParallelStrategy,
  planStrategy,
  planNoStreamStrategy,
];

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
