import { describe, expect, it } from 'vitest';
import type { TraceRun } from '../trace/index.js';
import { createChainLearner } from './create-chain-learner.js';

let next = 0;
function weatherRun(city: string): TraceRun {
  next += 1;
  return {
    runId: `r${next}`,
    strategy: 'plan',
    query: `Weather in ${city}?`,
    startedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, next)).toISOString(),
    wallMs: 10,
    status: 'ok',
    plan: { steps: [{ id: 'w', tool: 'get_weather', args: { city } }], answer: '${w.temp}' },
    steps: [],
  };
}

describe('createChainLearner', () => {
  it('demotes a mined chain that failed until its shape has minSupport more runs', () => {
    const learner = createChainLearner({ mineEvery: 2, minSupport: 2, predict: false });
    learner.record(weatherRun('Boston'));
    learner.record(weatherRun('Oslo'));
    const [chain] = learner.chains()?.chains ?? [];
    expect(chain?.match.patterns).toHaveLength(1);
    expect(learner.demote(chain as NonNullable<typeof chain>)).toBe(true);
    expect(learner.chains()).toBeUndefined();
    expect(learner.stats).toMatchObject({ chains: 0, demoted: 1 });
    // Not one of its chains (any more): nothing to demote.
    expect(learner.demote(chain as NonNullable<typeof chain>)).toBe(false);
    // The next mining (at 4 runs) has support 4 = 2 when dropped + 2: the shape comes back.
    learner.record(weatherRun('Lima'));
    expect(learner.chains()).toBeUndefined();
    learner.record(weatherRun('Rome'));
    expect(learner.stats).toMatchObject({ minings: 2, chains: 1 });
    expect(learner.chains()?.match('Weather in Paris?')?.params).toEqual({ city: 'Paris' });
  });

  it('keeps a demoted chain out while fresh evidence is short', () => {
    const learner = createChainLearner({ mineEvery: 1, minSupport: 3, predict: false });
    for (const city of ['Boston', 'Oslo', 'Lima']) learner.record(weatherRun(city));
    const [chain] = learner.chains()?.chains ?? [];
    learner.demote(chain as NonNullable<typeof chain>);
    expect(learner.stats).toMatchObject({ minings: 3, demoted: 1 });
    // Mined again at 5 runs: support 5 < 3 when dropped + 3.
    for (const city of ['Rome', 'Paris']) learner.record(weatherRun(city));
    expect(learner.stats).toMatchObject({ minings: 4, chains: 0 });
    expect(learner.chains()).toBeUndefined();
  });
});
