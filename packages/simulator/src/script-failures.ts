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
