import { APICallError } from '@ai-sdk/provider';

/** Socket-level failures, as Node and undici name them. */
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** Statuses that say the provider, not the request, failed (the AI SDK retries the same ones). */
function isProviderFailureStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * Whether a run failed in transport — a reset or refused connection, a stream cut by the network,
 * a provider's 408/409/429/5xx — rather than by what the strategy did. Such a run has no answer to
 * judge: the bench counts it apart from wrong answers. A provider's other 4xx (a request it
 * refused, a query outside its script book) is the strategy's doing and stays a wrong answer.
 * Walks the whole chain of causes (and `AggregateError`s), as errors are wrapped on the way up.
 */
export function isTransportError(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const current = pending.pop();
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    if (APICallError.isInstance(current)) {
      if (current.statusCode === undefined || isProviderFailureStatus(current.statusCode)) {
        return true;
      }
      // An answered request the provider refused: not transport, whatever it wraps.
      if (current.statusCode >= 400) continue;
      // A successful response whose body broke off ("Failed to process successful response"):
      // its cause says why.
    }
    const { code, cause, errors, lastError } = current as {
      code?: unknown;
      cause?: unknown;
      errors?: unknown;
      lastError?: unknown;
    };
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
    // undici's `fetch` reports a body cut off mid-stream as `TypeError: terminated`.
    if (current instanceof TypeError && /^(terminated|fetch failed)$/.test(current.message)) {
      return true;
    }
    pending.push(cause, lastError);
    if (Array.isArray(errors)) pending.push(...errors);
  }
  return false;
}
