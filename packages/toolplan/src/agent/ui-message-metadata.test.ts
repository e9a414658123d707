import { describe, expect, it } from 'vitest';
import { emptyUsage } from '../model/index.js';
import type { AgentRun } from './run-optimized.js';
import { toMessageMetadata } from './ui-message-metadata.js';

const run = (fields: Partial<AgentRun>): AgentRun => ({
  runId: 'r1',
  query: 'q',
  answer: 'a',
  answeredBy: 'template',
  plan: undefined,
  plans: [],
  results: { w: { secret: 'not for the metadata' } },
  steps: [],
  usage: { ...emptyUsage(), llmCalls: 1, inputTokens: 120 },
  timeline: { modelCalls: [], modelRetries: [], toolCalls: [] },
  wallMs: 42,
  ...fields,
});

describe('toMessageMetadata', () => {
  it('keeps what answered, the usage and the duration, not the results', () => {
    expect(toMessageMetadata(run({}))).toEqual({
      runId: 'r1',
      answeredBy: 'template',
      usage: { ...emptyUsage(), llmCalls: 1, inputTokens: 120 },
      wallMs: 42,
    });
  });

  it('names the chain that answered', () => {
    expect(toMessageMetadata(run({ answeredBy: 'chain', chainName: 'weather' }))).toMatchObject({
      answeredBy: 'chain',
      chainName: 'weather',
    });
  });
});
