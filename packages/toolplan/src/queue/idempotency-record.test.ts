import { describe, expect, it } from 'vitest';
import { isFinal, parseIdempotencyRecord, queueKeys } from './idempotency-record.js';

describe('parseIdempotencyRecord', () => {
  it('reads each state', () => {
    expect(parseIdempotencyRecord('{"state":"queued"}')).toEqual({ state: 'queued' });
    expect(parseIdempotencyRecord('{"state":"started"}')).toEqual({ state: 'started' });
    expect(parseIdempotencyRecord('{"state":"done","value":{"a":1}}')).toEqual({
      state: 'done',
      value: { a: 1 },
    });
    expect(parseIdempotencyRecord('{"state":"done"}')).toEqual({ state: 'done' });
    expect(
      parseIdempotencyRecord('{"state":"failed","error":{"name":"RangeError","message":"m"}}'),
    ).toEqual({ state: 'failed', error: { name: 'RangeError', message: 'm' } });
  });

  it('gives a failure without its details a name and a message', () => {
    expect(parseIdempotencyRecord('{"state":"failed"}')).toEqual({
      state: 'failed',
      error: { name: 'Error', message: 'unknown failure' },
    });
  });

  it.each([null, '', 'not json', '42', 'null', '{"state":"other"}'])(
    'takes %j for no record',
    (text) => {
      expect(parseIdempotencyRecord(text)).toBeUndefined();
    },
  );
});

describe('isFinal', () => {
  it('holds for a finished call only', () => {
    expect(isFinal({ state: 'done' })).toBe(true);
    expect(isFinal({ state: 'failed', error: { name: 'E', message: 'm' } })).toBe(true);
    expect(isFinal({ state: 'queued' })).toBe(false);
    expect(isFinal({ state: 'started' })).toBe(false);
    expect(isFinal(undefined)).toBe(false);
  });
});

describe('queueKeys', () => {
  it("keeps the records under the queue's prefix, apart from BullMQ job ids (`k…`)", () => {
    const keys = queueKeys('p', 'q');
    expect(keys.record('kx')).toBe('p:q:toolplan-record:kx');
    expect(keys.cancelled('kx')).toBe('p:q:toolplan-cancelled:kx');
    expect(keys.cancelChannel).toBe('p:q:toolplan-cancel');
  });
});
