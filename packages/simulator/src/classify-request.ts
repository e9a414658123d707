import type { ChatRequest } from './chat-request.js';
import { messageText } from './message-text.js';
import { PLAN_REQUEST_MARKER, PLAN_SCHEMA_NAME } from './request-markers.js';

/** What the simulated model is asked for (see script-book.ts). */
export type RequestMode = 'plan' | 'tool-loop' | 'join';

export function classifyRequest(request: ChatRequest): RequestMode {
  const format = request.response_format;
  if (format?.type === 'json_schema' && format.json_schema.name === PLAN_SCHEMA_NAME) return 'plan';
  const asksForPlan = request.messages.some(
    (message) =>
      (message.role === 'system' || message.role === 'developer' || message.role === 'user') &&
      messageText(message.content).includes(PLAN_REQUEST_MARKER),
  );
  if (asksForPlan) return 'plan';
  const hasTools =
    request.tools !== undefined && request.tools !== null && request.tools.length > 0;
  if (hasTools && request.tool_choice !== 'none') return 'tool-loop';
  return 'join';
}
