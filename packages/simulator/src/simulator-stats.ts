import type { RequestMode } from './classify-request.js';

/** One chat-completion request as the simulator served it. */
export interface SimulatedRequestRecord {
  /** The completion id (`chatcmpl-…`), or `undefined` when the request failed before one. */
  id: string | undefined;
  status: number;
  stream: boolean;
  scenario: string | undefined;
  mode: RequestMode | undefined;
  /** The fault applied, if any. */
  fault: string | undefined;
  /** The error code of a failed request (`unscripted_query`, `rate_limit_exceeded`…). */
  errorCode: string | undefined;
  promptTokens: number;
  cachedTokens: number;
  completionTokens: number;
  costUsd: number;
  /** Simulated time to first token at speed 1, in ms. */
  timeToFirstTokenMs: number;
  /** Simulated time until the last token at speed 1, in ms. */
  durationMs: number;
  /**
   * How late the latest event of the response went out against the simulator's own schedule, in
   * ms of real time: what a starved host adds to every figure.
   */
  latenessMs: number;
}

/** Totals over the requests served since the provider started (or since `resetStats()`). */
export interface SimulatorStats {
  requests: number;
  /** Requests answered with a completion (status 200, including cut streams). */
  completions: number;
  failures: number;
  promptTokens: number;
  cachedTokens: number;
  completionTokens: number;
  costUsd: number;
  byMode: Record<RequestMode, number>;
  log: readonly SimulatedRequestRecord[];
}

export class StatsRecorder {
  #log: SimulatedRequestRecord[] = [];

  record(entry: SimulatedRequestRecord): void {
    this.#log.push(entry);
  }

  reset(): void {
    this.#log = [];
  }

  snapshot(): SimulatorStats {
    const stats: SimulatorStats = {
      requests: 0,
      completions: 0,
      failures: 0,
      promptTokens: 0,
      cachedTokens: 0,
      completionTokens: 0,
      costUsd: 0,
      byMode: { plan: 0, 'tool-loop': 0, join: 0 },
      log: this.#log.map((entry) => ({ ...entry })),
    };
    for (const entry of this.#log) {
      stats.requests += 1;
      if (entry.status === 200) stats.completions += 1;
      else stats.failures += 1;
      stats.promptTokens += entry.promptTokens;
      stats.cachedTokens += entry.cachedTokens;
      stats.completionTokens += entry.completionTokens;
      stats.costUsd += entry.costUsd;
      if (entry.mode !== undefined && entry.status === 200) stats.byMode[entry.mode] += 1;
    }
    return stats;
  }
}
