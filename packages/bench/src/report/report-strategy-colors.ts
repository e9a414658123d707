import type { BenchReport } from '../bench-figures.js';
import { strategyColors } from './strategy-colors.js';

/** One colour per strategy over the whole report, so a strategy looks alike in every scenario. */
export function reportStrategyColors(report: BenchReport): Map<string, string> {
  return strategyColors(
    Object.values(report.scenarios).flatMap((byStrategy) => Object.keys(byStrategy)),
  );
}
