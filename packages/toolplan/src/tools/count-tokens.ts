import { createRequire } from 'node:module';
import { LRUCache } from 'lru-cache';
import type * as O200k from 'gpt-tokenizer/encoding/o200k_base';
import { tokenPieces } from './token-pieces.js';

const require = createRequire(import.meta.url);
let countO200k: ((text: string) => number) | undefined;

/**
 * Counts of the long texts counted last, by content. The same long text is counted again and
 * again — a planner's system prompt when its planner is prepared and in every request's budget
 * check — and counting is linear in its length (measured: 35 ms for a catalog of 628 tools,
 * 178,000 characters), where looking it up is a hash of it. Texts shorter than
 * `MEMO_MIN_CHARS` cost less to count than to keep; those longer than `MEMO_MAX_CHARS` are
 * rarely counted twice (a tool's result).
 */
const MEMO_MIN_CHARS = 4_096;
const MEMO_MAX_CHARS = 1_000_000;
const counted = new LRUCache<string, number>({
  maxSize: 8_000_000,
  sizeCalculation: (_count, text) => text.length,
});

/**
 * Tokens of `text` in the o200k encoding (GPT-4o, GPT-4.1 and later OpenAI models). The encoding's
 * tables load on the first count, not when toolplan is imported: they cost more start-up time
 * than the rest of the library (measured: ~80 ms of a cold `import('toolplan')`).
 *
 * Exact for a text of up to 1,000 characters and for longer text cut by word breaks. A run of more
 * than 1,000 characters without a break (a long token-like string, unspaced CJK) is counted in
 * pieces, so its cost is linear in its length, not quadratic; its count is then an upper bound,
 * about a token per 256 characters of the run over the exact one.
 */
export function countTokens(text: string): number {
  return countTokensUpTo(text, Number.POSITIVE_INFINITY);
}

/**
 * {@link countTokens}, stopping as soon as the count passes `limit`: for "does it fit" questions,
 * whose cost should grow with the budget, not with the text. Returns the count when it is at most
 * `limit`, otherwise some number above `limit`.
 */
export function countTokensUpTo(text: string, limit: number): number {
  const memo = text.length >= MEMO_MIN_CHARS && text.length <= MEMO_MAX_CHARS;
  const known = memo ? counted.get(text) : undefined;
  if (known !== undefined) return known;
  countO200k ??= (require('gpt-tokenizer/encoding/o200k_base') as typeof O200k).countTokens;
  let total = 0;
  for (const piece of tokenPieces(text)) {
    total += countO200k(piece);
    if (total > limit) return total;
  }
  // Only a whole count is kept: one stopped at a limit is no answer for a higher one.
  if (memo) counted.set(text, total);
  return total;
}
