import { afterEach, describe, expect, it } from 'vitest';
import { createLruResultCache } from './create-lru-result-cache.js';
import type { Plan } from '../plan/index.js';
import { executePlan } from './execute-plan.js';
import type { ExecutionEvent, RunResult } from './run-result.js';
import { testTool, type CallLog, settleOnClock } from './test-tools.test-utils.js';
import { createVirtualClock, type VirtualClock } from './virtual-clock.js';

let clock: VirtualClock;
let log: CallLog[];

function setup() {
  clock = createVirtualClock();
  log = [];
}

afterEach(() => {
  expect(clock.pendingTimers).toBe(0);
});

// A cache serves the runs of one scope (DESIGN.md, "Isolation").
const shareScope = 'tenant-1';

async function run(
  plan: unknown,
  tools: Parameters<typeof executePlan>[1],
  options: Parameters<typeof executePlan>[2] = {},
): Promise<RunResult> {
  return settleOnClock(
    executePlan(plan as Plan, tools, { clock, inFlight: false, shareScope, ...options }),
    clock,
  );
}

const plan = (tool: string, q = 'rome') => ({ steps: [{ id: 's', tool, args: { q } }] });

describe('result cache', () => {
  it('serves a read-only tool with ttlMs from the cache until the TTL runs out on the clock', async () => {
    setup();
    const cache = createLruResultCache({ clock });
    const weather = testTool({
      name: 'weather',
      clock,
      log,
      latencyMs: 10,
      annotations: { readOnly: true, ttlMs: 100 },
    });
    const first = await run(plan('weather'), [weather], { cache });
    expect(first.steps[0]).toMatchObject({ attempts: 1, endMs: 10 });
    expect(first.steps[0]?.cached).toBeUndefined();
    await clock.advance(89); // now 99: stored at 10, so 89 ms old
    const events: ExecutionEvent[] = [];
    const second = await run(plan('weather'), [weather], {
      cache,
      onEvent: (event) => events.push(event),
    });
    expect(second.steps[0]).toMatchObject({
      status: 'ok',
      attempts: 0,
      startMs: 0,
      endMs: 0,
      cached: true,
      cacheHits: 1,
    });
    expect(second.results['s']).toEqual({ q: 'rome' });
    expect(events.find((event) => event.type === 'step-end')).toMatchObject({ cached: true });
    expect(log).toHaveLength(1);
    await clock.advance(12); // now 111: 101 ms old, expired (lru-cache keeps an entry through age == ttl)
    expect(cache.size).toBe(0);
    const third = await run(plan('weather'), [weather], { cache });
    expect(third.steps[0]).toMatchObject({ attempts: 1 });
    expect(third.steps[0]?.cached).toBeUndefined();
    expect(log).toHaveLength(2);
    expect(cache.stats()).toEqual({ size: 1, hits: 1, misses: 2, hitRate: 1 / 3 });
  });

  it('never caches a tool with side effects, nor a read-only one without ttlMs', async () => {
    setup();
    const cache = createLruResultCache({ clock });
    const write = testTool({ name: 'write', clock, log, annotations: { ttlMs: 1000 } });
    const plain = testTool({ name: 'plain', clock, log, annotations: { readOnly: true } });
    for (let round = 0; round < 2; round += 1) {
      await run(plan('write'), [write], { cache });
      await run(plan('plain'), [plain], { cache });
    }
    expect(log.map((call) => call.tool)).toEqual(['write', 'plain', 'write', 'plain']);
    expect(cache.stats()).toEqual({ size: 0, hits: 0, misses: 0, hitRate: 0 });
  });

  it('does not cache failures, and caches without a cache option only when given one', async () => {
    setup();
    const cache = createLruResultCache({ clock });
    const flaky = testTool({
      name: 'flaky',
      clock,
      log,
      failTimes: 1,
      annotations: { readOnly: true, ttlMs: 1000 },
    });
    expect((await run(plan('flaky'), [flaky], { cache })).status).toBe('error');
    expect((await run(plan('flaky'), [flaky], { cache })).status).toBe('ok');
    expect((await run(plan('flaky'), [flaky], { cache })).steps[0]?.cached).toBe(true);
    expect((await run(plan('flaky'), [flaky])).steps[0]?.cached).toBeUndefined();
    expect(log).toHaveLength(3);
  });

  it('counts the cached items of a forEach step', async () => {
    setup();
    const cache = createLruResultCache({ clock });
    const weather = testTool({
      name: 'weather',
      clock,
      log,
      annotations: { readOnly: true, ttlMs: 1000 },
    });
    await run(plan('weather', 'rome'), [weather], { cache });
    const result = await run(
      { steps: [{ id: 'each', tool: 'weather', forEach: ['rome', 'oslo'], args: { q: '$item' } }] },
      [weather],
      { cache },
    );
    expect(result.steps[0]).toMatchObject({ status: 'ok', cacheHits: 1, attempts: 1 });
    expect(result.steps[0]?.cached).toBeUndefined();
    expect(result.results['each']).toEqual([{ q: 'rome' }, { q: 'oslo' }]);
  });

  it('evicts the least recently used entry and validates its size', () => {
    setup();
    const cache = createLruResultCache({ clock, maxEntries: 2 });
    cache.set('a', 1, 10);
    cache.set('b', 2, 10);
    expect(cache.get('a')).toEqual({ value: 1 });
    cache.set('c', 3, 10);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.size).toBe(2);
    cache.set('zero', 4, 0);
    expect(cache.get('zero')).toBeUndefined();
    expect(cache.delete('a')).toBe(true);
    expect(() => createLruResultCache({ maxEntries: 0 })).toThrow(
      'Expected `maxEntries` to be a positive integer, got `0`',
    );
  });
});
