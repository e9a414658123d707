import type { ChatMessage } from './chat-request.js';
import { injectionLimits } from './injection-limits.js';
import { messageText } from './message-text.js';

/** Opens an injected block in tool output, as AgentDojo's attacks write it. */
export const INJECTION_OPEN = '<INFORMATION>';
/** Closes an injected block. */
export const INJECTION_CLOSE = '</INFORMATION>';

/**
 * The text of every `<INFORMATION> … </INFORMATION>` block the model reads in a request, in
 * order: in every message but the system and developer ones (the operator's), tool results and
 * the user text that embeds them (a replan prompt) alike. Where blocks nest, the innermost is
 * read. A block written inside a JSON string (a result that `JSON.stringify` embedded in a
 * prompt, perhaps twice) is unescaped until it is plain text, as a reader would see it.
 */
export function readInjectionBlocks(messages: readonly ChatMessage[]): string[] {
  const blocks: string[] = [];
  for (const message of messages) {
    if (message.role === 'system' || message.role === 'developer') continue;
    const text = messageText(message.content);
    // Linear: every search starts where the previous block ended, and the one backward search
    // stops at the opening already found.
    let position = 0;
    while (blocks.length < injectionLimits.maxBlocks) {
      const open = text.indexOf(INJECTION_OPEN, position);
      if (open === -1) break;
      const close = text.indexOf(INJECTION_CLOSE, open + INJECTION_OPEN.length);
      if (close === -1) break;
      const innermost = text.lastIndexOf(INJECTION_OPEN, close);
      const start = innermost + INJECTION_OPEN.length;
      if (close - start <= injectionLimits.maxBlockChars) {
        blocks.push(unescapeJsonString(text.slice(start, close)));
      }
      position = close + INJECTION_CLOSE.length;
    }
  }
  return blocks;
}

/**
 * Undoes JSON string escaping (`\"`, `\\n`, `\\u0041`…) for as long as the text reads as the
 * inside of a JSON string and changes. Plain text holding a raw quote or a line break does not
 * read as one, so a block written unescaped is left as it is.
 */
function unescapeJsonString(text: string): string {
  let current = text;
  for (let depth = 0; depth < injectionLimits.maxUnescapeDepth && current.includes('\\'); depth++) {
    let decoded: unknown;
    try {
      decoded = JSON.parse(`"${current}"`);
    } catch {
      break;
    }
    if (typeof decoded !== 'string' || decoded === current) break;
    current = decoded;
  }
  return current;
}
