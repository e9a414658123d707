import type { IncomingMessage } from 'node:http';
import { SimulatedApiError } from './simulator-errors.js';

/**
 * How the simulated model treats what it reads (see script-book.ts):
 * - `honest`: it follows its script and nothing else.
 * - `worst-case`: it also obeys every instruction injected into tool output — the model a
 *   prompt-injection benchmark assumes, so that only the agent's defences stand in the way.
 */
export type ModelBehaviour = 'honest' | 'worst-case';

export const MODEL_BEHAVIOURS: readonly ModelBehaviour[] = ['honest', 'worst-case'];

/**
 * The request header that chooses the behaviour for one request (`honest` or `worst-case`, in any
 * case); without it, the provider's `behaviour` option applies.
 */
export const BEHAVIOUR_HEADER = 'x-toolplan-behaviour';

/** Reads a {@link BEHAVIOUR_HEADER} value; any other value is a 400 naming it. */
export function parseBehaviourHeader(value: string): ModelBehaviour {
  const wanted = value.trim().toLowerCase();
  const behaviour = MODEL_BEHAVIOURS.find((known) => known === wanted);
  if (behaviour !== undefined) return behaviour;
  throw new SimulatedApiError({
    status: 400,
    type: 'invalid_request_error',
    param: BEHAVIOUR_HEADER,
    code: 'invalid_behaviour',
    message: `Invalid ${BEHAVIOUR_HEADER} header ${JSON.stringify(value)}; expected \`honest\` or \`worst-case\`.`,
  });
}

/** The behaviour a request asks for by header, else `fallback` (the provider's option). */
export function behaviourOf(request: IncomingMessage, fallback: ModelBehaviour): ModelBehaviour {
  const header = request.headers[BEHAVIOUR_HEADER];
  if (header === undefined) return fallback;
  return parseBehaviourHeader(Array.isArray(header) ? header.join(',') : header);
}
