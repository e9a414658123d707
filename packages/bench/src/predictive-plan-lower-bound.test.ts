import { describe, expect, it } from 'vitest';
import type { ModelCallRecord } from 'toolplan/internal';
import type { SpeculationMetrics, StepRecord } from 'toolplan/internal';
import { predictivePlanLowerBoundMs } from './predictive-plan-lower-bound.js';
import { summarizeSpeculation } from './summarize-speculation.js';

const plan = {
  steps: [
    { id: 's', tool: 'search', args: { q: 'x' } },
    { id: 'f', tool: 'fetch', args: { url: '$s.url' } },
  ],
};

// The search was speculated at 0 and joined at 700; it landed at 1000.
const steps: StepRecord[] = [
  { id: 's', tool: 'search', status: 'ok', startMs: 700, endMs: 1000, attempts: 0 },
  { id: 'f', tool: 'fetch', status: 'ok', startMs: 1000, endMs: 1400, attempts: 1 },
];

function speculation(overrides: Partial<SpeculationMetrics> = {}): SpeculationMetrics {
  return {
    proposals: 2,
    refused: 0,
    started: 2,
    hits: 1,
    joins: 1,
    wasted: 1,
    cancelled: 1,
    savedMs: 700,
    calls: [
      {
        tool: 'search',
        args: { q: 'x' },
        predictor: 'rules',
        confidence: 0.9,
        startMs: 0,
        endMs: 1000,
        status: 'finished',
        usedBy: ['s'],
      },
    ],
    ...overrides,
  };
}

// Time to first token 200 ms, then 50 tokens at 10 ms: the plan is complete at 690 ms.
const planCall = {
  startMs: 0,
  firstTokenMs: 200,
  endMs: 800,
  usage: { outputTokens: { total: 50 } },
} as unknown as ModelCallRecord;

describe('predictivePlanLowerBoundMs', () => {
  it('counts a speculated step’s whole call from time zero, then its dependents', () => {
    const bound = predictivePlanLowerBoundMs({
      plan,
      steps,
      speculation: speculation(),
      planCall,
      laterModelCalls: [],
      msPerOutputToken: 10,
    });
    expect(bound).toBe(1400);
  });

  it('is the complete plan when the tools finish first, plus any later model call', () => {
    const bound = predictivePlanLowerBoundMs({
      plan,
      steps: steps.map((step) => ({ ...step, startMs: 0, endMs: 10 })),
      speculation: speculation({ calls: [] }),
      planCall,
      laterModelCalls: [planCall],
      msPerOutputToken: 10,
    });
    expect(bound).toBe(690 + 690);
  });
});

describe('summarizeSpeculation', () => {
  it('averages per run and pools the hit rate', () => {
    expect(
      summarizeSpeculation([speculation(), speculation({ started: 6, hits: 5, savedMs: 300 })]),
    ).toEqual({
      proposals: 2,
      started: 4,
      hits: 3,
      joins: 1,
      wasted: 1,
      cancelled: 1,
      hitRate: 6 / 8,
      savedMs: 500,
    });
    expect(summarizeSpeculation([])).toBeUndefined();
  });
});
