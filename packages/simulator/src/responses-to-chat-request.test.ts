import { describe, expect, it } from 'vitest';
import { parseChatRequest } from './chat-request.js';
import { encodePrompt } from './encode-prompt.js';
import { parseResponsesRequest } from './responses-request.js';
import type { StoredResponseItem } from './response-items.js';
import { responsesToChatRequest } from './responses-to-chat-request.js';
import { SimulatedApiError } from './simulator-errors.js';

const parameters = {
  type: 'object',
  properties: { city: { type: 'string' } },
  required: ['city'],
  additionalProperties: false,
};

function toChat(body: Record<string, unknown>, stored: StoredResponseItem[] = []) {
  return responsesToChatRequest({
    request: parseResponsesRequest({ model: 'gpt-4o', ...body }),
    lookupItem: (id) => stored.find((item) => item.id === id),
  });
}

function errorOf(run: () => unknown): SimulatedApiError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SimulatedApiError);
    return error as SimulatedApiError;
  }
  throw new Error('Expected an error.');
}

describe('responsesToChatRequest', () => {
  it('reads a Responses turn as the same Chat Completions request, token for token', () => {
    const responses = toChat({
      instructions: 'Be brief.',
      input: [
        { role: 'user', content: [{ type: 'input_text', text: 'Weather in Paris?' }] },
        {
          type: 'function_call',
          call_id: 'call_1',
          name: 'weather',
          arguments: '{"city":"Paris"}',
        },
        { type: 'function_call', call_id: 'call_2', name: 'weather', arguments: '{"city":"Nice"}' },
        { type: 'function_call_output', call_id: 'call_1', output: '{"temp":20}' },
        { type: 'function_call_output', call_id: 'call_2', output: '{"temp":24}' },
      ],
      tools: [
        { type: 'function', name: 'weather', description: 'Weather.', parameters, strict: true },
      ],
      tool_choice: 'auto',
      parallel_tool_calls: false,
      text: { format: { type: 'json_schema', name: 'out', schema: parameters, strict: true } },
      stream: true,
    });
    const chat = parseChatRequest({
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: 'weather', arguments: '{"city":"Paris"}' },
            },
            {
              id: 'call_2',
              type: 'function',
              function: { name: 'weather', arguments: '{"city":"Nice"}' },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: '{"temp":20}' },
        { role: 'tool', tool_call_id: 'call_2', content: '{"temp":24}' },
      ],
      tools: [
        {
          type: 'function',
          function: { name: 'weather', description: 'Weather.', parameters, strict: true },
        },
      ],
      tool_choice: 'auto',
      parallel_tool_calls: false,
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'out', schema: parameters, strict: true },
      },
      stream: true,
    });
    expect(responses).toEqual(chat);
    expect(encodePrompt(responses)).toEqual(encodePrompt(chat));
  });

  it('reads a string input as one user message, and a named tool_choice', () => {
    const chat = toChat({
      input: 'Hi',
      tools: [{ type: 'function', name: 'weather', parameters }],
      tool_choice: { type: 'function', name: 'weather' },
    });
    expect(chat.messages).toEqual([{ role: 'user', content: 'Hi' }]);
    expect(chat.tool_choice).toEqual({ type: 'function', function: { name: 'weather' } });
  });

  it('puts back the items an item_reference names, and refuses an unknown one with 404', () => {
    const stored: StoredResponseItem[] = [
      { type: 'message', id: 'msg_1', text: 'Sure.' },
      { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'weather', arguments: '{}' },
    ];
    const chat = toChat(
      {
        input: [
          { role: 'user', content: 'Hi' },
          { type: 'item_reference', id: 'msg_1' },
          { type: 'item_reference', id: 'fc_1' },
          { type: 'function_call_output', call_id: 'call_1', output: '{}' },
        ],
      },
      stored,
    );
    expect(chat.messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: 'Sure.',
        tool_calls: [
          { id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '{}' },
    ]);
    const error = errorOf(() => toChat({ input: [{ type: 'item_reference', id: 'msg_x' }] }));
    expect([error.status, error.param, error.message]).toEqual([
      404,
      'input[0]',
      "Item with id 'msg_x' not found.",
    ]);
  });

  it('refuses calls without outputs and outputs without calls, as OpenAI does', () => {
    const call = { type: 'function_call', call_id: 'call_9', name: 'weather', arguments: '{}' };
    expect(errorOf(() => toChat({ input: [call] })).message).toBe(
      'No tool output found for function call call_9.',
    );
    expect(
      errorOf(() =>
        toChat({ input: [{ type: 'function_call_output', call_id: 'call_9', output: '{}' }] }),
      ).message,
    ).toBe('No tool call found for function call output with call_id call_9.');
  });
});

describe('parseResponsesRequest', () => {
  it('refuses a body without model or input', () => {
    expect(errorOf(() => parseResponsesRequest({ input: 'Hi' })).toJSON().error).toEqual({
      message: "Missing required parameter: 'model'.",
      type: 'invalid_request_error',
      param: 'model',
      code: 'missing_required_parameter',
    });
    expect(errorOf(() => parseResponsesRequest({ model: 'gpt-4o' })).param).toBe('input');
  });

  it('refuses what the simulated provider cannot honour rather than ignoring it', () => {
    expect(
      errorOf(() =>
        parseResponsesRequest({ model: 'gpt-4o', input: 'Hi', tools: [{ type: 'web_search' }] }),
      ).message,
    ).toBe("The simulated provider serves function tools only, not 'web_search'.");
    expect(
      errorOf(() =>
        parseResponsesRequest({ model: 'gpt-4o', input: 'Hi', previous_response_id: 'resp_1' }),
      ).param,
    ).toBe('previous_response_id');
  });

  it('names the field at fault in a malformed item', () => {
    const error = errorOf(() =>
      parseResponsesRequest({
        model: 'gpt-4o',
        input: 'Hi',
        tools: [{ type: 'function', name: 3 }],
      }),
    );
    expect([error.status, error.param, error.code]).toEqual([
      400,
      'tools[0].name',
      'invalid_value',
    ]);
  });
});
