import { median } from '../median.js';

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
  const medianMs = median(samplesMs);
  return {
    runs: samplesMs.length,
    medianMs,
    minMs: Math.min(...samplesMs),
    maxMs: Math.max(...samplesMs),
    usPerStep: (medianMs * 1000) / steps,
    stepsPerSecond: steps / (medianMs / 1000),
  };
}
