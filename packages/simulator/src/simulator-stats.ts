import type { RequestMode } from './classify-request.js';
import type { ModelBehaviour } from './model-behaviour.js';

/** One chat-completion request as the simulator served it. */
export interface SimulatedRequestRecord {
  /** The completion id (`chatcmpl-…`), or `undefined` when the request failed before one. */
  id: string | undefined;
  status: number;
  stream: boolean;
  scenario: string | undefined;
  mode: RequestMode | undefined;
  /** The request's `x-toolplan-namespace` (`''` when it names none). */
  namespace: string;
  /** How the model behaved, or `undefined` when the request failed before that was known. */
  behaviour: ModelBehaviour | undefined;
  /**
   * How many injected calls the worst-case model obeyed in its reply: steps added to a plan, or
   * tool calls of a tool-loop turn. 0 for an honest reply and for a failed request.
   */
  injectedCalls: number;
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
  /** Injected calls the worst-case model obeyed, over all replies. */
  injectedCalls: number;
  /** The same per namespace (`''` for requests that name none); namespaces with none are left out. */
  injectedCallsByNamespace: Record<string, number>;
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
      injectedCalls: 0,
      // No prototype, so that a namespace called `__proto__` is a key like any other.
      injectedCallsByNamespace: Object.create(null) as Record<string, number>,
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
      if (entry.status === 200 && entry.injectedCalls > 0) {
        stats.injectedCalls += entry.injectedCalls;
        const byNamespace = stats.injectedCallsByNamespace;
        byNamespace[entry.namespace] = (byNamespace[entry.namespace] ?? 0) + entry.injectedCalls;
      }
    }
    return stats;
  }
}
