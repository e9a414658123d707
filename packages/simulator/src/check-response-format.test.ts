import { describe, expect, it } from 'vitest';
import { parseChatRequest } from './chat-request.js';
import { checkReplyFormat, checkResponseFormatRequest } from './check-response-format.js';
import { SimulatedApiError } from './simulator-errors.js';

const schemaFormat = (schema: Record<string, unknown>) =>
  ({ type: 'json_schema', json_schema: { name: 'out', schema } }) as const;

function errorOf(run: () => void): SimulatedApiError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SimulatedApiError);
    return error as SimulatedApiError;
  }
  throw new Error('Expected an error.');
}

describe('checkReplyFormat', () => {
  const schema = {
    type: 'object',
    properties: { n: { type: 'number' } },
    required: ['n'],
    additionalProperties: false,
  };

  it('lets text through when no format is asked for', () => {
    expect(() => checkReplyFormat({ text: 'hi', format: undefined, scenario: 's' })).not.toThrow();
    expect(() =>
      checkReplyFormat({ text: 'hi', format: { type: 'text' }, scenario: 's' }),
    ).not.toThrow();
  });

  it('accepts a reply that satisfies the json_schema', () => {
    expect(() =>
      checkReplyFormat({ text: '{"n": 1}', format: schemaFormat(schema), scenario: 's' }),
    ).not.toThrow();
  });

  it('refuses a reply that violates the json_schema with a 500 naming the problem', () => {
    const error = errorOf(() =>
      checkReplyFormat({
        text: '{"n": "one", "x": 1}',
        format: schemaFormat(schema),
        scenario: 's',
      }),
    );
    expect(error.status).toBe(500);
    expect(error.code).toBe('script_error');
    expect(error.message).toMatch(/\/n must be number/);
    expect(error.message).toMatch(/additional properties/);
  });

  it('refuses a json_object reply that is not a JSON object', () => {
    expect(
      errorOf(() =>
        checkReplyFormat({ text: 'hi', format: { type: 'json_object' }, scenario: 's' }),
      ).message,
    ).toMatch(/not JSON/);
    expect(
      errorOf(() =>
        checkReplyFormat({ text: '[1]', format: { type: 'json_object' }, scenario: 's' }),
      ).message,
    ).toMatch(/an array/);
  });

  it('compiles schemas with the same $id more than once', () => {
    const withId = { $id: 'https://example.com/out', ...schema };
    for (let index = 0; index < 2; index += 1) {
      expect(() =>
        checkReplyFormat({
          text: '{"n": 1}',
          format: schemaFormat({ ...withId, description: `v${index}` }),
          scenario: 's',
        }),
      ).not.toThrow();
    }
  });
});

describe('checkResponseFormatRequest', () => {
  it('refuses a schema that cannot be compiled with a 400', () => {
    const request = parseChatRequest({
      model: 'm',
      messages: [{ role: 'user', content: 'x' }],
      response_format: schemaFormat({ type: 'no-such-type' }),
    });
    expect(errorOf(() => checkResponseFormatRequest(request)).status).toBe(400);
  });
});
