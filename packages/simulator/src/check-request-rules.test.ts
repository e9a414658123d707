import { describe, expect, it } from 'vitest';
import { parseChatRequest } from './chat-request.js';
import { checkRequestRules, findRequestRuleProblems } from './check-request-rules.js';
import { SimulatedApiError } from './simulator-errors.js';

const loose = { type: 'object', properties: { x: { type: 'string' } } };
const strictValid = {
  type: 'object',
  properties: { x: { type: 'string' } },
  required: ['x'],
  additionalProperties: false,
};

function request(fields: Record<string, unknown>) {
  return parseChatRequest({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: 'hi' }],
    ...fields,
  });
}

function tool(name: string, extra: Record<string, unknown> = {}) {
  return { type: 'function', function: { name, parameters: loose, ...extra } };
}

function errorOf(run: () => void): SimulatedApiError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SimulatedApiError);
    return error as SimulatedApiError;
  }
  throw new Error('Expected an error.');
}

describe('checkRequestRules', () => {
  it('refuses a strict json_schema that breaks the strict rules, as OpenAI words it', () => {
    const error = errorOf(() =>
      checkRequestRules(
        request({
          response_format: {
            type: 'json_schema',
            json_schema: { name: 'out', strict: true, schema: loose },
          },
        }),
        'chat-completions',
      ),
    );
    expect(error.status).toBe(400);
    expect(error.toJSON().error).toEqual({
      type: 'invalid_request_error',
      param: 'response_format',
      code: 'invalid_json_schema',
      message:
        "Invalid schema for response_format 'out': In context=(), 'additionalProperties' is required to be supplied and to be false. In context=(), 'required' is required to be supplied and to be an array including every key in properties. Missing 'x'.",
    });
  });

  it('holds schemas sent without strict: true to no strict rule', () => {
    const format = { type: 'json_schema', json_schema: { name: 'out', schema: loose } };
    expect(
      findRequestRuleProblems(
        request({ response_format: format, tools: [tool('get_weather', { strict: false })] }),
        'chat-completions',
      ),
    ).toEqual([]);
  });

  it('accepts strict schemas that follow the rules', () => {
    const format = {
      type: 'json_schema',
      json_schema: { name: 'out', strict: true, schema: strictValid },
    };
    expect(
      findRequestRuleProblems(
        request({
          response_format: format,
          tools: [tool('get_weather', { strict: true, parameters: strictValid })],
        }),
        'chat-completions',
      ),
    ).toEqual([]);
  });

  it('refuses a strict function whose parameters break the rules, per API', () => {
    const chat = request({ tools: [tool('ok'), tool('get_weather', { strict: true })] });
    expect(findRequestRuleProblems(chat, 'chat-completions')).toEqual([
      {
        param: 'tools[1].function.parameters',
        code: 'invalid_function_parameters',
        message: expect.stringMatching(
          /^Invalid schema for function 'get_weather': In context=\(\), 'additionalProperties'/,
        ),
      },
    ]);
    expect(findRequestRuleProblems(chat, 'responses')[0]?.param).toBe('tools[1].parameters');
  });

  it('refuses names outside ^[a-zA-Z0-9_-]{1,64}$', () => {
    const chat = request({
      tools: [tool('weather.get'), tool('x'.repeat(65))],
      response_format: { type: 'json_schema', json_schema: { name: 'my plan', schema: loose } },
    });
    expect(
      findRequestRuleProblems(chat, 'chat-completions').map(({ param, code }) => ({ param, code })),
    ).toEqual([
      { param: 'tools[0].function.name', code: 'invalid_value' },
      { param: 'tools[1].function.name', code: 'string_above_max_length' },
      { param: 'response_format.json_schema.name', code: 'invalid_value' },
    ]);
    expect(findRequestRuleProblems(chat, 'responses').map(({ param }) => param)).toEqual([
      'tools[0].name',
      'tools[1].name',
      'text.format.name',
    ]);
  });

  it('refuses more than 128 tools on Chat Completions', () => {
    const tools = (count: number) => Array.from({ length: count }, (_, index) => tool(`t${index}`));
    expect(findRequestRuleProblems(request({ tools: tools(128) }), 'chat-completions')).toEqual([]);
    expect(findRequestRuleProblems(request({ tools: tools(129) }), 'chat-completions')).toEqual([
      {
        param: 'tools',
        code: 'array_above_max_length',
        message:
          "Invalid 'tools': array too long. Expected an array with maximum length 128, but got an array with length 129 instead.",
      },
    ]);
  });

  it('refuses parallel_tool_calls without tools on Chat Completions', () => {
    expect(
      findRequestRuleProblems(request({ parallel_tool_calls: false }), 'chat-completions'),
    ).toEqual([
      {
        param: 'parallel_tool_calls',
        code: null,
        message:
          "Invalid value for 'parallel_tool_calls': 'parallel_tool_calls' is only allowed when 'tools' are specified.",
      },
    ]);
  });

  it('reports every problem in one error, with the first one’s param and code', () => {
    const error = errorOf(() =>
      checkRequestRules(
        request({ tools: [tool('a b'), tool('c', { strict: true })] }),
        'chat-completions',
      ),
    );
    expect(error.param).toBe('tools[0].function.name');
    expect(error.code).toBe('invalid_value');
    expect(error.message.split('\n')).toHaveLength(2);
    expect(error.message).toContain("Invalid schema for function 'c'");
  });
});
