import type { ChatMessage } from './chat-request.js';
import type { CompiledScenario, CompiledScriptBook } from './compile-script-book.js';
import { messageText } from './message-text.js';

/**
 * The scenario a request belongs to: the one whose query occurs in a user message, the first user
 * message tried first; among queries found in the same message, the longest.
 */
export function findScenario(
  messages: readonly ChatMessage[],
  book: CompiledScriptBook,
): CompiledScenario | undefined {
  for (const message of messages) {
    if (message.role !== 'user') continue;
    const text = messageText(message.content);
    let best: CompiledScenario | undefined;
    for (const scenario of book.scenarios) {
      if (!text.includes(scenario.query)) continue;
      if (best === undefined || scenario.query.length > best.query.length) best = scenario;
    }
    if (best !== undefined) return best;
  }
  return undefined;
}

/** The first user message, shortened, to name a query in an error message. */
export function describeQuery(messages: readonly ChatMessage[]): string {
  const first = messages.find((message) => message.role === 'user');
  const text = first === undefined ? '' : messageText(first.content).trim();
  if (text === '') return '(no user message)';
  return JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text);
}
