import { describe, expect, it } from 'vitest';
import { isConnectionError } from './is-connection-error.js';

describe('isConnectionError', () => {
  it('retries lost connections, restarting servers and deadlocks', () => {
    for (const code of ['08006', '08003', '57P01', '57P03', '40P01', '40001', 'ECONNREFUSED']) {
      expect(isConnectionError(Object.assign(new Error('x'), { code }))).toBe(true);
    }
    expect(isConnectionError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionError(new Error('timeout exceeded when trying to connect'))).toBe(true);
  });

  it('does not retry what the server refused or what is not an error', () => {
    for (const code of ['23505', '22P02', '42P01', '57014', 'ERR_INVALID_ARG_TYPE']) {
      expect(isConnectionError(Object.assign(new Error('x'), { code }))).toBe(false);
    }
    expect(isConnectionError(new TypeError('run.steps.forEach is not a function'))).toBe(false);
    expect(isConnectionError(undefined)).toBe(false);
    expect(isConnectionError('Connection terminated')).toBe(false);
  });
});
