import { ModelTimeoutError } from './model-timeout-error.js';

/** What kind of failure a model call had. */
export type ModelErrorKind = 'http' | 'connection' | 'timeout' | 'stream' | 'other';

/** A failed model call's error, read the same way whatever provider threw it. */
export interface ModelErrorDescription {
  kind: ModelErrorKind;
  /** The HTTP status, when the provider answered with one. */
  status: number | undefined;
  /** The provider's own message (or the error's). */
  message: string;
  /** Whether trying again may succeed: 408, 409, 429, 5xx, connection failures, time-outs. */
  retryable: boolean;
  /** How long the provider asked to wait (`retry-after-ms`, `retry-after`), when it did. */
  retryAfterMs: number | undefined;
}

// The statuses the AI SDK's providers retry (`APICallError.isRetryable`), and OpenAI's and
// Anthropic's documentation say to retry: request time-out, conflict, rate limit, server errors.
const RETRYABLE_STATUSES = new Set([408, 409, 429]);

// Node's and undici's codes for a connection that failed or broke off.
const CONNECTION_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

// Error `type`s that providers send inside a stream (OpenAI's `server_error`, Anthropic's
// `overloaded_error` and `api_error`): the service failed, not the request.
const RETRYABLE_STREAM_TYPES = new Set([
  'server_error',
  'overloaded_error',
  'api_error',
  'rate_limit_error',
  'timeout_error',
  'service_unavailable',
]);

/**
 * Reads a model call's error: an AI SDK `APICallError` (by its name, so that copies from
 * different `@ai-sdk/provider` versions are read alike), a provider's error sent inside the
 * stream (a plain object with `type` and `message`), a connection failure (by its code, anywhere
 * in the `cause` chain), or a {@link ModelTimeoutError}.
 */
export function describeModelError(error: unknown): ModelErrorDescription {
  if (ModelTimeoutError.isInstance(error)) {
    return {
      kind: 'timeout',
      status: 408,
      message: error.message,
      retryable: true,
      retryAfterMs: undefined,
    };
  }
  const record = asRecord(error);
  const status = typeof record?.['statusCode'] === 'number' ? record['statusCode'] : undefined;
  if (status !== undefined) {
    return {
      kind: 'http',
      status,
      message: messageOf(error),
      retryable: RETRYABLE_STATUSES.has(status) || status >= 500,
      retryAfterMs: retryAfterMs(record?.['responseHeaders']),
    };
  }
  if (hasConnectionCode(error)) {
    return {
      kind: 'connection',
      status: undefined,
      message: messageOf(error),
      retryable: true,
      retryAfterMs: undefined,
    };
  }
  if (record?.['name'] === 'AI_APICallError') {
    // No status: the request never got an answer ("Cannot connect to API").
    return {
      kind: 'connection',
      status: undefined,
      message: messageOf(error),
      retryable: record['isRetryable'] === true,
      retryAfterMs: undefined,
    };
  }
  if (!(error instanceof Error) && record !== undefined) {
    const inner = asRecord(record['error']) ?? record;
    const type = typeof inner['type'] === 'string' ? inner['type'] : undefined;
    const code = typeof inner['code'] === 'string' ? inner['code'] : undefined;
    return {
      kind: 'stream',
      status: undefined,
      message: messageOf(inner),
      retryable:
        (type !== undefined && RETRYABLE_STREAM_TYPES.has(type)) ||
        (code !== undefined && RETRYABLE_STREAM_TYPES.has(code)),
      retryAfterMs: undefined,
    };
  }
  return {
    kind: 'other',
    status: undefined,
    message: messageOf(error),
    retryable: false,
    retryAfterMs: undefined,
  };
}

/**
 * The wait a response asks for: `retry-after-ms` (OpenAI's, milliseconds), else `retry-after`
 * (RFC 9110: seconds, or an HTTP date).
 */
export function retryAfterMs(headers: unknown): number | undefined {
  const record = asRecord(headers);
  if (record === undefined) return undefined;
  const header = (name: string) => {
    const value = record[name] ?? record[name.toLowerCase()];
    return typeof value === 'string' ? value.trim() : undefined;
  };
  const ms = header('retry-after-ms');
  if (ms !== undefined && ms !== '') {
    const value = Number(ms);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const after = header('retry-after');
  if (after === undefined || after === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(after)) return Number(after) * 1000;
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function hasConnectionCode(error: unknown): boolean {
  // The cause chain is short in practice; the bound keeps a cyclic chain from looping.
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth += 1) {
    const record = asRecord(current);
    const code = record?.['code'];
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
    // undici's "terminated": the body stream broke off.
    if (current instanceof TypeError && current.message === 'terminated') return true;
    current = record?.['cause'];
  }
  return false;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  const record = asRecord(error);
  if (record !== undefined && typeof record['message'] === 'string') return record['message'];
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)
    : undefined;
}
