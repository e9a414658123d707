import { describe, expect, it } from 'vitest';
import type { ChatMessage } from './chat-request.js';
import { compileScriptBook } from './compile-script-book.js';
import { describeQuery, findScenario } from './find-scenario.js';

const book = compileScriptBook({
  scenarios: [
    { name: 'short', query: 'Weather in Boston' },
    { name: 'long', query: 'Weather in Boston and NYC' },
    { name: 'other', query: 'Stock of AAPL' },
  ],
});
const find = (messages: ChatMessage[]) => findScenario(messages, book)?.name;

describe('findScenario', () => {
  it('matches a user message equal to a query', () => {
    expect(find([{ role: 'user', content: 'Stock of AAPL' }])).toBe('other');
  });

  it('matches a query contained in a longer prompt, the longest query winning', () => {
    expect(
      find([{ role: 'user', content: 'User query: Weather in Boston and NYC. Plan it.' }]),
    ).toBe('long');
    expect(find([{ role: 'user', content: 'User query: Weather in Boston.' }])).toBe('short');
  });

  it('tries the latest user message first, and ignores other roles', () => {
    expect(
      find([
        { role: 'system', content: 'Weather in Boston and NYC' },
        { role: 'user', content: 'Stock of AAPL' },
        { role: 'user', content: 'Weather in Boston' },
      ]),
    ).toBe('short');
    expect(
      find([
        { role: 'user', content: 'Stock of AAPL' },
        { role: 'assistant', content: 'It is up.' },
        { role: 'user', content: 'Thanks, that is all.' },
      ]),
    ).toBe('other');
    expect(
      find([
        { role: 'user', content: 'Hello' },
        { role: 'user', content: [{ type: 'text', text: 'Weather in Boston' }] },
      ]),
    ).toBe('short');
  });

  it('prefers the query asked last in a message that quotes earlier ones', () => {
    expect(
      find([
        {
          role: 'user',
          content: 'Earlier: Q: Weather in Boston and NYC A: cold | Question: Stock of AAPL',
        },
      ]),
    ).toBe('other');
  });

  it('finds nothing for an unknown query', () => {
    expect(find([{ role: 'user', content: 'Hello' }])).toBeUndefined();
  });
});

describe('describeQuery', () => {
  it('quotes the first user message, shortened', () => {
    expect(describeQuery([{ role: 'user', content: ' Hi ' }])).toBe('"Hi"');
    expect(describeQuery([{ role: 'user', content: 'x'.repeat(300) }])).toBe(
      `"${'x'.repeat(200)}…"`,
    );
    expect(describeQuery([{ role: 'system', content: 's' }])).toBe('(no user message)');
  });
});
