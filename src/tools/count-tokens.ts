import { countTokens as countO200k } from 'gpt-tokenizer/encoding/o200k_base';

/** Tokens of `text` in the o200k encoding (GPT-4o, GPT-4.1 and later OpenAI models). */
export function countTokens(text: string): number {
  return countO200k(text);
}
