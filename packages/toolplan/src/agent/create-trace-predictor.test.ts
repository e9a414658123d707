import { describe, expect, it } from 'vitest';
import type { TraceRun } from '../trace/index.js';
import { createTracePredictor } from './create-trace-predictor.js';

function run(query: string, plan: unknown): TraceRun {
  return {
    runId: query,
    strategy: 'plan',
    query,
    startedAt: '2025-01-01T00:00:00.000Z',
    wallMs: 1,
    status: 'ok',
    plan,
    steps: [],
  };
}

const weatherPlan = (cities: string[], date: string) => ({
  steps: [
    { id: 'w', tool: 'get_weather', forEach: cities, args: { city: '$item', date } },
    { id: 'c', tool: 'compare', args: { results: '$w' } },
  ],
});

describe('createTracePredictor', () => {
  const runs = [
    run(
      'Compare the weather in Boston and Miami on 2024-01-20',
      weatherPlan(['Boston', 'Miami'], '2024-01-20'),
    ),
    run(
      'Compare the weather in Oslo and Rome on 2024-02-02',
      weatherPlan(['Oslo', 'Rome'], '2024-02-02'),
    ),
    run('Find news about Ionforge', {
      steps: [{ id: 's', tool: 'web_search', args: { query: 'Ionforge news' } }],
    }),
    run('no plan here', undefined),
  ];

  it('proposes the first calls of similar queries, filled with the new query’s entities', () => {
    const predictor = createTracePredictor({ runs });
    const calls = predictor.predict({
      query: 'Compare the weather in Denver and Austin on 2024-03-05',
      results: [],
    });
    expect(calls.map((call) => call.args)).toEqual([
      { city: 'Denver', date: '2024-03-05' },
      { city: 'Austin', date: '2024-03-05' },
    ]);
    // Two similar runs, both made the call: 2/2 × 2/3.
    expect(calls[0]?.confidence).toBeCloseTo(2 / 3);
    // The step that depends on results is never proposed.
    expect(calls.every((call) => call.tool === 'get_weather')).toBe(true);
  });

  it('keeps the text around an entity inside a longer argument', () => {
    const predictor = createTracePredictor({ runs });
    expect(predictor.predict({ query: 'Find news about Solvane', results: [] })).toEqual([
      { tool: 'web_search', args: { query: 'Solvane news' }, confidence: 0.5 },
    ]);
  });

  it('proposes nothing for an unlike query, or once results are in', () => {
    const predictor = createTracePredictor({ runs });
    expect(predictor.predict({ query: 'Book a table for two', results: [] })).toEqual([]);
    expect(
      predictor.predict({
        query: 'Find news about Solvane',
        results: [{ tool: 'web_search', args: {}, value: {} }],
      }),
    ).toEqual([]);
  });

  it('rejects impossible options eagerly', () => {
    expect(() => createTracePredictor({ runs, minSimilarity: 0 })).toThrow(
      'Expected `minSimilarity` to be a number in (0, 1], got `0`',
    );
  });
});
