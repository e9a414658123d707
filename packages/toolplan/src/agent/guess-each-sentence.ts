import type { Plan } from '../plan/index.js';
import { createToolRegistry, type ToolSource } from '../tools/index.js';
import { bindChainParams, type ChainMatcher, type RefusedChainMatch } from '../trace/index.js';
import type { PlanCache } from './create-plan-cache.js';
import { guessFromRefusedMatch } from './guess-from-refused-match.js';
import { splitSentences } from './split-sentences.js';

/**
 * A message of several requests (`What's the weather in Paris? And the price of AAPL?`) is a
 * shape never learned, but each of its sentences may be one: what the chains and the plan cache
 * would call for each, bound to its values, is a guess of the planner's calls for speculation
 * (issue 20: predictions fed by chains). Never an answer: the whole message goes to the planner.
 * A message of one sentence gives nothing here (the compiled path has already looked at it).
 */
export function guessEachSentence(options: {
  query: string;
  tools: ToolSource;
  matcher: ChainMatcher | undefined;
  planCache: PlanCache | undefined;
}): Plan[] {
  const sentences = splitSentences(options.query);
  if (sentences.length < 2) return [];
  const registry = createToolRegistry(options.tools);
  const guesses: Plan[] = [];
  for (const sentence of sentences) {
    guesses.push(...(options.planCache?.guess?.(sentence, registry) ?? []));
    const match = options.matcher?.match(sentence, {
      schemaOf: (tool) => registry.get(tool)?.inputSchema.jsonSchema,
      onRefusedMatch: (refused: RefusedChainMatch) => guesses.push(guessFromRefusedMatch(refused)),
    });
    if (match !== undefined) guesses.push(bindChainParams(match.chain.plan, match.params));
  }
  return guesses;
}
