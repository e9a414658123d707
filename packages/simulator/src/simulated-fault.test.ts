import { describe, expect, it } from 'vitest';
import { FaultSchedule } from './fault-schedule.js';
import { faultError, parseFaultHeader } from './simulated-fault.js';

describe('parseFaultHeader', () => {
  it.each([
    ['rate-limit', { kind: 'rate-limit' }],
    ['rate-limit:5', { kind: 'rate-limit', retryAfterSeconds: 5 }],
    ['server-error', { kind: 'server-error' }],
    [' cut-stream:0 ', { kind: 'cut-stream', afterChunks: 0 }],
  ])('reads %j', (value, fault) => {
    expect(parseFaultHeader(value)).toEqual(fault);
  });

  it.each([
    '',
    'boom',
    'cut-stream',
    'cut-stream:-1',
    'rate-limit:x',
    'server-error:1',
    'cut-stream:1:2',
  ])('refuses %j with a 400 naming the accepted forms', (value) => {
    expect(() => parseFaultHeader(value)).toThrow(/expected `rate-limit`/);
  });
});

describe('faultError', () => {
  it("answers rate limits with 429, retry-after and OpenAI's body", () => {
    const error = faultError({ kind: 'rate-limit', retryAfterSeconds: 4 }, 'gpt-4o');
    expect(error?.status).toBe(429);
    expect(error?.headers['retry-after']).toBe('4');
    expect(error?.toJSON().error).toMatchObject({ type: 'requests', code: 'rate_limit_exceeded' });
  });

  it('answers server errors with 500 and has no response for a cut stream', () => {
    expect(faultError({ kind: 'server-error' }, 'm')?.status).toBe(500);
    expect(faultError({ kind: 'cut-stream', afterChunks: 1 }, 'm')).toBeUndefined();
  });
});

describe('FaultSchedule', () => {
  it('applies the first live rule, after its skip, for its times', () => {
    const schedule = new FaultSchedule([
      { fault: { kind: 'server-error' }, skip: 1, times: 2 },
      { fault: { kind: 'rate-limit' } },
    ]);
    const kinds = Array.from({ length: 5 }, () => schedule.next()?.kind);
    expect(kinds).toEqual([
      'rate-limit',
      'server-error',
      'server-error',
      'rate-limit',
      'rate-limit',
    ]);
  });

  it('applies nothing without rules', () => {
    expect(new FaultSchedule([]).next()).toBeUndefined();
  });
});
