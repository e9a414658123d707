// @toolplan/bench: the benchmark of the toolplan repository (private; never published). The
// `toolplan` CLI loads it for `toolplan bench` and for its default script book.
export { benchCommand } from './cli/bench-command.js';
export { defaultScriptBook } from './default-script-book.js';
export { runBench, type BenchOptions, type BenchProgress } from './run-bench.js';
export type { BenchReport, StrategyFigures } from './bench-figures.js';
export {
  benchConversationScenarios,
  benchMultiTurnStrategies,
  benchScenarios,
  benchStrategies,
} from './bench-catalog.js';
export * from './strategies/index.js';
