import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { behaviourOf, parseBehaviourHeader } from './model-behaviour.js';
import { SimulatedApiError } from './simulator-errors.js';

function requestWith(headers: IncomingMessage['headers']): IncomingMessage {
  return { headers } as IncomingMessage;
}

describe('parseBehaviourHeader', () => {
  it('reads either behaviour in any case', () => {
    expect(parseBehaviourHeader('worst-case')).toBe('worst-case');
    expect(parseBehaviourHeader(' Worst-Case ')).toBe('worst-case');
    expect(parseBehaviourHeader('HONEST')).toBe('honest');
  });

  it('answers anything else with a 400 that names the value', () => {
    let error: unknown;
    try {
      parseBehaviourHeader('evil');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SimulatedApiError);
    expect((error as SimulatedApiError).toJSON()).toEqual({
      error: {
        type: 'invalid_request_error',
        param: 'x-toolplan-behaviour',
        code: 'invalid_behaviour',
        message: 'Invalid x-toolplan-behaviour header "evil"; expected `honest` or `worst-case`.',
      },
    });
    expect((error as SimulatedApiError).status).toBe(400);
  });
});

describe('behaviourOf', () => {
  it('takes the header over the fallback, and the fallback without it', () => {
    expect(behaviourOf(requestWith({}), 'honest')).toBe('honest');
    expect(behaviourOf(requestWith({}), 'worst-case')).toBe('worst-case');
    expect(behaviourOf(requestWith({ 'x-toolplan-behaviour': 'honest' }), 'worst-case')).toBe(
      'honest',
    );
    expect(behaviourOf(requestWith({ 'x-toolplan-behaviour': 'worst-case' }), 'honest')).toBe(
      'worst-case',
    );
  });
});
