import { createRequire } from 'node:module';
import type * as O200k from 'gpt-tokenizer/encoding/o200k_base';

const require = createRequire(import.meta.url);
let countO200k: ((text: string) => number) | undefined;

/**
 * Tokens of `text` in the o200k encoding (GPT-4o, GPT-4.1 and later OpenAI models). The encoding's
 * tables load on the first count, not when toolplan is imported: they cost more start-up time
 * than the rest of the library (measured: ~80 ms of a cold `import('toolplan')`).
 */
export function countTokens(text: string): number {
  countO200k ??= (require('gpt-tokenizer/encoding/o200k_base') as typeof O200k).countTokens;
  return countO200k(text);
}
