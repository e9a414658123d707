import { APICallError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { isTransportError } from './is-transport-error.js';

function apiError(statusCode: number | undefined, cause?: unknown): APICallError {
  return new APICallError({
    message: `status ${String(statusCode)}`,
    url: 'http://127.0.0.1/v1/chat/completions',
    requestBodyValues: {},
    ...(statusCode === undefined ? {} : { statusCode }),
    ...(cause === undefined ? {} : { cause }),
  });
}

function withCode(code: string): Error {
  return Object.assign(new Error(code), { code });
}

describe('isTransportError', () => {
  it('finds a network failure however deep it is wrapped', () => {
    const reset = withCode('ECONNRESET');
    expect(isTransportError(reset)).toBe(true);
    expect(
      isTransportError(new Error('planning failed', { cause: new Error('x', { cause: reset }) })),
    ).toBe(true);
    expect(isTransportError(new AggregateError([new Error('a'), withCode('UND_ERR_SOCKET')]))).toBe(
      true,
    );
    expect(
      isTransportError(
        Object.assign(new Error('retries'), { lastError: withCode('ECONNREFUSED') }),
      ),
    ).toBe(true);
  });

  it('counts 408, 409, 429 and 5xx and unanswered calls as transport, other 4xx not', () => {
    for (const status of [408, 409, 429, 500, 503, undefined]) {
      expect(isTransportError(apiError(status)), String(status)).toBe(true);
    }
    for (const status of [400, 401, 404, 422]) {
      expect(isTransportError(apiError(status, withCode('ECONNRESET'))), String(status)).toBe(
        false,
      );
    }
  });

  it('looks into a successful response whose body broke off', () => {
    expect(isTransportError(apiError(200, new TypeError('terminated')))).toBe(true);
    expect(isTransportError(apiError(200, new SyntaxError('Unexpected token')))).toBe(false);
  });

  it('is false for errors of the strategy itself, and survives cycles', () => {
    const cyclic = new Error('cyclic');
    (cyclic as { cause?: unknown }).cause = cyclic;
    expect(isTransportError(cyclic)).toBe(false);
    expect(isTransportError(new TypeError('x is not a function'))).toBe(false);
    expect(isTransportError('a string')).toBe(false);
    expect(isTransportError(undefined)).toBe(false);
  });
});
