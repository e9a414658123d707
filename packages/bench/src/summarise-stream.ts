import type { RunMeasurement, StreamFigures } from './bench-figures.js';
import { quantile } from './quantile.js';
import { countWastedToolCalls, type CallTimes } from './count-wasted-tool-calls.js';

/** One run of a stream scenario, with where it stood in the stream. */
export interface StreamOutcome extends RunMeasurement {
  /** Position in the stream, from 0. */
  position: number;
  /** The request kind; `novel` for the tail. */
  kind: string;
  /**
   * Runs that made no model call: the least time their tools needed (the critical path of the
   * plan they ran, with the steps' actual durations).
   */
  toolCriticalPathMs?: number;
  /** When the run's model and tool calls happened, for its wasted tool calls. */
  recording?: CallTimes;
}

/**
 * A stream scenario's own figures: how much of the repeated traffic was answered without the
 * model once the warm-up was over, what that path cost beyond its tools, and each kind alone.
 */
export function summariseStream(options: {
  outcomes: readonly StreamOutcome[];
  warmUp: number;
  /** The kinds that are repeated traffic. @default every kind but `novel` */
  repeatedKinds?: readonly string[];
}): StreamFigures {
  const { outcomes, warmUp, repeatedKinds } = options;
  const afterWarmUp = outcomes.filter((outcome) => outcome.position >= warmUp);
  const repeated = afterWarmUp.filter((outcome) =>
    repeatedKinds === undefined ? outcome.kind !== 'novel' : repeatedKinds.includes(outcome.kind),
  );
  const zeroCall = (outcome: StreamOutcome) => outcome.llmCalls === 0 && outcome.correct;
  const zeroCallWrong = (outcome: StreamOutcome) => outcome.llmCalls === 0 && !outcome.correct;
  const compiled = outcomes.filter(
    (outcome) => outcome.llmCalls === 0 && outcome.toolCriticalPathMs !== undefined,
  );
  const kinds = [...new Set(outcomes.map((outcome) => outcome.kind))];
  return {
    warmUp,
    zeroModelCallShare: share(repeated, zeroCall),
    zeroModelCallShareAll: share(outcomes, zeroCall),
    latencyMsAfterWarmUp: mean(afterWarmUp.map((outcome) => outcome.latencyMs)),
    costUsdAfterWarmUp: mean(afterWarmUp.map((outcome) => outcome.costUsd)),
    totalCostUsd: outcomes.reduce((sum, outcome) => sum + outcome.costUsd, 0),
    zeroCallWrong: outcomes.filter(zeroCallWrong).length,
    wastedToolCalls: outcomes.reduce(
      (sum, outcome) =>
        sum +
        (outcome.recording === undefined
          ? 0
          : countWastedToolCalls({ correct: outcome.correct, calls: outcome.recording })),
      0,
    ),
    ...(compiled.length === 0
      ? {}
      : {
          compiledRuns: compiled.length,
          compiledOverheadMs: mean(
            compiled.map((outcome) => outcome.latencyMs - (outcome.toolCriticalPathMs as number)),
          ),
        }),
    perKind: Object.fromEntries(
      kinds.map((kind) => {
        const ofKind = afterWarmUp.filter((outcome) => outcome.kind === kind);
        const latencies = ofKind.map((outcome) => outcome.latencyMs).sort((a, b) => a - b);
        return [
          kind,
          {
            runs: ofKind.length,
            latencyMs: mean(latencies),
            latencyP95Ms: quantile(latencies, 0.95),
            costUsd: mean(ofKind.map((outcome) => outcome.costUsd)),
            llmCalls: mean(ofKind.map((outcome) => outcome.llmCalls)),
            inputTokens: mean(ofKind.map((outcome) => outcome.inputTokens)),
            outputTokens: mean(ofKind.map((outcome) => outcome.outputTokens)),
            zeroModelCallShare: share(ofKind, zeroCall),
            correctRuns: ofKind.filter((outcome) => outcome.correct).length,
            zeroCallWrong: ofKind.filter(zeroCallWrong).length,
          },
        ];
      }),
    ),
  };
}

function share<Item>(items: readonly Item[], test: (item: Item) => boolean): number {
  return items.length === 0 ? 0 : items.filter(test).length / items.length;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}
