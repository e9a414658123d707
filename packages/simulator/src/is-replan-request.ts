import { REPLAN_REQUEST_MARKER, RESUME_REQUEST_MARKER } from 'toolplan/internal';
import type { ChatMessage } from './chat-request.js';
import { messageText } from './message-text.js';

/**
 * True when a planning request asks for a plan again — a replan after failed steps or a resume
 * after a cut-off plan: a line of its latest user message starts with toolplan's marker for
 * either. Only a line's start counts, and a result embedded as JSON never starts one (its line
 * breaks are escaped), so a tool result quoting the marker does not make a first plan a replan.
 */
export function isReplanRequest(messages: readonly ChatMessage[]): boolean {
  const latest = messages.findLast((message) => message.role === 'user');
  if (latest === undefined) return false;
  return messageText(latest.content)
    .split('\n')
    .some(
      (line) => line.startsWith(REPLAN_REQUEST_MARKER) || line.startsWith(RESUME_REQUEST_MARKER),
    );
}
