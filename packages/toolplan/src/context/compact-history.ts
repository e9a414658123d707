import type { ModelMessage } from 'ai';
import { checkInteger } from './compress-options.js';
import { cutCharactersMarker } from './compress-value.js';

export interface CompactHistoryOptions {
  /**
   * Messages after the leading system messages that are sent whole before older ones are
   * summarised (the seed's `len(full_history) > 5`).
   * @default 5
   */
  threshold?: number;
  /**
   * The latest messages kept whole (the seed's `full_history[-2:]`). More are kept when the
   * window would otherwise start with a tool result whose call was summarised away, which
   * providers reject.
   * @default 2
   */
  keepLast?: number;
  /**
   * Characters of each older message in the default summary.
   * @default 200
   */
  maxCharsPerMessage?: number;
  /** Writes the summary of the older messages; by default one cut line per message, no model call. */
  summarize?: (older: readonly ModelMessage[]) => string;
}

/**
 * The seed's `get_context` for when history must be sent (the loop baselines): the leading
 * system messages stay first and untouched (they are the cacheable prefix), the last messages are
 * kept whole, and everything between is replaced by one user message summarising it.
 */
export function compactHistory(
  messages: readonly ModelMessage[],
  options: CompactHistoryOptions = {},
): ModelMessage[] {
  const threshold = options.threshold ?? 5;
  const keepLast = options.keepLast ?? 2;
  const maxChars = options.maxCharsPerMessage ?? 200;
  checkInteger('threshold', threshold, 0);
  checkInteger('keepLast', keepLast, 1);
  checkInteger('maxCharsPerMessage', maxChars, 1);
  let head = 0;
  while (head < messages.length && messages[head]?.role === 'system') head += 1;
  const body = messages.slice(head);
  if (body.length <= threshold || body.length <= keepLast) return [...messages];
  let start = body.length - keepLast;
  while (start > 0 && body[start]?.role === 'tool') start -= 1;
  if (start === 0) return [...messages];
  const older = body.slice(0, start);
  const summary =
    options.summarize?.(older) ??
    older.map((message) => summarizeMessage(message, maxChars)).join('\n');
  return [
    ...messages.slice(0, head),
    {
      role: 'user',
      content: `Summary of the ${older.length} earlier messages of this conversation:\n${summary}`,
    },
    ...body.slice(start),
  ];
}

function summarizeMessage(message: ModelMessage, maxChars: number): string {
  const parts: string[] = [];
  if (typeof message.content === 'string') parts.push(message.content);
  else {
    for (const part of message.content) {
      if (part.type === 'text') parts.push(part.text);
      else if (part.type === 'tool-call')
        parts.push(`called ${part.toolName}(${JSON.stringify(part.input)})`);
      else if (part.type === 'tool-result')
        parts.push(
          `${part.toolName} returned ${JSON.stringify(part.output.type === 'text' || part.output.type === 'json' ? part.output.value : part.output)}`,
        );
    }
  }
  const text = parts.join(' ').replace(/\s+/g, ' ').trim();
  const cut =
    text.length > maxChars
      ? text.slice(0, maxChars) + cutCharactersMarker(text.length - maxChars)
      : text;
  return `- ${message.role}: ${cut}`;
}
