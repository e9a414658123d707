import { stringify } from 'safe-stable-stringify';
import type { Chain, ChainDefinition } from '../trace/index.js';

export interface ChainPromotionOptions {
  /**
   * Agreements with the planner in a row a chain needs before it answers alone.
   * @default 3
   */
  promoteAfter?: number;
}

/** What one comparison did to a chain's standing. */
export type PromotionChange = 'promoted' | 'agreed' | 'disagreed' | 'unchanged';

/**
 * The standing of chains that have not earned trust yet (mined in memory, or mined to a file
 * that no developer kept): how many times in a row each agreed with the planner (issue 18:
 * promotion on evidence). A chain is known by its shape — its patterns and plan — so that mining
 * it again, or loading its file again, keeps its standing.
 *
 *     shadow (0…promoteAfter−1 agreements) ──confirm(agreed)──► … ──► promoted (answers alone)
 *       ▲ └──────────── confirm(disagreed) or reset: back to zero ◄──────────┘
 */
export interface ChainPromotion {
  readonly promoteAfter: number;
  /** Still short of `promoteAfter` agreements: the planner answers, the chain is compared. */
  isShadow(chain: Chain | ChainDefinition): boolean;
  /** Agreements in a row so far. */
  agreements(chain: Chain | ChainDefinition): number;
  /** One shadow comparison: an agreement counts, a disagreement starts over. */
  confirm(chain: Chain | ChainDefinition, agreed: boolean): PromotionChange;
  /** Back to zero (its run failed). Says whether it had been promoted. */
  reset(chain: Chain | ChainDefinition): boolean;
  /** Start a chain with this many agreements (evidence from a trace log). */
  seed(chain: Chain | ChainDefinition, agreements: number): void;
}

export function createChainPromotion(options: ChainPromotionOptions = {}): ChainPromotion {
  const promoteAfter = options.promoteAfter ?? 3;
  if (!Number.isInteger(promoteAfter) || promoteAfter < 0) {
    throw new TypeError(
      `Expected \`promoteAfter\` to be an integer ≥ 0, got \`${String(promoteAfter)}\``,
    );
  }
  const counts = new Map<string, number>();
  const countOf = (chain: Chain | ChainDefinition) => counts.get(chainShape(chain)) ?? 0;
  return {
    promoteAfter,
    isShadow: (chain) => countOf(chain) < promoteAfter,
    agreements: countOf,
    confirm(chain, agreed) {
      const shape = chainShape(chain);
      if (!agreed) {
        counts.delete(shape);
        return 'disagreed';
      }
      const count = (counts.get(shape) ?? 0) + 1;
      counts.set(shape, count);
      if (count === promoteAfter) return 'promoted';
      return count < promoteAfter ? 'agreed' : 'unchanged';
    },
    reset(chain) {
      const wasPromoted = promoteAfter > 0 && countOf(chain) >= promoteAfter;
      counts.delete(chainShape(chain));
      return wasPromoted;
    },
    seed(chain, agreements) {
      if (agreements > 0) counts.set(chainShape(chain), agreements);
      else counts.delete(chainShape(chain));
    },
  };
}

/** A chain's identity for its standing: what it matches and what it runs, not its name. */
export function chainShape(chain: Chain | ChainDefinition): string {
  return stringify([chain.match.patterns ?? [], chain.plan]);
}
