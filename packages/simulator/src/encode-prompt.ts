import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import type { ChatRequest } from './chat-request.js';
import { messageText } from './message-text.js';

/**
 * The framing OpenAI adds around each message, from OpenAI's cookbook "How to count tokens with
 * tiktoken": every message is `<|start|>{role}<|message|>{content}<|end|>` — 3 framing tokens plus
 * the role's and the content's tokens, 1 more when it has a `name` — and every reply is primed
 * with `<|start|>assistant<|message|>` (3 tokens).
 *
 * The framing tokens are ids outside o200k's vocabulary: they are counted and compared for the
 * prompt cache, never decoded.
 */
export const MESSAGE_START = 200_100;
export const MESSAGE_SEPARATOR = 200_101;
export const MESSAGE_END = 200_102;
export const NAME_MARKER = 200_103;
/** Opens the tool definitions and the response format, which OpenAI renders ahead of the messages. */
export const DEFINITIONS_START = 200_104;

/**
 * The request's prompt as a token array (o200k), in the order a provider reads it:
 *
 * 1. the tool definitions as sent (`JSON.stringify(tools)`), framed by 2 tokens — OpenAI renders
 *    them as a TypeScript-like namespace inside the system message, which this JSON text
 *    approximates (it counts a little more);
 * 2. a `json_schema` response format's schema as sent, framed the same way;
 * 3. each message: 3 framing tokens + role + content (+ 1 + name); an assistant message's tool
 *    calls count as the JSON of their names and arguments, a tool message as its content;
 * 4. the 3 tokens that prime the reply.
 *
 * Putting definitions first matters for caching: they are the stable head of every turn of a
 * tool loop, as the system prompt is.
 */
export function encodePrompt(request: ChatRequest): number[] {
  const tokens: number[] = [];
  const push = (text: string) => {
    for (const token of encode(text)) tokens.push(token);
  };
  if (request.tools !== undefined && request.tools !== null && request.tools.length > 0) {
    tokens.push(DEFINITIONS_START);
    push(JSON.stringify(request.tools));
    tokens.push(MESSAGE_END);
  }
  const format = request.response_format;
  if (format?.type === 'json_schema') {
    tokens.push(DEFINITIONS_START);
    push(JSON.stringify(format.json_schema));
    tokens.push(MESSAGE_END);
  }
  for (const message of request.messages) {
    tokens.push(MESSAGE_START);
    push(message.role);
    if ('name' in message && typeof message.name === 'string') {
      tokens.push(NAME_MARKER);
      push(message.name);
    }
    tokens.push(MESSAGE_SEPARATOR);
    push(messageText(message.content));
    if (
      message.role === 'assistant' &&
      message.tool_calls !== undefined &&
      message.tool_calls !== null
    ) {
      const calls = message.tool_calls.map((call) => ({
        name: call.function.name,
        arguments: call.function.arguments,
      }));
      if (calls.length > 0) push(JSON.stringify(calls));
    }
    tokens.push(MESSAGE_END);
  }
  tokens.push(MESSAGE_START);
  push('assistant');
  tokens.push(MESSAGE_SEPARATOR);
  return tokens;
}
