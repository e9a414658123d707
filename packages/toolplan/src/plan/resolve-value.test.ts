import { describe, expect, it } from 'vitest';
import { PlanReferenceError } from './plan-errors.js';
import { compileValue, parseWholeReference, type Reference } from './reference.js';
import { resolveReference, resolveValue, type ResolutionScope } from './resolve-value.js';
import { ToolplanError } from './toolplan-error.js';

function scopeOf(results: Record<string, unknown>, extra: Partial<ResolutionScope> = {}) {
  return { results: new Map(Object.entries(results)), ...extra };
}

function resolve(value: unknown, scope: ResolutionScope, location: Array<string | number> = []) {
  const compiled = compileValue(value);
  expect(compiled.problems).toEqual([]);
  return resolveValue(compiled.value, scope, location);
}

/** Runs `action`, expects a PlanReferenceError and returns it. */
function referenceError(action: () => unknown): PlanReferenceError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(PlanReferenceError);
    return error as PlanReferenceError;
  }
  throw new Error('expected a PlanReferenceError, but nothing was thrown');
}

const weather = {
  city: 'Boston',
  temp: 21.5,
  forecast: { high: 25, low: 12 },
  hours: [{ temp: 18 }, { temp: 20 }],
  tags: ['sunny', 'dry'],
};

describe('resolveValue: whole-string references keep their type', () => {
  const scope = scopeOf({ bos: weather, n: 7, flag: false, nothing: null });

  it('returns a number as a number', () => {
    expect(resolve('$n', scope)).toBe(7);
    expect(resolve('$bos.temp', scope)).toBe(21.5);
  });

  it('returns booleans and null as themselves', () => {
    expect(resolve('$flag', scope)).toBe(false);
    expect(resolve('$nothing', scope)).toBeNull();
  });

  it('returns an object and an array as the same values (no copy)', () => {
    expect(resolve('$bos', scope)).toBe(weather);
    expect(resolve('$bos.forecast', scope)).toBe(weather.forecast);
    expect(resolve('$bos.hours', scope)).toBe(weather.hours);
  });

  it('follows dotted paths and [n] indexes', () => {
    expect(resolve('$bos.forecast.high', scope)).toBe(25);
    expect(resolve('$bos.hours[1].temp', scope)).toBe(20);
    expect(resolve('$bos.tags[0]', scope)).toBe('sunny');
  });

  it('reads a dotted number on an array as an index, and .length as the length', () => {
    expect(resolve('$bos.tags.1', scope)).toBe('dry');
    expect(resolve('$bos.hours.length', scope)).toBe(2);
  });

  it('resolves references inside nested arguments, keeping each type', () => {
    expect(resolve({ results: ['$bos.temp', '$n'], meta: { city: '$bos.city' } }, scope)).toEqual({
      results: [21.5, 7],
      meta: { city: 'Boston' },
    });
  });
});

describe('resolveValue: interpolation inside longer text', () => {
  const scope = scopeOf({ bos: weather, n: 7, flag: true, nothing: null });

  it('inserts strings as they are and numbers as digits', () => {
    expect(resolve('It is ${bos.temp} degrees in ${bos.city}.', scope)).toBe(
      'It is 21.5 degrees in Boston.',
    );
  });

  it('inserts objects and arrays as JSON', () => {
    expect(resolve('forecast=${bos.forecast}; tags=${bos.tags}', scope)).toBe(
      'forecast={"high":25,"low":12}; tags=["sunny","dry"]',
    );
  });

  it('inserts booleans and null as words', () => {
    expect(resolve('${flag}/${nothing}', scope)).toBe('true/null');
  });

  it('yields text even when the string is only `${…}`', () => {
    expect(resolve('${n}', scope)).toBe('7');
  });

  it('turns $$ into a literal $ and leaves $$a as the text $a', () => {
    expect(resolve('costs $$${n}', scope)).toBe('costs $7');
    expect(resolve('$$a', scope)).toBe('$a');
    expect(resolve({ note: '$$bos is not a reference' }, scope)).toEqual({
      note: '$bos is not a reference',
    });
  });
});

describe('resolveValue: forEach scope', () => {
  const results = { cities: ['Boston', 'NYC'] };

  it('binds $item and $index, typed and interpolated', () => {
    const value = { city: '$item.name', position: '$index', label: '#${index}: ${item.name}' };
    const scope = scopeOf(results, { forEach: { item: { name: 'NYC' }, index: 1 } });
    expect(resolve(value, scope)).toEqual({ city: 'NYC', position: 1, label: '#1: NYC' });
  });

  it('returns the item itself for a whole $item', () => {
    const item = { name: 'Boston', zip: '02101' };
    expect(resolve('$item', scopeOf({}, { forEach: { item, index: 0 } }))).toBe(item);
  });

  it('has no $item outside a forEach scope', () => {
    const error = referenceError(() => resolve('$item', scopeOf(results)));
    expect(error.reference).toBe('$item');
    expect(error.message).toBe('$item names step `item`, which has no result.');
  });
});

