import { median } from './median.js';

/**
 * The run to draw for a strategy: the one whose latency is nearest the median of all its runs
 * (the earliest on a tie), so the picture shows a typical run rather than a lucky or an unlucky
 * draw of the model's time to first token. With `eligible`, the median is still that of every
 * run, but only an eligible run is picked.
 */
export function pickRepresentativeRun<Run extends { latencyMs: number }>(
  runs: readonly Run[],
  eligible: (run: Run) => boolean = () => true,
): Run | undefined {
  if (runs.length === 0) return undefined;
  const target = median(runs.map((run) => run.latencyMs));
  let best: Run | undefined;
  for (const run of runs) {
    if (!eligible(run)) continue;
    if (
      best === undefined ||
      Math.abs(run.latencyMs - target) < Math.abs(best.latencyMs - target)
    ) {
      best = run;
    }
  }
  return best;
}
