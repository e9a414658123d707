import { describe, expect, it } from 'vitest';
import type { AgentRun } from '../agent/index.js';
import { askOutputSchema, toAskOutput } from './ask-output.js';

const run = {
  runId: 'run-1',
  query: 'q',
  answer: 'It is 3.',
  answeredBy: 'joiner',
  plan: { steps: [{ id: 'a', tool: 't', args: {} }] },
  plans: [{ steps: [{ id: 'a', tool: 't', args: {} }] }],
  results: { a: 3 },
  steps: [{ id: 'a', tool: 't', status: 'ok', startMs: 0, endMs: 4, attempts: 1, value: 3 }],
  usage: {
    llmCalls: 2,
    inputTokens: 900,
    cachedInputTokens: 300,
    outputTokens: 40,
    modelRetries: 0,
    modelTimeouts: 0,
  },
  timeline: {},
  wallMs: 12.3456,
} as unknown as AgentRun;

describe('toAskOutput', () => {
  it("reports the answer, what answered, the plans, results, steps and usage, not the run's internals", () => {
    const output = toAskOutput(run);
    expect(output).toEqual({
      answer: 'It is 3.',
      answeredBy: 'joiner',
      plans: run.plans,
      results: { a: 3 },
      steps: [{ id: 'a', tool: 't', status: 'ok', startMs: 0, endMs: 4, attempts: 1 }],
      usage: run.usage,
      runId: 'run-1',
      wallMs: 12.35,
    });
    expect(askOutputSchema.safeParse(output).success).toBe(true);
  });

  it('names the chain that answered', () => {
    expect(toAskOutput({ ...run, answeredBy: 'chain', chainName: 'rates' })).toMatchObject({
      answeredBy: 'chain',
      chainName: 'rates',
    });
  });
});
