import { SimulatedApiError } from './simulator-errors.js';

/** A failure the simulated provider can be told to produce, as real providers do. */
export type SimulatedFault =
  /** `429` with a `retry-after` header (seconds; default 1) and OpenAI's rate-limit body. */
  | { kind: 'rate-limit'; retryAfterSeconds?: number }
  /** `500` with OpenAI's server-error body. */
  | { kind: 'server-error' }
  /**
   * The connection is destroyed after `afterChunks` server-sent events (a streamed request) or
   * before any response (a non-streamed one).
   */
  | { kind: 'cut-stream'; afterChunks: number };

/**
 * The request header that asks for a fault on this one request: `rate-limit`, `rate-limit:2`
 * (retry after 2 s), `server-error`, or `cut-stream:5`.
 */
export const FAULT_HEADER = 'x-toolplan-fault';

/** Reads a {@link FAULT_HEADER} value; a malformed value is a 400 naming the accepted forms. */
export function parseFaultHeader(value: string): SimulatedFault {
  const [kind, argument, ...rest] = value.trim().split(':');
  const count = argument === undefined ? undefined : Number(argument);
  const validCount = count !== undefined && Number.isInteger(count) && count >= 0;
  if (rest.length === 0) {
    if (kind === 'server-error' && argument === undefined) return { kind: 'server-error' };
    if (kind === 'rate-limit' && argument === undefined) return { kind: 'rate-limit' };
    if (kind === 'rate-limit' && validCount)
      return { kind: 'rate-limit', retryAfterSeconds: count };
    if (kind === 'cut-stream' && validCount) return { kind: 'cut-stream', afterChunks: count };
  }
  throw new SimulatedApiError({
    status: 400,
    type: 'invalid_request_error',
    param: FAULT_HEADER,
    code: 'invalid_fault',
    message: `Invalid ${FAULT_HEADER} header ${JSON.stringify(value)}; expected \`rate-limit\`, \`rate-limit:<seconds>\`, \`server-error\` or \`cut-stream:<chunks>\`.`,
  });
}

/** The error response a fault produces, when it is one (a cut stream is not). */
export function faultError(fault: SimulatedFault, model: string): SimulatedApiError | undefined {
  if (fault.kind === 'rate-limit') {
    const seconds = fault.retryAfterSeconds ?? 1;
    return new SimulatedApiError({
      status: 429,
      type: 'requests',
      code: 'rate_limit_exceeded',
      message: `Rate limit reached for ${model} in organization org-simulated on requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in ${seconds}s.`,
      headers: { 'retry-after': String(seconds), 'x-ratelimit-remaining-requests': '0' },
    });
  }
  if (fault.kind === 'server-error') {
    return new SimulatedApiError({
      status: 500,
      type: 'server_error',
      code: null,
      message: 'The server had an error while processing your request. Sorry about that!',
    });
  }
  return undefined;
}
