import { createRequire } from 'node:module';
import type * as O200k from 'gpt-tokenizer/encoding/o200k_base';
import { tokenPieces } from './token-pieces.js';

const require = createRequire(import.meta.url);
let countO200k: ((text: string) => number) | undefined;

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
  countO200k ??= (require('gpt-tokenizer/encoding/o200k_base') as typeof O200k).countTokens;
  let total = 0;
  for (const piece of tokenPieces(text)) {
    total += countO200k(piece);
    if (total > limit) return total;
  }
  return total;
}
