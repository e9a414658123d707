import { describe, expect, it } from 'vitest';
import type { TraceRun } from '../trace/index.js';
import { createChainLearner } from './create-chain-learner.js';
import { shareChainLearner, toSharedRun, type ChainLearnerEvent } from './share-chain-learner.js';

const run = (city: string, status: 'ok' | 'error' = 'ok'): TraceRun => ({
  runId: city,
  strategy: 'plan',
  query: `Weather in ${city}?`,
  startedAt: '2026-01-01T00:00:00.000Z',
  wallMs: 1,
  status,
  plan: { steps: [{ id: 'w', tool: 'get_weather', args: { city } }] },
  steps: [],
});

function pair() {
  const sent: ChainLearnerEvent[] = [];
  const options = { mineEvery: 3, minSupport: 3, promoteAfter: 2, predict: false };
  const two = shareChainLearner({ local: createChainLearner(options), publish: () => undefined });
  const one = shareChainLearner({
    local: createChainLearner(options),
    publish: (event) => {
      sent.push(event);
      two.apply(event);
    },
  });
  return { one: one.learner, two: two.learner, sent };
}

describe('shareChainLearner', () => {
  it('tells the runs that teach something; the other learner mines the same chain from them', () => {
    const { one, two, sent } = pair();
    one.record(run('Atlantis', 'error'));
    for (const city of ['Boston', 'Oslo', 'Rome']) one.record(run(city));
    expect(sent.map((event) => event.type)).toEqual(['learn.run', 'learn.run', 'learn.run']);
    expect(two.stats).toMatchObject({ runs: 3, chains: 1 });
  });

  it('promotes and demotes the chain of the same shape in the other learner', () => {
    const { one, two } = pair();
    for (const city of ['Boston', 'Oslo', 'Rome']) one.record(run(city));
    const [mine] = one.chains()?.chains ?? [];
    const [theirs] = two.chains()?.chains ?? [];
    if (mine === undefined || theirs === undefined) throw new Error('nothing mined');
    expect(two.isShadow(theirs)).toBe(true);
    one.confirm(mine, true);
    one.confirm(mine, true);
    expect(two.isShadow(theirs)).toBe(false);
    expect(two.stats).toMatchObject({ promoted: 1 });
    expect(one.demote(mine)).toBe(true);
    expect(two.stats).toMatchObject({ chains: 0, demoted: 1 });
  });
});

describe('toSharedRun', () => {
  it('keeps the query and plan, and drops everything made of results', () => {
    const full: TraceRun = {
      ...run('Boston'),
      answer: 'Boston: 28°F, and your balance is $12',
      replans: [{ steps: [] }],
      error: 'Error: no',
      usage: { llmCalls: 1, inputTokens: 1, cachedInputTokens: 0, outputTokens: 1 },
      steps: [
        {
          stepId: 'w',
          tool: 'get_weather',
          args: '{"city":"Boston"}',
          status: 'ok',
          startMs: 0,
          endMs: 1,
          attempts: 1,
          resultSummary: '{"balance":12}',
        },
      ],
    };
    const shared = toSharedRun(full);
    expect(shared).toEqual({ ...run('Boston'), steps: [] });
    expect(JSON.stringify(shared)).not.toContain('balance');
  });
});
