import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createToolIndex } from './create-tool-index.js';
import { defineTool } from './define-tool.js';
import { selectTools } from './select-tools.js';
import { createToolRegistry } from './tool-registry.js';

const TOPICS = [
  ['weather', 'Current weather conditions for a city.'],
  ['stock_price', 'Latest share price for a ticker.'],
  ['flight_search', 'Search flights between two airports.'],
  ['hotel_booking', 'Book a hotel room for some nights.'],
  ['currency_convert', 'Convert an amount from one currency to another.'],
  ['restaurant_finder', 'Find restaurants by cuisine near a place.'],
  ['translate_text', 'Translate text into another language.'],
  ['calendar_event', 'Create an event in the calendar.'],
] as const;

const tools = createToolRegistry(
  TOPICS.map(([name, description]) =>
    defineTool({
      name,
      description,
      inputSchema: z.object({ q: z.string() }),
      execute: () => null,
    }),
  ),
);
const index = createToolIndex(tools);
const select = (query: string, more: Partial<Parameters<typeof selectTools>[0]> = {}) =>
  selectTools({ index, query, maxTokens: 10_000, maxTools: 100, ...more });

describe('selectTools', () => {
  it('selects the tools a request of several tasks needs, each task its own, in catalog order', () => {
    const { names } = select(
      'Convert 100 euros to dollars. Then book a hotel in Rome and find restaurants serving pasta.',
    );
    expect(names).toEqual(
      expect.arrayContaining(['hotel_booking', 'currency_convert', 'restaurant_finder']),
    );
    expect(names).toEqual(index.names.filter((name) => names.includes(name)));
    expect(names).not.toContain('translate_text');
  });

  it('is the same selection, in the same order, for the same request (a stable prompt)', () => {
    const query = 'weather in Oslo and the stock price of ACME';
    expect(select(query)).toEqual(select(query));
  });

  it('keeps within the token budget and the tool count, best first', () => {
    const query = 'Weather in Oslo, a flight to Rome, a hotel, and the share price of ACME';
    const cost = index.tokens('weather');
    const one = select(query, { maxTokens: cost });
    expect(one.names).toHaveLength(1);
    expect(one.tokens).toBeLessThanOrEqual(cost);
    expect(select(query, { maxTools: 2 }).names).toHaveLength(2);
    expect(select(query, { maxTokens: 0 }).names).toEqual([]);
  });

  it('always sends the `always` tools first, and never the excluded or unknown ones', () => {
    const { names } = select('weather in Oslo', {
      always: ['calendar_event', 'no_such_tool'],
      exclude: new Set(['weather']),
      maxTools: 2,
    });
    expect(names).toContain('calendar_event');
    expect(names).not.toContain('weather');
    expect(names).not.toContain('no_such_tool');
  });

  it('selects nothing for a request that shares no word with any tool', () => {
    expect(select('Christianity in Egypt, 100 to 1500 A.D.')).toEqual({ names: [], tokens: 0 });
    expect(select('')).toEqual({ names: [], tokens: 0 });
  });

  it('does not let a clause that matches nothing well lift its weak matches over a strong one', () => {
    // The chatty clause's one word that matches ("place", in a description) must not outrank the
    // tools the real task names, as it would if each clause's best counted alike.
    const { names } = select('Could you help me in this place? Book a hotel room and a flight.', {
      maxTools: 2,
    });
    expect(names).toEqual(['flight_search', 'hotel_booking']);
  });
});
