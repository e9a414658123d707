/**
 * The run to draw for a strategy: the one whose latency is nearest the median of all its runs
 * (the earliest on a tie), so the picture shows a typical run rather than a lucky or an unlucky
 * draw of the model's time to first token.
 */
export function pickRepresentativeRun<Run extends { latencyMs: number }>(
  runs: readonly Run[],
): Run | undefined {
  if (runs.length === 0) return undefined;
  const sorted = runs.map((run) => run.latencyMs).sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  let best: Run | undefined;
  for (const run of runs) {
    if (
      best === undefined ||
      Math.abs(run.latencyMs - median) < Math.abs(best.latencyMs - median)
    ) {
      best = run;
    }
  }
  return best;
}
