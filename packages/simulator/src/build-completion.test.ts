import { describe, expect, it } from 'vitest';
import { countTokens } from 'toolplan/internal';
import {
  buildCompletion,
  buildStreamEvents,
  completionTokensOf,
  type CompletionReply,
} from './build-completion.js';
import { TOOL_CALL_OVERHEAD_TOKENS } from './output-tokens.js';

const identity = { id: 'chatcmpl-x', created: 1, model: 'm-1', systemFingerprint: 'fp_0' };
const usage = { promptTokens: 10, cachedTokens: 0, completionTokens: 0 };
const calls: CompletionReply = {
  kind: 'tool-calls',
  calls: [
    { id: 'call_a', name: 'weather_get', arguments: '{"city":"Boston"}' },
    { id: 'call_b', name: 'weather_get', arguments: '{"city":"NYC"}' },
  ],
};

describe('completionTokensOf', () => {
  it('counts text tokens, and tool calls with their framing', () => {
    expect(completionTokensOf({ kind: 'text', text: 'Hello there.' })).toBe(
      countTokens('Hello there.'),
    );
    expect(completionTokensOf(calls)).toBe(
      2 * (countTokens('weather_get') + TOOL_CALL_OVERHEAD_TOKENS) +
        countTokens('{"city":"Boston"}') +
        countTokens('{"city":"NYC"}'),
    );
  });
});

describe('buildStreamEvents', () => {
  it('makes every event due no earlier than the one before, the last at the final token', () => {
    const events = buildStreamEvents({ identity, reply: calls, usage, includeUsage: true });
    const due = events.map((event) => event.outputTokens);
    expect(due).toEqual([...due].sort((left, right) => left - right));
    expect(due[0]).toBe(1);
    expect(due.at(-1)).toBe(completionTokensOf(calls));
    expect(events.at(-1)?.data).toBe('[DONE]');
  });

  it('rebuilds each call and the text from the fragments', () => {
    const events = buildStreamEvents({ identity, reply: calls, usage, includeUsage: false });
    const rebuilt = ['', ''];
    for (const event of events.slice(0, -1)) {
      const chunk = JSON.parse(event.data) as {
        choices: Array<{
          delta: { tool_calls?: Array<{ index: number; function: { arguments: string } }> };
        }>;
      };
      for (const call of chunk.choices[0]?.delta.tool_calls ?? []) {
        rebuilt[call.index] += call.function.arguments;
      }
    }
    expect(rebuilt).toEqual(['{"city":"Boston"}', '{"city":"NYC"}']);
    expect(events.some((event) => event.data.includes('"usage"'))).toBe(false);
  });
});

describe('buildCompletion', () => {
  it('builds a chat.completion with the message, the finish reason and the usage', () => {
    const completion = buildCompletion({
      identity,
      reply: { kind: 'text', text: 'Hi' },
      usage: { promptTokens: 10, cachedTokens: 0, completionTokens: 1 },
    });
    expect(completion).toMatchObject({
      id: 'chatcmpl-x',
      object: 'chat.completion',
      model: 'm-1',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Hi' }, finish_reason: 'stop' }],
      usage: {
        prompt_tokens: 10,
        completion_tokens: 1,
        total_tokens: 11,
        prompt_tokens_details: { cached_tokens: 0 },
      },
    });
    const withCalls = buildCompletion({ identity, reply: calls, usage });
    expect(withCalls).toMatchObject({
      choices: [
        {
          message: {
            content: null,
            tool_calls: [{ id: 'call_a', type: 'function' }, { id: 'call_b' }],
          },
          finish_reason: 'tool_calls',
        },
      ],
    });
  });
});
