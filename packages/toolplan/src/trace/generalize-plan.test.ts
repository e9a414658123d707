import { describe, expect, it } from 'vitest';
import { bindChainParams } from './bind-chain-params.js';
import { generalizePlan } from './generalize-plan.js';

describe('generalizePlan', () => {
  it('turns query values into parameters, following each value’s shape', () => {
    const generalized = generalizePlan('Show the last 5 orders of Alice Smith.', {
      steps: [
        { id: 'u', tool: 'get_user', args: { name: 'Alice Smith' } },
        { id: 'o', tool: 'get_orders', args: { user_id: '$u.id', limit: 5 } },
      ],
      answer: 'Alice Smith: ${o.count} orders',
    });
    expect(generalized).toMatchObject({
      shape: 'show the last {limit} orders of {name}',
      params: {
        limit: { type: 'number', value: 5 },
        name: { type: 'string', value: 'Alice Smith' },
      },
      template: {
        steps: [
          { id: 'u', tool: 'get_user', args: { name: '$params.name' } },
          { id: 'o', tool: 'get_orders', args: { user_id: '$u.id', limit: '$params.limit' } },
        ],
        answer: '${params.name}: ${o.count} orders',
      },
    });
    const pattern = new RegExp(`^(?:${generalized?.pattern})$`, 'iu');
    expect(pattern.exec('show the last 12 orders of Bob Jones')?.groups).toEqual({
      limit: '12',
      name: 'Bob Jones',
    });
    // A name takes one to three words (`Bob` and `New York` are one shape; before, the count
    // had to be the same): what the slot may hold is its learned kind's to decide (see
    // `slotMismatch`). A word for the number is still another shape.
    expect(pattern.exec('show the last 12 orders of Bob')?.groups).toEqual({
      limit: '12',
      name: 'Bob',
    });
    expect(pattern.test('show the last few orders of Bob Jones')).toBe(false);
  });

  it('turns a literal forEach list into a list parameter', () => {
    const generalized = generalizePlan('Weather in Boston, NYC and Paris', {
      steps: [
        {
          id: 'w',
          tool: 'get_weather',
          forEach: ['Boston', 'NYC', 'Paris'],
          args: { city: '$item' },
        },
      ],
    });
    expect(generalized).toMatchObject({
      shape: 'weather in {city_list}',
      params: { city_list: { type: 'string[]', value: ['Boston', 'NYC', 'Paris'] } },
      queryArgs: [{ param: 'city_list', to: 'w.forEach' }],
    });
    expect(generalized?.template.steps[0]?.forEach).toBe('$params.city_list');
  });

  it('parameterises a value inside a longer literal', () => {
    const generalized = generalizePlan('Find restaurants near Boston', {
      steps: [{ id: 's', tool: 'search', args: { q: 'best restaurants in Boston' } }],
    });
    expect(generalized?.template.steps[0]?.args).toEqual({ q: 'best restaurants in ${params.q}' });
    expect(generalized?.shape).toBe('find restaurants near {q}');
  });

  it('refuses when an entity of the query does not appear in the plan', () => {
    expect(
      generalizePlan('Weather in Boston for Bob', {
        steps: [{ id: 'w', tool: 'get_weather', args: { city: 'Boston' } }],
      }),
    ).toBeUndefined();
    expect(
      generalizePlan('Weather in Boston on day 3', {
        steps: [{ id: 'w', tool: 'get_weather', args: { city: 'Boston' } }],
      }),
    ).toBeUndefined();
  });

  it('refuses a list whose items the answer names one by one', () => {
    expect(
      generalizePlan('Weather in Boston and Paris', {
        steps: [
          { id: 'w', tool: 'get_weather', forEach: ['Boston', 'Paris'], args: { city: '$item' } },
        ],
        answer: 'Boston: ${w[0].temp}',
      }),
    ).toBeUndefined();
  });

  it('refuses a query without any value to generalise, or a value seen twice', () => {
    expect(
      generalizePlan('what time is it', { steps: [{ id: 't', tool: 'now', args: {} }] }),
    ).toBeUndefined();
    expect(
      generalizePlan('Flights from Paris to Paris', {
        steps: [{ id: 'f', tool: 'flights', args: { from: 'Paris', to: 'Paris' } }],
      }),
    ).toBeUndefined();
  });
});

describe('bindChainParams', () => {
  it('writes parameters in as literals, escaping dollar signs', () => {
    const plan = bindChainParams(
      {
        steps: [
          {
            id: 'w',
            tool: 'get_weather',
            forEach: '$params.cities',
            args: { city: '$item', note: 'for ${params.who}' },
          },
        ],
        answer: '${params.cities}: ${w}',
      },
      { cities: ['Boston', 'NYC'], who: '$bob' },
    );
    expect(plan).toEqual({
      steps: [
        {
          id: 'w',
          tool: 'get_weather',
          forEach: ['Boston', 'NYC'],
          args: { city: '$item', note: 'for $$bob' },
        },
      ],
      answer: '["Boston","NYC"]: ${w}',
    });
  });
});
