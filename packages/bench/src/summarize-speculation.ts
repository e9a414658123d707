import type { SpeculationMetrics } from 'toolplan/internal';
import type { SpeculationFigures } from './bench-figures.js';

/** Speculation's figures over a strategy's runs: means per run, and the pooled hit rate. */
export function summarizeSpeculation(
  runs: readonly SpeculationMetrics[],
): SpeculationFigures | undefined {
  if (runs.length === 0) return undefined;
  const mean = (pick: (metrics: SpeculationMetrics) => number) =>
    runs.reduce((sum, metrics) => sum + pick(metrics), 0) / runs.length;
  const started = runs.reduce((sum, metrics) => sum + metrics.started, 0);
  const hits = runs.reduce((sum, metrics) => sum + metrics.hits, 0);
  return {
    proposals: mean((metrics) => metrics.proposals),
    started: mean((metrics) => metrics.started),
    hits: mean((metrics) => metrics.hits),
    joins: mean((metrics) => metrics.joins),
    wasted: mean((metrics) => metrics.wasted),
    cancelled: mean((metrics) => metrics.cancelled),
    hitRate: started === 0 ? 0 : hits / started,
    savedMs: mean((metrics) => metrics.savedMs),
  };
}
