import { describe, expect, it } from 'vitest';
import { createKnownPlanPredictor } from './create-known-plan-predictor.js';

describe('createKnownPlanPredictor', () => {
  const plan = {
    steps: [
      { id: 's', tool: 'search_news', args: { query: 'Ionforge' } },
      { id: 'w', tool: 'get_weather', forEach: ['Paris', 'Rome'], args: { city: '$item' } },
      { id: 'p', tool: 'fetch_page', args: { url: '$s.results[0].url' } },
      { id: 'a', tool: 'after_search', args: {}, after: ['s'] },
    ],
    answer: '${p.title}',
  };

  it('proposes at once every step that needs no other step, a forEach over a list item by item', () => {
    const predictor = createKnownPlanPredictor({ plans: [plan] });
    expect(predictor.predict({ query: 'q', results: [] })).toEqual([
      { tool: 'search_news', args: { query: 'Ionforge' }, confidence: 0.9 },
      { tool: 'get_weather', args: { city: 'Paris' }, confidence: 0.9 },
      { tool: 'get_weather', args: { city: 'Rome' }, confidence: 0.9 },
    ]);
  });

  it("proposes a step that needs one earlier step once that step's speculative result is in", () => {
    const predictor = createKnownPlanPredictor({ plans: [plan], confidence: 0.6 });
    const results = [
      {
        tool: 'search_news',
        args: { query: 'Ionforge' },
        value: { results: [{ url: 'https://news.example/1' }] },
      },
    ];
    expect(predictor.predict({ query: 'q', results })).toEqual([
      { tool: 'fetch_page', args: { url: 'https://news.example/1' }, confidence: 0.6 },
    ]);
  });

  it('refuses a confidence outside 0–1, and proposes nothing for no plan', () => {
    expect(() => createKnownPlanPredictor({ plans: [], confidence: 2 })).toThrow(
      'Expected `confidence` to be a number from 0 to 1, got `2`',
    );
    expect(createKnownPlanPredictor({ plans: [] }).predict({ query: 'q', results: [] })).toEqual(
      [],
    );
  });
});
