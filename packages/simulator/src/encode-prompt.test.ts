import { describe, expect, it } from 'vitest';
import { countTokens } from 'toolplan/internal';
import { parseChatRequest } from './chat-request.js';
import { encodePrompt } from './encode-prompt.js';
import { sharedPrefixLength } from './prompt-cache.js';
import { weatherTools } from './simulator.test-utils.js';

const request = (messages: unknown[], extra: Record<string, unknown> = {}) =>
  parseChatRequest({ model: 'gpt-4o', messages, ...extra });

describe('encodePrompt', () => {
  it("counts OpenAI's framing: 3 per message plus role and content, 3 to prime the reply", () => {
    const tokens = encodePrompt(request([{ role: 'user', content: 'hello world' }]));
    expect(tokens).toHaveLength(3 + countTokens('user') + countTokens('hello world') + 3);
  });

  it('counts a name with one more token', () => {
    const plain = encodePrompt(request([{ role: 'user', content: 'hi' }]));
    const named = encodePrompt(request([{ role: 'user', content: 'hi', name: 'ada' }]));
    expect(named.length - plain.length).toBe(1 + countTokens('ada'));
  });

  it('counts the tool definitions as sent, ahead of the messages', () => {
    const messages = [{ role: 'user', content: 'hi' }];
    const without = encodePrompt(request(messages));
    const withTools = encodePrompt(request(messages, { tools: weatherTools }));
    expect(withTools.length - without.length).toBe(countTokens(JSON.stringify(weatherTools)) + 2);
  });

  it("counts an assistant's tool calls and a tool message's content", () => {
    const calls = [
      {
        id: 'c1',
        type: 'function',
        function: { name: 'weather_get', arguments: '{"city":"Boston"}' },
      },
    ];
    const tokens = encodePrompt(
      request([
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: null, tool_calls: calls },
        { role: 'tool', tool_call_id: 'c1', content: '{"temp":28}' },
      ]),
    );
    const expected =
      3 +
      countTokens('user') +
      countTokens('hi') +
      3 +
      countTokens('assistant') +
      countTokens(JSON.stringify([{ name: 'weather_get', arguments: '{"city":"Boston"}' }])) +
      3 +
      countTokens('tool') +
      countTokens('{"temp":28}') +
      3;
    expect(tokens).toHaveLength(expected);
  });

  it('keeps a growing conversation a prefix of its next turn (so it can be cached)', () => {
    const first = [
      { role: 'system', content: 'You are helpful.' },
      { role: 'user', content: 'hi' },
    ];
    const short = encodePrompt(request(first, { tools: weatherTools }));
    const long = encodePrompt(
      request(
        [...first, { role: 'assistant', content: 'Hello.' }, { role: 'user', content: 'more' }],
        {
          tools: weatherTools,
        },
      ),
    );
    // The whole first prompt: its reply priming is how the next turn's assistant message opens.
    expect(sharedPrefixLength(short, long)).toBe(short.length);
  });

  it('joins the text parts of array content', () => {
    const parts = encodePrompt(
      request([
        {
          role: 'user',
          content: [
            { type: 'text', text: 'a' },
            { type: 'text', text: 'b' },
          ],
        },
      ]),
    );
    const text = encodePrompt(request([{ role: 'user', content: 'a\nb' }]));
    expect(parts).toEqual(text);
  });
});
