import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createToolRegistry, defineTool, type Tool } from '../tools/index.js';
import { createPlanCache } from './create-plan-cache.js';
import { sharePlanCache, type PlanCacheEvent } from './share-plan-cache.js';

const tools = createToolRegistry([
  defineTool({
    name: 'get_weather',
    description: 'Weather',
    inputSchema: z.object({ city: z.string() }),
    readOnly: true,
    execute: () => null,
  }) as Tool,
  defineTool({
    name: 'send',
    description: 'Sends',
    inputSchema: z.object({ to: z.string() }),
    execute: () => null,
  }) as Tool,
]);
const weather = (city: string) => ({
  steps: [{ id: 'w', tool: 'get_weather', args: { city } }],
});

/** Two processes' caches, wired to each other as Redis would (in order, each skipping its own). */
function pair() {
  const sent: PlanCacheEvent[] = [];
  const two = sharePlanCache({
    local: createPlanCache({ promoteAfter: 2 }),
    tools,
    publish: () => undefined,
  });
  const one = sharePlanCache({
    local: createPlanCache({ promoteAfter: 2 }),
    tools,
    publish: (event) => {
      sent.push(event);
      two.apply(event);
    },
  });
  return { one: one.planCache, two: two.planCache, sent };
}

describe('sharePlanCache', () => {
  it('tells what it cached and how it agreed; the other cache promotes the same entry', () => {
    const { one, two, sent } = pair();
    const remembered = one.remember('Weather in Boston?', weather('Boston'), tools);
    expect(remembered.cached).toBe(true);
    const key = remembered.cached ? remembered.key : '';
    one.confirm(key, true);
    one.confirm(key, true);
    expect(sent.map((event) => event.type)).toEqual([
      'plan.remember',
      'plan.confirm',
      'plan.confirm',
    ]);
    expect(two.lookup('Weather in Oslo?', tools)).toMatchObject({ key, shadow: false });
    expect(two.stats).toMatchObject({ promotions: 1 });
  });

  it('tells nothing it did not keep: a plan with side effects, an entry it did not have', () => {
    const { one, sent } = pair();
    expect(
      one.remember(
        'Send to bob',
        { steps: [{ id: 's', tool: 'send', args: { to: 'bob' } }] },
        tools,
      ),
    ).toMatchObject({ cached: false });
    expect(one.evict('no such entry')).toBe(false);
    expect(sent).toEqual([]);
  });

  it('tells a failure and an eviction, which the other cache applies', () => {
    const { one, two } = pair();
    const remembered = one.remember('Weather in Boston?', weather('Boston'), tools);
    const key = remembered.cached ? remembered.key : '';
    one.fail(key, { city: 'Oslo' });
    expect(two.stats).toMatchObject({ failures: 1 });
    expect(one.evict(key)).toBe(true);
    expect(two.size).toBe(0);
  });

  it('replays a forged plan with side effects as the local cache would: not at all', () => {
    const two = sharePlanCache({
      local: createPlanCache({ promoteAfter: 0 }),
      tools,
      publish: () => undefined,
    });
    two.apply({
      type: 'plan.remember',
      query: 'Send to bob',
      plan: { steps: [{ id: 's', tool: 'send', args: { to: 'bob' } }] },
    });
    expect(two.planCache.size).toBe(0);
  });
});
