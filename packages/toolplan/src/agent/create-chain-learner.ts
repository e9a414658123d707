import type { Predictor } from '../runtime/index.js';
import {
  createChainMatcher,
  mineChains,
  type Chain,
  type ChainDefinition,
  type ChainMatcher,
  type TraceRun,
} from '../trace/index.js';
import { chainShape, createChainPromotion } from './create-chain-promotion.js';
import { createTracePredictor } from './create-trace-predictor.js';

export interface ChainLearnerOptions {
  /**
   * Runs recorded before the log is first mined, and at least between two minings (later ones
   * wait for the log to grow by half: mining reads the whole log on the event loop).
   * @default 8
   */
  mineEvery?: number;
  /**
   * Runs of one shape needed before it is compiled into a chain.
   * @default 3
   */
  minSupport?: number;
  /**
   * Runs kept in memory (the oldest are dropped first).
   * @default 2000
   */
  maxRuns?: number;
  /**
   * Also learn a predictor of likely first calls (`createTracePredictor`) at each mining.
   * @default true
   */
  predict?: boolean;
  /**
   * Times a mined chain must agree with the planner before it answers alone (issue 18: promotion
   * on evidence). Until then it is in shadow: a query it matches goes to the planner, and what
   * the chain would have run is only compared with the planner's plan (`confirm`). A
   * disagreement puts it back to zero. `0` lets a mined chain answer at once.
   * @default 3
   */
  promoteAfter?: number;
}

/** What an agent learns from its own traffic: chains and a predictor, from its own traces. */
export interface ChainLearner {
  /** Adds a run (one with a plan that succeeded teaches something; others are ignored). */
  record(run: TraceRun): void;
  /** The chains mined so far (never reviewed: only read-only ones may run), if any. */
  chains(): ChainMatcher | undefined;
  /** A predictor of the first calls of plans for similar queries, once something was learned. */
  predictor(): Predictor | undefined;
  /**
   * Drops a mined chain whose run failed, so it is not asked again and again: a later mining
   * proposes it again only once its shape has `minSupport` more successful runs than when it
   * was dropped. `false` when the chain is not one of this learner's.
   */
  demote(chain: Chain | ChainDefinition): boolean;
  /** The chain is one of this learner's and has not agreed with the planner often enough yet. */
  isShadow(chain: Chain | ChainDefinition): boolean;
  /**
   * After a shadow match: whether the planner's plan was what the chain would have run. Agreeing
   * counts towards promotion; disagreeing puts the chain back to zero.
   */
  confirm(chain: Chain | ChainDefinition, agreed: boolean): void;
  /**
   * Runs recorded, minings done, chains in use, chains demoted after failing, chains answering
   * alone (`promoted`) and shadow comparisons that disagreed.
   */
  readonly stats: {
    runs: number;
    minings: number;
    chains: number;
    demoted: number;
    promoted: number;
    disagreements: number;
  };
}

/**
 * Learning from one's own traces, in memory: every run with a plan is kept; from time to time the
 * log is mined into chains (the miner's proposals, unreviewed, so `compileChain` refuses any with
 * side effects) and a trace predictor is rebuilt from it.
 *
 * States: empty → collecting (fewer runs than the next mining needs) → mined (chains and
 * predictor replaced at each mining); `record` moves between them. `demote` takes one chain out
 * of the mined set until fresh evidence brings it back.
 *
 * Each mined chain (by its shape: pattern and plan, so that re-mining keeps its standing):
 *
 *     mined ──► shadow ──confirm(agreed) × promoteAfter──► promoted (answers alone)
 *                 ▲ └─confirm(disagreed): back to zero
 *     shadow | promoted ──its run failed: demote──► dropped until `minSupport` more runs
 */
export function createChainLearner(options: ChainLearnerOptions = {}): ChainLearner {
  const mineEvery = options.mineEvery ?? 8;
  const minSupport = options.minSupport ?? 3;
  const maxRuns = options.maxRuns ?? 2000;
  const promotion = createChainPromotion(
    options.promoteAfter === undefined ? {} : { promoteAfter: options.promoteAfter },
  );
  for (const [name, value] of Object.entries({ mineEvery, minSupport, maxRuns })) {
    if (!Number.isInteger(value) || value < 1) {
      throw new TypeError(
        `Expected \`${name}\` to be a positive integer, got \`${String(value)}\``,
      );
    }
  }
  const runs: TraceRun[] = [];
  let nextMining = mineEvery;
  let matcher: ChainMatcher | undefined;
  let predictor: Predictor | undefined;
  const stats = { runs: 0, minings: 0, chains: 0, demoted: 0, promoted: 0, disagreements: 0 };
  const mine = (chain: Chain | ChainDefinition) => matcher?.chains.includes(chain) === true;
  /** Demoted chains by shape (pattern and plan): the support they had when dropped. */
  const demoted = new Map<string, number>();
  const shapeOf = chainShape;
  return {
    stats,
    chains: () => matcher,
    predictor: () => predictor,
    isShadow(chain) {
      return mine(chain) && promotion.isShadow(chain);
    },
    confirm(chain, agreed) {
      if (!mine(chain)) return;
      const change = promotion.confirm(chain, agreed);
      if (change === 'disagreed') stats.disagreements += 1;
      if (change === 'promoted') stats.promoted += 1;
    },
    demote(chain) {
      if (matcher === undefined || !matcher.chains.includes(chain)) return false;
      if (promotion.reset(chain)) stats.promoted -= 1;
      demoted.set(shapeOf(chain), ('support' in chain ? chain.support : undefined) ?? 0);
      const rest = matcher.chains.filter((each) => each !== chain);
      matcher = rest.length === 0 ? undefined : createChainMatcher(rest);
      stats.chains = rest.length;
      stats.demoted += 1;
      return true;
    },
    record(run) {
      if (run.plan === undefined || run.status !== 'ok') return;
      runs.push(run);
      stats.runs += 1;
      if (runs.length > maxRuns) runs.splice(0, runs.length - maxRuns);
      if (stats.runs < nextMining) return;
      nextMining = Math.max(stats.runs + mineEvery, Math.ceil(stats.runs * 1.5));
      const mined = mineChains(runs, { minSupport, coverageTarget: 1 });
      const proposals = mined.proposals.filter((proposal) => {
        const supportWhenDropped = demoted.get(shapeOf(proposal));
        if (supportWhenDropped === undefined) return true;
        if ((proposal.support ?? 0) < supportWhenDropped + minSupport) return false;
        demoted.delete(shapeOf(proposal));
        return true;
      });
      matcher = proposals.length === 0 ? undefined : createChainMatcher(proposals);
      if (options.predict !== false) predictor = createTracePredictor({ runs, name: 'learned' });
      stats.minings += 1;
      stats.chains = proposals.length;
    },
  };
}
