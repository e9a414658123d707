import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import { countTokens } from '../tools/index.js';

/**
 * What the chat format adds per message (role and delimiters): OpenAI's documented count for its
 * chat models. Other providers differ by a few tokens, which a budget's margin absorbs.
 */
export const MESSAGE_OVERHEAD_TOKENS = 4;

/** Tokens (o200k) of a prompt as it will be sent: every text part plus each message's overhead. */
export function countPromptTokens(prompt: LanguageModelV3Prompt): number {
  let total = 0;
  for (const message of prompt) {
    total += MESSAGE_OVERHEAD_TOKENS;
    if (typeof message.content === 'string') {
      total += countTokens(message.content);
      continue;
    }
    for (const part of message.content) {
      if (part.type === 'text' || part.type === 'reasoning') total += countTokens(part.text);
      else if (part.type === 'tool-call') total += countTokens(JSON.stringify(part.input));
      else if (part.type === 'tool-result') total += countTokens(JSON.stringify(part.output));
    }
  }
  return total;
}
