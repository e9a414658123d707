import { SimulatedApiError } from './simulator-errors.js';

/** The request is outside the script book: no scenario, or no script for this kind of request. */
export function unscriptedQuery(message: string): SimulatedApiError {
  return new SimulatedApiError({
    status: 400,
    type: 'invalid_request_error',
    code: 'unscripted_query',
    message,
  });
}

/** The conversation has left the script (a tool call the script does not make). */
export function unscriptedTurn(message: string): SimulatedApiError {
  return new SimulatedApiError({
    status: 400,
    type: 'invalid_request_error',
    code: 'unscripted_turn',
    message,
  });
}

/**
 * The script itself cannot produce its answer (a reference into a result that lacks the path, a
 * reply that violates the requested JSON schema). A server-side fault: the script must be fixed.
 */
export function scriptFailure(message: string, cause?: unknown): SimulatedApiError {
  return new SimulatedApiError({
    status: 500,
    type: 'server_error',
    code: 'script_error',
    message,
    headers: { 'x-should-retry': 'false' },
    cause,
  });
}

/**
 * The script's plan calls tools the planning request does not show, and the prompt does not teach
 * how to ask for more: a model cannot write a call to a tool it was never told of (its name, its
 * parameters), so the simulated model refuses rather than pretend it could.
 */
export function toolNotOffered(message: string): SimulatedApiError {
  return new SimulatedApiError({
    status: 400,
    type: 'invalid_request_error',
    code: 'tool_not_offered',
    message,
  });
}
