/** What the trace log holds, at a glance (`toolplan traces`, and the miner's first look). */
export interface TraceSummary {
  runs: number;
  /** Runs per strategy, most first. */
  strategies: Array<{ strategy: string; runs: number; errors: number }>;
  /** Calls per tool, most first, with latency percentiles over `endMs − startMs`. */
  tools: Array<{ tool: string; calls: number; errors: number; p50Ms: number; p95Ms: number }>;
  /** The most frequent tool sequences of runs that called tools, like `get_user → get_preferences`. */
  sequences: Array<{ sequence: string; runs: number }>;
}

/** The little of a run that the summary needs: the stores read no more than this. */
export interface SummaryRun {
  strategy: string;
  status: string;
  steps: ReadonlyArray<{ tool: string; status: string; startMs: number; endMs: number }>;
}

/**
 * Aggregates runs into a `TraceSummary`. Pure, so the SQLite and memory stores agree exactly.
 * @param topSequences how many sequences to keep (default 10)
 */
export function summarizeTraces(runs: Iterable<SummaryRun>, topSequences = 10): TraceSummary {
  const summary = createTraceSummary();
  for (const run of runs) summary.add(run);
  return summary.result(topSequences);
}

/**
 * `summarizeTraces` a run at a time, for a store that reads its runs in pages (PostgreSQL): what
 * it keeps grows with the tools' calls (one number each, for the percentiles), not with the runs.
 */
export function createTraceSummary(): {
  add(run: SummaryRun): void;
  result(topSequences?: number): TraceSummary;
} {
  let count = 0;
  const strategies = new Map<string, { runs: number; errors: number }>();
  const tools = new Map<string, { errors: number; durations: number[] }>();
  const sequences = new Map<string, number>();
  return {
    add(run) {
      count += 1;
      const strategy = strategies.get(run.strategy) ?? { runs: 0, errors: 0 };
      strategy.runs += 1;
      if (run.status !== 'ok') strategy.errors += 1;
      strategies.set(run.strategy, strategy);
      for (const step of run.steps) {
        const tool = tools.get(step.tool) ?? { errors: 0, durations: [] };
        tool.durations.push(step.endMs - step.startMs);
        if (step.status !== 'ok') tool.errors += 1;
        tools.set(step.tool, tool);
      }
      if (run.steps.length > 0) {
        const sequence = formatToolSequence(run.steps.map((step) => step.tool));
        sequences.set(sequence, (sequences.get(sequence) ?? 0) + 1);
      }
    },
    result(topSequences = 10) {
      return {
        runs: count,
        strategies: [...strategies]
          .map(([strategy, value]) => ({ strategy, ...value }))
          .sort((a, b) => b.runs - a.runs || a.strategy.localeCompare(b.strategy)),
        tools: [...tools]
          .map(([tool, { errors, durations }]) => {
            const sorted = [...durations].sort((a, b) => a - b);
            return {
              tool,
              calls: sorted.length,
              errors,
              p50Ms: percentile(sorted, 0.5),
              p95Ms: percentile(sorted, 0.95),
            };
          })
          .sort((a, b) => b.calls - a.calls || a.tool.localeCompare(b.tool)),
        sequences: [...sequences]
          .map(([sequence, runs]) => ({ sequence, runs }))
          .sort((a, b) => b.runs - a.runs || a.sequence.localeCompare(b.sequence))
          .slice(0, topSequences),
      };
    },
  };
}

/**
 * `get_user → get_preferences`, with repeats of one tool folded (`get_weather ×5`) so that the same
 * request for five cities and for three reads as the same kind of work, up to the count.
 */
export function formatToolSequence(tools: readonly string[]): string {
  const parts: string[] = [];
  let index = 0;
  while (index < tools.length) {
    const tool = tools[index] as string;
    let end = index + 1;
    while (end < tools.length && tools[end] === tool) end += 1;
    parts.push(end - index > 1 ? `${tool} ×${end - index}` : tool);
    index = end;
  }
  return parts.join(' → ');
}

// Nearest-rank on sorted values: always a latency that was actually observed.
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] as number;
}
