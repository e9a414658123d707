import type { ChatMessage } from './chat-request.js';
import type { CompiledScenario } from './compile-script-book.js';
import { findJsonObjects } from './find-json-objects.js';
import { messageText } from './message-text.js';
import { resolveText } from './next-loop-turn.js';
import { readResult } from './read-tool-calls.js';
import { unscriptedQuery } from './script-failures.js';

/**
 * The scenario's `joinAnswer`, its references resolved against the results in the prompt; its
 * `joinFailure` when a result it needs is not there.
 */
export function answerJoin(options: {
  scenario: CompiledScenario;
  messages: readonly ChatMessage[];
}): string {
  const { scenario, messages } = options;
  if (scenario.joinAnswer === undefined) {
    throw unscriptedQuery(
      `The script book has no joinAnswer for scenario \`${scenario.name}\` (query ${JSON.stringify(scenario.query)}).`,
    );
  }
  try {
    return resolveText(scenario, scenario.joinAnswer, findResultsInPrompt(messages));
  } catch (error) {
    // A result the answer needs is missing: the step failed, and a model says so.
    if (scenario.joinFailure !== undefined) return scenario.joinFailure;
    throw error;
  }
}

/**
 * The results a prompt shows, by step id: tool messages by `tool_call_id`, and the keys of JSON
 * objects in any message's text (top level, or under `"results"` / `"steps"`). Later messages win,
 * as the newest data would for a reader.
 */
export function findResultsInPrompt(messages: readonly ChatMessage[]): Map<string, unknown> {
  const results = new Map<string, unknown>();
  for (const message of messages) {
    const text = messageText(message.content);
    for (const object of findJsonObjects(text)) {
      for (const container of [object, object['results'], object['steps']]) {
        if (typeof container !== 'object' || container === null || Array.isArray(container)) {
          continue;
        }
        for (const [key, value] of Object.entries(container)) results.set(key, value);
      }
    }
    if (message.role === 'tool') results.set(message.tool_call_id, readResult(text));
  }
  return results;
}
