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

  it('misses a near miss: a word the shape never saw in a slot', () => {
    const cache = createPlanCache();
    cache.remember('What is the weather in New York?', weatherPlan('New York'));
    const reasons: string[] = [];
    const onNearMiss = (reason: string) => reasons.push(reason);
    expect(cache.lookup('What is the weather in Paris tomorrow?', tools, { onNearMiss })).toBe(
      undefined,
    );
    expect(cache.lookup('What is the weather in Paris?', tools)?.params).toEqual({ city: 'Paris' });
    expect(reasons).toEqual([expect.stringMatching(/`tomorrow` changes the request/)]);
  });

  it('learns the values of each run of a shape it remembers: a code seen once more hits', () => {
    const quote = defineTool({
      name: 'get_quote',
      description: 'Price of a stock',
      inputSchema: z.object({ symbol: z.string() }),
      readOnly: true,
      execute: () => ({ price: 1 }),
    }) as Tool;
    const quotes = createToolRegistry([quote]);
    const plan = (symbol: string) =>
      validatePlan(
        { steps: [{ id: 'q', tool: 'get_quote', args: { symbol } }] },
        { tools: quotes },
      );
    const cache = createPlanCache();
    cache.remember('stock price of AAPL', plan('AAPL'));
    // A code names one thing among a fixed few: one never seen here is planned, then learned.
    expect(cache.lookup('stock price of MSFT', quotes)).toBeUndefined();
    cache.remember('stock price of MSFT', plan('MSFT'));
    expect(cache.size).toBe(1);
    expect(cache.lookup('stock price of MSFT', quotes)?.params).toEqual({ symbol: 'MSFT' });
    expect(cache.lookup('stock price of AAPL', quotes)?.params).toEqual({ symbol: 'AAPL' });
    expect(cache.lookup('stock price of gold', quotes)).toBeUndefined();
  });

  it('keeps an entry whose plan failed for some values, and refuses only those', () => {
    const cache = createPlanCache();
    cache.remember('What is the weather in Boston?', weatherPlan('Boston'));
    const hit = cache.lookup('What is the weather in Atlantis?', tools);
    expect(hit?.params).toEqual({ city: 'Atlantis' });
    cache.fail(hit?.key as string, hit?.params ?? {});
    expect(cache.lookup('What is the weather in Atlantis?', tools)).toBeUndefined();
    expect(cache.lookup('What is the weather in Oslo?', tools)).toBeDefined();
    expect(cache.stats).toMatchObject({ failures: 1, evictions: 0 });
    expect(cache.size).toBe(1);
  });

  it('keeps an entry whose new values the tools refuse (it is not stale)', () => {
    const strict = createToolRegistry([
      weatherTool(z.object({ city: z.enum(['Boston', 'Oslo']) }) as never),
    ]);
    const cache = createPlanCache();
    cache.remember(
      'What is the weather in Boston?',
      validatePlan(
        { steps: [{ id: 'w', tool: 'get_weather', args: { city: 'Boston' } }] },
        {
          tools: strict,
        },
      ),
    );
    expect(cache.lookup('What is the weather in Paris?', strict)).toBeUndefined();
    expect(cache.lookup('What is the weather in Oslo?', strict)?.params).toEqual({ city: 'Oslo' });
    expect(cache.stats.evictions).toBe(0);
  });

  it('rejects bad options eagerly', () => {
    expect(() => createPlanCache({ maxEntries: 0 })).toThrow(
      'Expected `maxEntries` to be a positive integer, got `0`',
    );
  });
});
