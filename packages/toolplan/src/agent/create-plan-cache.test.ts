import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validatePlan, type ValidatedPlan } from '../plan/index.js';
import { executePlan } from '../runtime/index.js';
import { createToolRegistry, defineTool, type Tool } from '../tools/index.js';
import { createPlanCache } from './create-plan-cache.js';

function weatherTool(
  inputSchema: z.ZodType<{ city: string }> = z.object({ city: z.string() }),
): Tool {
  return defineTool({
    name: 'get_weather',
    description: 'Weather for a city',
    inputSchema,
    readOnly: true,
    execute: (input: { city: string }) => ({ city: input.city, temp: input.city.length }),
  }) as Tool;
}

const bookTool = defineTool({
  name: 'book_table',
  description: 'Books a table',
  inputSchema: z.object({ city: z.string() }),
  execute: () => ({ booked: true }),
}) as Tool;

const tools = createToolRegistry([weatherTool(), bookTool]);

const weatherPlan = (city: string) =>
  validatePlan(
    {
      steps: [{ id: 'w', tool: 'get_weather', args: { city } }],
      answer: '${w.temp} degrees in ' + city,
    },
    { tools },
  );

describe('createPlanCache', () => {
  it('reuses a plan for a query of the same shape, with the new values', async () => {
    const cache = createPlanCache();
    expect(cache.remember('What is the weather in Boston?', weatherPlan('Boston'))).toMatchObject({
      cached: true,
    });
    const hit = cache.lookup('what is the weather in Reykjavik', tools);
    expect(hit?.params).toEqual({ city: 'Reykjavik' });
    expect(hit?.plan.plan).toEqual({
      steps: [{ id: 'w', tool: 'get_weather', args: { city: 'Reykjavik' } }],
      answer: '${w.temp} degrees in Reykjavik',
    });
    const result = await executePlan(hit?.plan as ValidatedPlan, tools);
    expect(result.answer).toBe('9 degrees in Reykjavik');
    expect(cache.stats).toEqual({ hits: 1, misses: 0, evictions: 0, failures: 0 });
  });

  it('misses on a different shape', () => {
    const cache = createPlanCache();
    cache.remember('What is the weather in Boston?', weatherPlan('Boston'));
    expect(cache.lookup('What was the weather in Boston last year?', tools)).toBeUndefined();
    expect(cache.lookup('What is the weather in 2024?', tools)).toBeUndefined();
    expect(cache.stats.misses).toBe(2);
  });

  it('evicts a plan that failed, so the query is planned afresh', () => {
    const cache = createPlanCache();
    cache.remember('What is the weather in Boston?', weatherPlan('Boston'));
    const hit = cache.lookup('What is the weather in Paris?', tools);
    expect(hit).toBeDefined();
    expect(cache.evict(hit?.key as string)).toBe(true);
    expect(cache.lookup('What is the weather in Paris?', tools)).toBeUndefined();
    expect(cache.stats).toEqual({ hits: 1, misses: 1, evictions: 1, failures: 0 });
    expect(cache.size).toBe(0);
  });

  it('evicts a cached plan that no longer validates against the current tools', () => {
    const cache = createPlanCache();
    cache.remember('What is the weather in Boston?', weatherPlan('Boston'));
    const changed = createToolRegistry([
      weatherTool(z.object({ town: z.string() }).strict() as never),
    ]);
    expect(cache.lookup('What is the weather in Paris?', changed)).toBeUndefined();
    expect(cache.stats.evictions).toBe(1);
    expect(cache.size).toBe(0);
  });

  it('does not cache a plan with a side-effecting step unless told to', () => {
    const plan = validatePlan(
      { steps: [{ id: 'b', tool: 'book_table', args: { city: 'Boston' } }] },
      { tools },
    );
    expect(createPlanCache().remember('Book a table in Boston', plan)).toEqual({
      cached: false,
      reason: 'side-effects',
    });
    const permissive = createPlanCache({ cacheSideEffects: true });
    expect(permissive.remember('Book a table in Boston', plan).cached).toBe(true);
    expect(permissive.lookup('Book a table in Oslo', tools)?.params).toEqual({ city: 'Oslo' });
  });

  it('refuses to generalise when an entity of the query is not in the plan', () => {
    const cache = createPlanCache();
    expect(
      cache.remember('What is the weather in Boston for Alice?', weatherPlan('Boston')),
    ).toEqual({
      cached: false,
      reason: 'not-generalizable',
    });
    expect(cache.size).toBe(0);
  });

  it('keeps at most maxEntries plans, dropping the least recently used', () => {
    const cache = createPlanCache({ maxEntries: 1 });
    cache.remember('What is the weather in Boston?', weatherPlan('Boston'));
    cache.remember('Weather for Boston please', weatherPlan('Boston'));
    expect(cache.size).toBe(1);
    expect(cache.lookup('What is the weather in Paris?', tools)).toBeUndefined();
    expect(cache.lookup('Weather for Paris please', tools)).toBeDefined();
  });

  it('rejects bad options eagerly', () => {
    expect(() => createPlanCache({ maxEntries: 0 })).toThrow(
      'Expected `maxEntries` to be a positive integer, got `0`',
    );
  });
});
