import { APICallError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { describeModelError, retryAfterMs } from './describe-model-error.js';
import { ModelTimeoutError } from './model-timeout-error.js';

function apiError(statusCode: number, responseHeaders: Record<string, string> = {}) {
  return new APICallError({
    message: `status ${statusCode}`,
    url: 'https://api.example.test',
    requestBodyValues: {},
    statusCode,
    responseHeaders,
  });
}

describe('describeModelError', () => {
  it('retries 408, 409, 429 and 5xx, never another 4xx', () => {
    for (const status of [408, 409, 429, 500, 502, 503, 529])
      expect(describeModelError(apiError(status)).retryable, String(status)).toBe(true);
    for (const status of [400, 401, 403, 404, 413, 422])
      expect(describeModelError(apiError(status)).retryable, String(status)).toBe(false);
    expect(describeModelError(apiError(503))).toMatchObject({ kind: 'http', status: 503 });
  });

  it('reads a connection failure anywhere in the cause chain', () => {
    const reset = new TypeError('terminated', {
      cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
    });
    expect(describeModelError(reset)).toMatchObject({ kind: 'connection', retryable: true });
    const refused = new Error('fetch failed', {
      cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
    });
    expect(describeModelError(refused).retryable).toBe(true);
    expect(describeModelError(new Error('bad things')).retryable).toBe(false);
  });

  it('reads errors a provider sends inside its stream', () => {
    expect(
      describeModelError({
        type: 'error',
        error: { type: 'overloaded_error', message: 'Overloaded' },
      }),
    ).toMatchObject({ kind: 'stream', retryable: true, message: 'Overloaded' });
    expect(
      describeModelError({ message: 'The server had an error', type: 'server_error' }),
    ).toMatchObject({ retryable: true });
    expect(describeModelError({ message: 'bad', type: 'invalid_request_error' }).retryable).toBe(
      false,
    );
  });

  it('treats a time-out as retryable', () => {
    expect(
      describeModelError(new ModelTimeoutError({ phase: 'first-token', timeoutMs: 10 })),
    ).toMatchObject({ kind: 'timeout', retryable: true });
  });
});

describe('retryAfterMs', () => {
  it('prefers retry-after-ms, then retry-after in seconds or as an HTTP date', () => {
    expect(retryAfterMs({ 'retry-after-ms': '250', 'retry-after': '5' })).toBe(250);
    expect(retryAfterMs({ 'retry-after': '2' })).toBe(2000);
    const date = new Date(Date.now() + 10_000).toUTCString();
    const fromDate = retryAfterMs({ 'retry-after': date }) as number;
    expect(fromDate).toBeGreaterThan(8_000);
    expect(fromDate).toBeLessThanOrEqual(10_000);
    expect(retryAfterMs({ 'retry-after': 'soon' })).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});
