import type { ChatMessage } from './chat-request.js';
import { messageText } from './message-text.js';

/** A tool call found in the conversation, with the result that answered it. */
export interface ConversationToolCall {
  id: string;
  name: string;
  argumentsText: string;
  /** The tool message's content, JSON-parsed when it is JSON; `undefined` when unanswered. */
  result: { value: unknown } | undefined;
}

/** Every assistant tool call of the conversation, in order, paired with its tool result. */
export function readToolCalls(messages: readonly ChatMessage[]): ConversationToolCall[] {
  const results = new Map<string, unknown>();
  for (const message of messages) {
    if (message.role === 'tool' && !results.has(message.tool_call_id)) {
      results.set(message.tool_call_id, readResult(messageText(message.content)));
    }
  }
  const calls: ConversationToolCall[] = [];
  for (const message of messages) {
    if (message.role !== 'assistant') continue;
    for (const call of message.tool_calls ?? []) {
      calls.push({
        id: call.id,
        name: call.function.name,
        argumentsText: call.function.arguments,
        result: results.has(call.id) ? { value: results.get(call.id) } : undefined,
      });
    }
  }
  return calls;
}

/** What the model "reads" in a tool message: its JSON value, or its text when it is not JSON. */
export function readResult(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