describe('resolveValue: failures are PlanReferenceErrors, never undefined', () => {
  const scope = scopeOf({ bos: weather }, { stepId: 'cmp' });

  it('names the available keys when a key is missing', () => {
    const error = referenceError(() =>
      resolve({ high: '$bos.forecast.max' }, scope, ['steps', 2, 'args']),
    );
    expect(error.reference).toBe('$bos.forecast.max');
    expect(error.resolvedPrefix).toBe('$bos.forecast');
    expect(error.location).toEqual(['steps', 2, 'args', 'high']);
    expect(error.stepId).toBe('cmp');
    expect(error.name).toBe('PlanReferenceError');
    expect(ToolplanError.isInstance(error)).toBe(true);
    expect(error.message).toBe(
      '$bos.forecast.max: $bos.forecast has no `max` (it has keys `high`, `low`).',
    );
  });

  it('fails on a missing key at the first segment with the root as prefix', () => {
    const error = referenceError(() => resolve('$bos.humidity', scope));
    expect(error.resolvedPrefix).toBe('$bos');
    expect(error.message).toContain('has no `humidity`');
    expect(error.message).toContain('`city`, `temp`, `forecast`, `hours`, `tags`');
  });

  it('says how long an array is when an index is out of range', () => {
    const error = referenceError(() => resolve('$bos.hours[5].temp', scope));
    expect(error.resolvedPrefix).toBe('$bos.hours');
    expect(error.message).toBe(
      '$bos.hours[5].temp: $bos.hours is an array of 2 items, so it has no [5].',
    );
  });

  it('names the type when the path goes into a primitive', () => {
    const error = referenceError(() => resolve('$bos.temp.value', scope));
    expect(error.resolvedPrefix).toBe('$bos.temp');
    expect(error.message).toBe('$bos.temp.value: $bos.temp is number, so it has no `value`.');
    const nullScope = scopeOf({ empty: { data: null } });
    expect(referenceError(() => resolve('$empty.data.x', nullScope)).message).toContain(
      '$empty.data is null, so it has no `x`',
    );
  });

  it('fails for a step that has no result, with an empty resolved prefix', () => {
    const error = referenceError(() => resolve('the ${nyc.temp} value', scope, ['answer']));
    expect(error.reference).toBe('${nyc.temp}');
    expect(error.resolvedPrefix).toBe('');
    expect(error.location).toEqual(['answer']);
    expect(error.message).toBe('${nyc.temp} names step `nyc`, which has no result.');
  });

  it('fails inside a template instead of inserting "undefined"', () => {
    expect(() => resolve('High: ${bos.forecast.max}', scope)).toThrow(PlanReferenceError);
  });

  it('shows at most 12 keys', () => {
    const wide = Object.fromEntries(Array.from({ length: 15 }, (_, index) => [`k${index}`, index]));
    const error = referenceError(() => resolve('$wide.missing', scopeOf({ wide })));
    expect(error.message).toContain('`k11`, …)');
    expect(error.message).not.toContain('`k12`');
  });

  it('says "no keys" for an empty object', () => {
    expect(referenceError(() => resolve('$e.x', scopeOf({ e: {} }))).message).toContain(
      '(it has no keys)',
    );
  });
});

describe('resolveValue: prototype keys are not reachable', () => {
  const scope = scopeOf({ obj: { a: 1 }, list: [1, 2] });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('refuses $obj.%s', (key) => {
    const error = referenceError(() => resolve(`$obj.${key}`, scope));
    expect(error.message).toContain(`has no \`${key}\``);
  });

  it('refuses inherited keys of arrays too', () => {
    expect(() => resolve('$list.constructor', scope)).toThrow(PlanReferenceError);
    expect(() => resolve('$list.map', scope)).toThrow(PlanReferenceError);
  });

  it('refuses prototype keys when interpolated', () => {
    expect(() => resolve('x ${obj.constructor} y', scope)).toThrow(PlanReferenceError);
  });

  it('does reach a key that is an own property of the data', () => {
    const data = JSON.parse('{"constructor": "own value"}') as unknown;
    expect(resolve('$data.constructor', scopeOf({ data }))).toBe('own value');
  });
});

describe('resolveValue: literals are not copied', () => {
  it('returns a literal subtree by identity, also beside references', () => {
    const options = { units: ['c', 'f'], nested: { deep: true } };
    const args = { options, city: '$geo.city' };
    const resolved = resolve(args, scopeOf({ geo: { city: 'Boston' } })) as Record<string, unknown>;
    expect(resolved).not.toBe(args);
    expect(resolved['city']).toBe('Boston');
    expect(resolved['options']).toBe(options);
  });

  it('returns a whole literal value by identity', () => {
    const args = { list: [1, { a: 'b' }] };
    expect(resolve(args, scopeOf({}))).toBe(args);
  });
});

describe('resolveReference', () => {
  it('resolves a parsed reference directly', () => {
    const reference = parseWholeReference('$a.b[0]') as Reference;
    expect(resolveReference(reference, scopeOf({ a: { b: ['x'] } }))).toBe('x');
  });
});

describe('resolveValue: [$index] pairs the element with another list (a zip)', () => {
  const results = {
    p: [{ lang: 'en' }, { lang: 'fr' }],
    o: [{ orders: [1] }, { orders: [2, 3] }],
  };

  it('takes the element at the forEach index, typed and interpolated', () => {
    const value = {
      preferences: '$p[$index]',
      orders: '$o[$index].orders',
      label: '${p[$index].lang}',
    };
    const scope = scopeOf(results, { forEach: { item: 'u2', index: 1 } });
    expect(resolve(value, scope)).toEqual({
      preferences: { lang: 'fr' },
      orders: [2, 3],
      label: 'fr',
    });
  });

  it('fails when the other list is shorter, naming the index', () => {
    const error = referenceError(() =>
      resolve(
        '$p[$index].lang',
        scopeOf(results, { forEach: { item: 'u3', index: 2 }, stepId: 'z' }),
      ),
    );
    expect(error.message).toBe(
      '$p[$index].lang: $p is an array of 2 items, so it has no [2] ([$index] is 2 here).',
    );
    expect(error).toMatchObject({ stepId: 'z', resolvedPrefix: '$p' });
  });

  it('fails outside a forEach scope', () => {
    const error = referenceError(() => resolve('$p[$index]', scopeOf(results)));
    expect(error.message).toBe(
      '$p[$index]: $p cannot take [$index] outside a step with `forEach`.',
    );
  });
});
