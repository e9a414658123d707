import type { StrategyFigures, VersusParts } from './bench-figures.js';

/** How much cheaper a part must be to count as cheaper than the pipeline (a share of its cost). */
export const CHEAPER_BY = 0.001;

/**
 * How the whole pipeline (`optimized`) did against each of its parts over a stream, after the
 * warm-up: the fastest part, how much faster the pipeline was than it, and which parts were
 * cheaper (by more than {@link CHEAPER_BY}). `undefined` when a row is missing (a strategy not run) or has no stream figures.
 */
export function compareWithParts(options: {
  byStrategy: Readonly<Record<string, StrategyFigures>>;
  parts: readonly string[];
  whole?: string;
}): VersusParts | undefined {
  const whole = options.byStrategy[options.whole ?? 'optimized']?.stream;
  if (whole?.latencyMsAfterWarmUp === undefined || whole.costUsdAfterWarmUp === undefined) {
    return undefined;
  }
  const wholeCost = whole.costUsdAfterWarmUp;
  const parts = options.parts.map((name) => ({ name, stream: options.byStrategy[name]?.stream }));
  if (parts.length === 0) return undefined;
  const measured: Array<{ name: string; latencyMs: number; costUsd: number }> = [];
  for (const { name, stream } of parts) {
    if (stream?.latencyMsAfterWarmUp === undefined || stream.costUsdAfterWarmUp === undefined) {
      return undefined;
    }
    measured.push({
      name,
      latencyMs: stream.latencyMsAfterWarmUp,
      costUsd: stream.costUsdAfterWarmUp,
    });
  }
  const best = measured.reduce((fastest, part) =>
    part.latencyMs < fastest.latencyMs ? part : fastest,
  );
  return {
    parts: measured.map((part) => part.name),
    bestPart: best.name,
    latencyMs: whole.latencyMsAfterWarmUp,
    bestPartLatencyMs: best.latencyMs,
    fasterBy: best.latencyMs === 0 ? 0 : 1 - whole.latencyMsAfterWarmUp / best.latencyMs,
    costUsd: wholeCost,
    // The same model calls can differ by a few cached prompt tokens between two runs of the
    // same path (a provider's cache is per strategy): a part is cheaper when it is cheaper by
    // more than 0.1% of a query's cost, not by a hundredth of that.
    cheaperParts: measured
      .filter((part) => part.costUsd < wholeCost * (1 - CHEAPER_BY))
      .map((part) => part.name),
  };
}
