import type { Chain, ChainDefinition, TraceRun } from '../trace/index.js';
import type { ChainLearner } from './create-chain-learner.js';
import { chainShape } from './create-chain-promotion.js';

/** A change to a chain learner, as processes tell each other. Plain JSON. */
export type ChainLearnerEvent =
  | { type: 'learn.run'; run: TraceRun }
  | { type: 'learn.confirm'; shape: string; agreed: boolean }
  | { type: 'learn.demote'; shape: string };

/**
 * A chain learner that learns from the whole fleet's traffic: every run a process records is
 * told to the others (`publish`) and recorded by each (`apply`), so each mines chains — and
 * rebuilds its predictor — from every process's runs, and mines the same chains. Promotion is
 * shared the same way: an agreement or a demotion is told by the chain's shape (its patterns and
 * plan, the identity promotion already uses), and applied to the chain of that shape the process
 * mined. Runs are trace records (plain data); chains mined from them are the miner's unreviewed
 * proposals wherever they are mined, so sharing grants no chain more trust than mining it locally.
 */
export function shareChainLearner(options: {
  local: ChainLearner;
  publish: (event: ChainLearnerEvent) => void;
}): { learner: ChainLearner; apply: (event: ChainLearnerEvent) => void } {
  const { local, publish } = options;
  const byShape = (shape: string): Chain | undefined =>
    local.chains()?.chains.find((chain) => chainShape(chain) === shape);
  const learner: ChainLearner = {
    record(run) {
      local.record(run);
      if (run.plan !== undefined && run.status === 'ok')
        publish({ type: 'learn.run', run: toSharedRun(run) });
    },
    chains: () => local.chains(),
    predictor: () => local.predictor(),
    demote(chain: Chain | ChainDefinition) {
      const demoted = local.demote(chain);
      if (demoted) publish({ type: 'learn.demote', shape: chainShape(chain) });
      return demoted;
    },
    isShadow: (chain) => local.isShadow(chain),
    confirm(chain, agreed) {
      local.confirm(chain, agreed);
      publish({ type: 'learn.confirm', shape: chainShape(chain), agreed });
    },
    get stats() {
      return local.stats;
    },
  };
  const apply = (event: ChainLearnerEvent) => {
    switch (event.type) {
      case 'learn.run':
        local.record(event.run);
        return;
      case 'learn.confirm': {
        const chain = byShape(event.shape);
        if (chain !== undefined) local.confirm(chain, event.agreed);
        return;
      }
      case 'learn.demote': {
        const chain = byShape(event.shape);
        if (chain !== undefined) local.demote(chain);
        return;
      }
    }
  };
  return { learner, apply };
}

/**
 * What of a run other processes learn from: its query and plan (all that mining and the
 * predictor read), without its answer, its steps' result summaries or its usage. Chains and
 * plans are shared by every scope, as within one process; results are not — they stay in their
 * `shareScope` — so nothing made of a tool's output goes into the application-wide stream.
 */
export function toSharedRun(run: TraceRun): TraceRun {
  return {
    runId: run.runId,
    strategy: run.strategy,
    query: run.query,
    startedAt: run.startedAt,
    wallMs: run.wallMs,
    status: run.status,
    ...(run.plan === undefined ? {} : { plan: run.plan }),
    steps: [],
  };
}
