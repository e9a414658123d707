import { describe, expect, it } from 'vitest';
import { createChainMatcher } from './create-chain-matcher.js';
import { defineChain } from './define-chain.js';
import { matchChain } from './match-chain.js';

const weatherPlan = {
  steps: [{ id: 'w', tool: 'get_weather', forEach: '$params.cities', args: { city: '$item' } }],
  answer: 'Weather in ${params.cities}: ${w}',
};

const weather = defineChain({
  name: 'weather',
  params: { cities: 'string[]' },
  match: { patterns: [/(?:what is the )?weather in (?<cities>.+?)(?: today)?/] },
  plan: weatherPlan,
});

const dashboard = defineChain({
  name: 'dashboard',
  params: { user: { type: 'string' } },
  match: {
    keywords: ['dashboard'],
    entities: { user: ['Alice Smith', 'Bob Jones'] },
  },
  plan: { steps: [{ id: 'u', tool: 'get_user', args: { name: '$params.user' } }] },
});

const topOrders = defineChain({
  name: 'top-orders',
  params: { count: 'number', user: 'string' },
  match: {
    patterns: ['top (?<count>\\S+) orders (?:of|for) (?<user>\\S+)'],
    entities: { user: ['alice', 'bob'] },
  },
  plan: {
    steps: [{ id: 'o', tool: 'orders', args: { user: '$params.user', limit: '$params.count' } }],
  },
});

describe('matchChain', () => {
  it('extracts an array of cities from a pattern, in query order', () => {
    expect(matchChain(weather, 'What is the weather in Boston, NYC and Paris today?')).toEqual({
      chain: weather,
      params: { cities: ['Boston', 'NYC', 'Paris'] },
      confidence: 1,
    });
    expect(matchChain(weather, 'weather in Rome & Oslo')?.params).toEqual({
      cities: ['Rome', 'Oslo'],
    });
  });

  it('coerces numbers and uses the listed spelling of known entities', () => {
    expect(matchChain(topOrders, 'Top 5 orders for Alice')).toMatchObject({
      params: { count: 5, user: 'alice' },
      confidence: 1,
    });
  });

  it('refuses a pattern near miss: content the pattern does not cover, a word for a number, a number for a word', () => {
    expect(
      matchChain(weather, 'Book a flight, then tell me the weather in Boston'),
    ).toBeUndefined();
    expect(matchChain(topOrders, 'top five orders for alice')).toBeUndefined();
    expect(matchChain(topOrders, 'top 5 orders for 42')).toBeUndefined();
  });

  it('finds parameters by entity list when keywords are all present', () => {
    expect(matchChain(dashboard, 'Open the dashboard of Bob Jones')).toEqual({
      chain: dashboard,
      params: { user: 'Bob Jones' },
      confidence: 0.9,
    });
  });

  it('refuses an entity-list near miss: an unknown name, a missing keyword, two candidates', () => {
    expect(matchChain(dashboard, 'Open the dashboard of Carol White')).toBeUndefined();
    expect(matchChain(dashboard, 'Open the dashboard of Bob Jones for Carol')).toBeUndefined();
    expect(matchChain(dashboard, 'Open the profile of Bob Jones')).toBeUndefined();
    expect(matchChain(dashboard, 'dashboard of Bob Jones and Alice Smith')).toBeUndefined();
  });

  it('uses a custom matcher and its confidence, below the threshold going to the planner', () => {
    const custom = defineChain({
      name: 'custom',
      params: { id: 'number' },
      match: {
        custom: (query) => {
          const id = /#(\d+)/.exec(query)?.[1];
          if (id === undefined) return undefined;
          return { params: { id }, confidence: query.includes('order') ? 0.95 : 0.5 };
        },
      },
      plan: { steps: [{ id: 'o', tool: 'get_order', args: { id: '$params.id' } }] },
    });
    expect(matchChain(custom, 'where is order #42')).toMatchObject({
      params: { id: 42 },
      confidence: 0.95,
    });
    expect(matchChain(custom, 'what about #42')).toBeUndefined();
  });
});

describe('createChainMatcher', () => {
  it('picks the most confident chain and misses when none matches', () => {
    const matcher = createChainMatcher([dashboard, weather, topOrders]);
    expect(matcher.match('weather in Oslo')?.chain.name).toBe('weather');
    expect(matcher.match('dashboard for Alice Smith')?.chain.name).toBe('dashboard');
    expect(matcher.match('tell me a joke')).toBeUndefined();
  });

  it('refuses two chains with one name', () => {
    expect(() => createChainMatcher([weather, weather])).toThrow(/names must be unique/);
  });
});

describe('defineChain', () => {
  it('counts as kept, code-written', () => {
    expect(weather).toMatchObject({ origin: 'code', kept: true, sideEffects: false, version: 1 });
  });

  it('checks the definition eagerly', () => {
    const plan = weatherPlan;
    expect(() =>
      defineChain({
        name: 'w',
        params: { cities: 'string[]', extra: 'string' },
        match: { patterns: ['(?<cities>.+)'] },
        plan,
      }),
    ).toThrow('Chain `w`: parameter `extra` is declared but the plan never uses it.');
    expect(() =>
      defineChain({
        name: 'w',
        params: { cities: 'string[]' },
        match: { patterns: ['in (?<town>.+)'] },
        plan,
      }),
    ).toThrow(/captures `town`, which is not a parameter/);
    expect(() =>
      defineChain({
        name: 'w',
        params: { cities: 'string[]' },
        match: { keywords: ['weather'] },
        plan,
      }),
    ).toThrow(/parameter `cities` can never be found/);
    expect(() =>
      defineChain({ name: 'w', params: { cities: 'strings' as never }, match: {}, plan }),
    ).toThrow(
      'Expected the type of parameter `cities` to be one of string, number, string[], number[], got `strings`',
    );
    expect(() =>
      defineChain({
        name: 'W x',
        params: { cities: 'string[]' },
        match: { patterns: ['(?<cities>.+)'] },
        plan,
      }),
    ).toThrow(/`name`/);
    expect(() =>
      defineChain({
        name: 'w',
        params: { cities: 'string[]' },
        match: { patterns: ['(?<cities>.+'] },
        plan,
      }),
    ).toThrow(/is not a regular expression/);
  });
});
