import type { ModelMessage } from 'ai';
import { describe, expect, it } from 'vitest';
import { compactHistory } from './compact-history.js';

const system: ModelMessage = { role: 'system', content: 'You are helpful.' };
const user = (text: string): ModelMessage => ({ role: 'user', content: text });
const call = (id: string): ModelMessage => ({
  role: 'assistant',
  content: [{ type: 'tool-call', toolCallId: id, toolName: 'search', input: { q: id } }],
});
const result = (id: string, value: unknown): ModelMessage => ({
  role: 'tool',
  content: [
    {
      type: 'tool-result',
      toolCallId: id,
      toolName: 'search',
      output: { type: 'json', value: value as never },
    },
  ],
});

describe('compactHistory', () => {
  it('sends a short history whole', () => {
    const messages = [system, user('hi'), call('a'), result('a', { x: 1 })];
    expect(compactHistory(messages)).toEqual(messages);
  });

  it('summarises older turns, keeps the system prompt first and the last two whole', () => {
    const messages = [
      system,
      user('Find cats'),
      call('a'),
      result('a', { hits: 'c'.repeat(1000) }),
      user('And dogs?'),
      call('b'),
      result('b', { hits: ['rex'] }),
      { role: 'assistant', content: 'Rex.' } satisfies ModelMessage,
      user('Thanks'),
    ];
    const compacted = compactHistory(messages);
    expect(compacted[0]).toBe(system);
    expect(compacted.slice(-2)).toEqual(messages.slice(-2));
    expect(compacted).toHaveLength(4);
    const summary = compacted[1];
    expect(summary?.role).toBe('user');
    expect(summary?.content).toMatch(/Summary of the 6 earlier messages/);
    expect(summary?.content).toMatch(/called search\(\{"q":"a"\}\)/);
    expect(summary?.content).toMatch(/…\(cut [\d,]+ characters\)/);
  });

  it('never starts the kept window with a tool result whose call was summarised', () => {
    const messages = [
      system,
      user('1'),
      user('2'),
      user('3'),
      user('4'),
      call('a'),
      result('a', 1),
      result('a', 2),
    ];
    const compacted = compactHistory(messages);
    expect(compacted.slice(-3)).toEqual(messages.slice(-3));
  });

  it('takes a summariser, and checks its options', () => {
    const messages = [user('1'), user('2'), user('3'), user('4'), user('5'), user('6')];
    expect(compactHistory(messages, { summarize: (older) => `${older.length} older` })[0]).toEqual(
      user('Summary of the 4 earlier messages of this conversation:\n4 older'),
    );
    expect(() => compactHistory(messages, { keepLast: 0 })).toThrow(/keepLast/);
  });
});
