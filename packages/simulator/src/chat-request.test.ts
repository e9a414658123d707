import { describe, expect, it } from 'vitest';
import { parseChatRequest } from './chat-request.js';
import { SimulatedApiError } from './simulator-errors.js';

function errorOf(body: unknown): SimulatedApiError {
  try {
    parseChatRequest(body);
  } catch (error) {
    expect(error).toBeInstanceOf(SimulatedApiError);
    return error as SimulatedApiError;
  }
  throw new Error('Expected the request to be refused.');
}

describe('parseChatRequest', () => {
  it('accepts a request with fields it does not read', () => {
    const request = parseChatRequest({
      model: 'gpt-4o',
      messages: [
        { role: 'developer', content: 'Be brief.' },
        { role: 'user', content: 'hi' },
      ],
      temperature: 0.2,
      seed: 3,
      metadata: { a: 'b' },
    });
    expect(request.messages).toHaveLength(2);
    expect((request as Record<string, unknown>)['temperature']).toBe(0.2);
  });

  it.each([
    ['a non-object body', [1, 2], null],
    ['no model', { messages: [{ role: 'user', content: 'x' }] }, null],
    ['no messages', { model: 'm' }, 'missing_required_parameter'],
    ['empty messages', { model: 'm', messages: [] }, 'empty_array'],
    ['a bad role', { model: 'm', messages: [{ role: 'bot', content: 'x' }] }, 'invalid_value'],
    [
      'a bad tool',
      { model: 'm', messages: [{ role: 'user', content: 'x' }], tools: [{ type: 'function' }] },
      'invalid_value',
    ],
    [
      'an unknown response format',
      { model: 'm', messages: [{ role: 'user', content: 'x' }], response_format: { type: 'yaml' } },
      'invalid_value',
    ],
  ])('refuses %s with a 400 invalid_request_error', (_, body, code) => {
    const error = errorOf(body);
    expect(error.status).toBe(400);
    expect(error.type).toBe('invalid_request_error');
    expect(error.code).toBe(code);
    expect(error.toJSON()).toEqual({
      error: { message: error.message, type: error.type, param: error.param, code: error.code },
    });
  });

  it('names the offending parameter', () => {
    expect(errorOf({ model: 'm', messages: [{ role: 'user', content: 5 }] }).param).toBe(
      'messages[0].content',
    );
  });

  it('accepts tool calls that are all answered, in any order', () => {
    const calls = ['a', 'b'].map((id) => ({
      id,
      type: 'function',
      function: { name: 't', arguments: '{}' },
    }));
    expect(() =>
      parseChatRequest({
        model: 'm',
        messages: [
          { role: 'user', content: 'x' },
          { role: 'assistant', content: null, tool_calls: calls },
          { role: 'tool', tool_call_id: 'b', content: '1' },
          { role: 'tool', tool_call_id: 'a', content: '2' },
          { role: 'user', content: 'y' },
        ],
      }),
    ).not.toThrow();
  });
});
