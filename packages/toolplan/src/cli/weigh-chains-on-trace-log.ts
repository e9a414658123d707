import { existsSync } from 'node:fs';
import { chainStandingFromTraces, type ChainStanding } from '../agent/index.js';
import { createTraceStore, type ChainDefinition, type TraceStore } from '../trace/index.js';

/**
 * Newest runs of the log read as evidence: enough for any chain's last few comparisons, and a
 * bound on what a command reads at start however long the log has grown.
 */
export const EVIDENCE_RUNS = 10_000;

export interface WeighChainsOnTraceLogOptions {
  chains: readonly ChainDefinition[];
  /** An open store, or the path of a SQLite log (no file: no evidence). */
  traces: TraceStore | string;
  promoteAfter?: number;
}

/**
 * Each chain's standing against the trace log (`chainStandingFromTraces` over its newest
 * {@link EVIDENCE_RUNS} runs, oldest first): what `toolplan chains list` shows and what
 * `toolplan run --chains` starts unreviewed chains from, so the two always agree.
 */
export async function weighChainsOnTraceLog(
  options: WeighChainsOnTraceLogOptions,
): Promise<ChainStanding[]> {
  const { chains, traces } = options;
  const weigh = (runs: Parameters<typeof chainStandingFromTraces>[0]['runs']) =>
    chainStandingFromTraces({
      chains,
      runs,
      ...(options.promoteAfter === undefined ? {} : { promoteAfter: options.promoteAfter }),
    });
  if (chains.every((chain) => chain.kept)) return weigh([]);
  if (typeof traces !== 'string') {
    return weigh((await traces.listRuns({ limit: EVIDENCE_RUNS })).reverse());
  }
  if (!existsSync(traces)) return weigh([]);
  const store = createTraceStore({ path: traces });
  try {
    return weigh((await store.listRuns({ limit: EVIDENCE_RUNS })).reverse());
  } finally {
    await store.close();
  }
}
