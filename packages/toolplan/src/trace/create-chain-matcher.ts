import type { ChainDefinition } from './chain-definition.js';
import { ChainDefinitionError } from './chain-errors.js';
import type { Chain } from './define-chain.js';
import { matchChain, type ChainMatch, type MatchChainOptions } from './match-chain.js';

export interface ChainMatcher {
  readonly chains: ReadonlyArray<Chain | ChainDefinition>;
  /** The most confident match over all chains (the earlier chain on a tie), or `undefined`. */
  match(query: string, options?: MatchChainOptions): ChainMatch | undefined;
}

/** Matches a query against many chains at once; see {@link matchChain} for one. */
export function createChainMatcher(chains: ReadonlyArray<Chain | ChainDefinition>): ChainMatcher {
  const list = [...chains];
  const names = new Set<string>();
  for (const chain of list) {
    if (names.has(chain.name)) {
      throw new ChainDefinitionError({
        chainName: chain.name,
        message: 'two chains have this name; names must be unique.',
      });
    }
    names.add(chain.name);
  }
  return {
    chains: list,
    match(query, options) {
      let best: ChainMatch | undefined;
      for (const chain of list) {
        const found = matchChain(chain, query, options);
        if (found !== undefined && (best === undefined || found.confidence > best.confidence))
          best = found;
      }
      return best;
    },
  };
}
