import type { ChatMessage } from './chat-request.js';
import type { CompiledScenario, CompiledScriptBook } from './compile-script-book.js';
import { messageText } from './message-text.js';

/**
 * The scenario a request belongs to: the one whose query occurs in a user message, the latest
 * user message tried first (in a multi-turn conversation the newest question is the one being
 * answered; earlier ones are history). Within one message the query whose occurrence ends last
 * wins (a prompt quotes earlier questions before the one it asks), and among those ending at the
 * same place the longest (so a query that extends another is not shadowed by it).
 */
export function findScenario(
  messages: readonly ChatMessage[],
  book: CompiledScriptBook,
): CompiledScenario | undefined {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index] as ChatMessage;
    if (message.role !== 'user') continue;
    const text = messageText(message.content);
    let best: CompiledScenario | undefined;
    let bestEnd = -1;
    for (const scenario of book.scenarios) {
      const at = text.lastIndexOf(scenario.query);
      if (at === -1) continue;
      const end = at + scenario.query.length;
      if (
        best === undefined ||
        end > bestEnd ||
        (end === bestEnd && scenario.query.length > best.query.length)
      ) {
        best = scenario;
        bestEnd = end;
      }
    }
    if (best !== undefined) return best;
  }
  return undefined;
}

/**
 * Where the conversation asked `query` last: the index of the latest user message containing it,
 * or -1. The tool calls after it are the ones made for it; earlier ones answered earlier turns.
 */
export function askedAt(messages: readonly ChatMessage[], query: string): number {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index] as ChatMessage;
    if (message.role === 'user' && messageText(message.content).includes(query)) return index;
  }
  return -1;
}

/** The first user message, shortened, to name a query in an error message. */
export function describeQuery(messages: readonly ChatMessage[]): string {
  const first = messages.find((message) => message.role === 'user');
  const text = first === undefined ? '' : messageText(first.content).trim();
  if (text === '') return '(no user message)';
  return JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text);
}
