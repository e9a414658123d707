import { parseStepCall } from 'toolplan/internal';
import type { ChatMessage } from './chat-request.js';
import { messageText } from './message-text.js';
import { planReplyText } from './plan-reply-text.js';
import { readInjectedCalls } from './read-injected-calls.js';

// A key of a JSON object written in the prompt, such as a finished step's id in a replan prompt.
const JSON_KEY = /"([A-Za-z_][A-Za-z0-9_]*)"\s*:/g;

/**
 * The plan the worst-case model writes: the scripted plan with every call injected into the
 * prompt appended as a step (`readInjectedCalls`). An injected step's id is free in the plan: no
 * scripted step has it, and the prompt writes no JSON key of that name (a replan's finished
 * steps are such keys, and a new step may not reuse their ids; other keys only cost a rename). `injectedSteps` is 0, and the text the honest one, when the
 * prompt holds no injection — or when the plan with the injected steps cannot be written, so
 * that hostile text never turns a scripted plan into an error.
 */
export function planWithInjectedSteps(options: {
  /** The scripted plan object (a plan scripted as text is sent as it is, by the caller). */
  plan: Record<string, unknown>;
  /** The plan's reply text without injected steps. */
  honestText: string;
  messages: readonly ChatMessage[];
}): { text: string; injectedSteps: number } {
  const { plan, honestText, messages } = options;
  const honest = { text: honestText, injectedSteps: 0 };
  const read = messages.filter(
    (message) => message.role !== 'system' && message.role !== 'developer',
  );
  const steps = Array.isArray(plan['steps']) ? (plan['steps'] as unknown[]) : [];
  const reservedIds = new Set<string>();
  // A regular expression rather than parsing JSON objects: linear however hostile the text.
  for (const message of read) {
    for (const match of messageText(message.content).matchAll(JSON_KEY)) {
      reservedIds.add(match[1] as string);
    }
  }
  for (const step of steps) {
    const id = stepIdOf(step);
    if (id !== undefined) reservedIds.add(id);
  }
  const injected = readInjectedCalls({ messages: read, reservedIds });
  if (injected.length === 0) return honest;
  const reply = planReplyText({ ...plan, steps: [...steps, ...injected.map((call) => call.step)] });
  return reply.ok ? { text: reply.text, injectedSteps: injected.length } : honest;
}

/** The id of a scripted step: an object's `id`, or the id a call string starts with. */
function stepIdOf(step: unknown): string | undefined {
  if (typeof step === 'string') {
    const parsed = parseStepCall(step);
    return parsed.ok ? parsed.step.id : undefined;
  }
  if (typeof step === 'object' && step !== null) {
    const id = (step as { id?: unknown }).id;
    return typeof id === 'string' ? id : undefined;
  }
  return undefined;
}
