import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import { countTokensUpTo } from '../tools/index.js';

/**
 * What the chat format adds per message (role and delimiters): OpenAI's documented count for its
 * chat models. Other providers differ by a few tokens, which a budget's margin absorbs.
 */
export const MESSAGE_OVERHEAD_TOKENS = 4;

/**
 * Tokens (o200k) of a prompt as it will be sent: every text part plus each message's overhead.
 * With `upTo`, counting stops once the total passes it (the answer is then some number above
 * it): a "does it fit" check then costs what the budget does, not what a huge prompt would.
 */
export function countPromptTokens(
  prompt: LanguageModelV3Prompt,
  options: { upTo?: number } = {},
): number {
  const limit = options.upTo ?? Number.POSITIVE_INFINITY;
  let total = 0;
  const add = (text: string | undefined) => {
    total += countTokensUpTo(text ?? '', limit - total);
  };
  for (const message of prompt) {
    total += MESSAGE_OVERHEAD_TOKENS;
    if (typeof message.content === 'string') add(message.content);
    else {
      for (const part of message.content) {
        if (part.type === 'text' || part.type === 'reasoning') add(part.text);
        else if (part.type === 'tool-call') add(JSON.stringify(part.input));
        else if (part.type === 'tool-result') add(JSON.stringify(part.output));
        if (total > limit) return total;
      }
    }
    if (total > limit) return total;
  }
  return total;
}
