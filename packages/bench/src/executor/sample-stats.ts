/** Summary of one measurement's timed runs, in milliseconds, and per step. */
export interface SampleStats {
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Median time per step, µs. */
  usPerStep: number;
  /** Steps per second at the median. */
  stepsPerSecond: number;
}

export function sampleStats(samplesMs: readonly number[], steps: number): SampleStats {
  const sorted = [...samplesMs].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  const medianMs =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return {
    runs: sorted.length,
    medianMs,
    minMs: sorted[0] as number,
    maxMs: sorted[sorted.length - 1] as number,
    usPerStep: (medianMs * 1000) / steps,
    stepsPerSecond: steps / (medianMs / 1000),
  };
}
