import { chainStandingFromTraces, type ChainStanding } from '../agent/index.js';
import {
  createTraceStore,
  traceStoreTarget,
  type ChainDefinition,
  type TraceStore,
} from '../trace/index.js';
import { traceLogMayExist } from './trace-log-may-exist.js';

/**
 * Newest runs of the log read as evidence: enough for any chain's last few comparisons, and a
 * bound on what a command reads at start however long the log has grown.
 */
export const EVIDENCE_RUNS = 10_000;

export interface WeighChainsOnTraceLogOptions {
  chains: readonly ChainDefinition[];
  /** An open store, or a `--traces` value: a SQLite path (no file: no evidence) or a database URL. */
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
  if (!traceLogMayExist(traces)) return weigh([]);
  const store = createTraceStore(traceStoreTarget(traces));
  try {
    return weigh((await store.listRuns({ limit: EVIDENCE_RUNS })).reverse());
  } finally {
    await store.close();
  }
}
