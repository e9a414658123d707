import { describe, expect, it } from 'vitest';
import {
  compileValue,
  FOR_EACH_INDEX_SEGMENT,
  formatReference,
  isForEachIndexSegment,
  parseWholeReference,
  STEP_ID_PATTERN,
  type PathSegment,
  type Reference,
} from './reference.js';

describe('parseWholeReference', () => {
  it('parses a bare step id', () => {
    expect(parseWholeReference('$bos')).toEqual({ root: 'bos', path: [], text: '$bos' });
  });

  it('parses dotted keys and [n] indexes, numbers as numbers', () => {
    expect(parseWholeReference('$list.items[0].name')).toEqual({
      root: 'list',
      path: ['items', 0, 'name'],
      text: '$list.items[0].name',
    });
    expect(parseWholeReference('$m[2][10]')?.path).toEqual([2, 10]);
  });

  it('keeps a dotted numeric key as a string key, and allows - in keys', () => {
    expect(parseWholeReference('$a.0')?.path).toEqual(['0']);
    expect(parseWholeReference('$a.content-type')?.path).toEqual(['content-type']);
  });

  it.each([
    ['bos', 'no dollar sign'],
    ['$', 'no id'],
    ['$1abc', 'id starting with a digit'],
    ['$$bos', 'escaped dollar'],
    ['$bos temp', 'space inside'],
    ['$bos.', 'trailing dot'],
    ['$bos[x]', 'non-numeric index'],
    ['$bos[-1]', 'negative index'],
    ['${bos}', 'interpolation syntax'],
    [' $bos', 'leading space'],
  ])('rejects %j (%s)', (text) => {
    expect(parseWholeReference(text)).toBeUndefined();
  });
});

describe('formatReference', () => {
  it('formats keys with dots and numbers as indexes', () => {
    expect(formatReference('bos', ['forecast', 0, 'high'])).toBe('$bos.forecast[0].high');
    expect(formatReference('bos', [])).toBe('$bos');
  });

  it('round-trips with parseWholeReference', () => {
    const parsed = parseWholeReference('$a.b[3].c_d') as Reference;
    expect(formatReference(parsed.root, parsed.path)).toBe('$a.b[3].c_d');
  });
});

describe('STEP_ID_PATTERN', () => {
  it('accepts identifiers and rejects everything else', () => {
    expect(['a', '_x', 'step_2', 'B9'].every((id) => STEP_ID_PATTERN.test(id))).toBe(true);
    expect(['', '2a', 'a-b', 'a.b', 'a b', '$a'].some((id) => STEP_ID_PATTERN.test(id))).toBe(
      false,
    );
  });
});

describe('compileValue', () => {
  it('compiles a whole-string reference with its location', () => {
    const compiled = compileValue({ city: '$geo.city' }, ['steps', 0, 'args']);
    expect(compiled.problems).toEqual([]);
    expect(compiled.value).toEqual({
      kind: 'object',
      entries: [
        [
          'city',
          { kind: 'reference', reference: { root: 'geo', path: ['city'], text: '$geo.city' } },
        ],
      ],
    });
    expect(compiled.references).toEqual([
      {
        reference: { root: 'geo', path: ['city'], text: '$geo.city' },
        location: ['steps', 0, 'args', 'city'],
        interpolated: false,
      },
    ]);
  });

  it('splits a longer string into literal parts and interpolated references', () => {
    const compiled = compileValue('Warmer: ${cmp.warmer} (${cmp.diff[0]} degrees)');
    expect(compiled.value).toEqual({
      kind: 'template',
      parts: [
        'Warmer: ',
        { root: 'cmp', path: ['warmer'], text: '${cmp.warmer}' },
        ' (',
        { root: 'cmp', path: ['diff', 0], text: '${cmp.diff[0]}' },
        ' degrees)',
      ],
    });
    expect(compiled.references.map((located) => located.interpolated)).toEqual([true, true]);
  });

  it('treats `${a}` alone as a template (text), not as a typed reference', () => {
    expect(compileValue('${a}').value).toEqual({
      kind: 'template',
      parts: [{ root: 'a', path: [], text: '${a}' }],
    });
  });

  it('does not treat `$id` inside longer text as a reference', () => {
    const compiled = compileValue('see $bos for details');
    expect(compiled.value).toEqual({ kind: 'literal', value: 'see $bos for details' });
    expect(compiled.references).toEqual([]);
  });

  it('turns $$ into a literal dollar sign, also before an id', () => {
    expect(compileValue('costs $$5').value).toEqual({ kind: 'literal', value: 'costs $5' });
    const escaped = compileValue('$$a');
    expect(escaped.value).toEqual({ kind: 'literal', value: '$a' });
    expect(escaped.references).toEqual([]);
    expect(compileValue('$${a.b}').value).toEqual({ kind: 'literal', value: '${a.b}' });
  });

  it('reads $$ followed by ${…} as a dollar sign and then an interpolation', () => {
    expect(compileValue('$$${p.cost}').value).toEqual({
      kind: 'template',
      parts: ['$', { root: 'p', path: ['cost'], text: '${p.cost}' }],
    });
  });

  it('reports an unclosed ${ as a problem at its location', () => {
    const compiled = compileValue({ q: 'weather in ${geo.city' }, ['args']);
    expect(compiled.references).toEqual([]);
    expect(compiled.problems).toHaveLength(1);
    expect(compiled.problems[0]?.location).toEqual(['args', 'q']);
    expect(compiled.problems[0]?.message).toContain('Unclosed `${`');
  });

  it('reports ${…} holding something that is not a reference', () => {
    const compiled = compileValue('total: ${1 + 2}');
    expect(compiled.problems).toHaveLength(1);
    expect(compiled.problems[0]?.message).toContain('`${1 + 2}` is not a reference');
    expect(compiled.references).toEqual([]);
  });

  it('locates references deep inside arrays and objects', () => {
    const compiled = compileValue({ list: ['x', { deep: '$a[1]' }], other: 'id: ${b.id}' });
    expect(
      compiled.references.map(({ reference, location }) => [reference.text, location]),
    ).toEqual([
      ['$a[1]', ['list', 1, 'deep']],
      ['${b.id}', ['other']],
    ]);
  });

  it('keeps subtrees without references as the same objects', () => {
    const literal = { nested: { list: [1, 2, { x: 'plain $ text' }] } };
    const whole = compileValue(literal);
    expect(whole.value.kind).toBe('literal');
    expect(whole.value.kind === 'literal' && whole.value.value).toBe(literal);

    const mixed = compileValue({ static: literal, dynamic: '$a' });
    expect(mixed.value.kind).toBe('object');
    const staticEntry =
      mixed.value.kind === 'object'
        ? mixed.value.entries.find(([key]) => key === 'static')?.[1]
        : undefined;
    expect(staticEntry).toEqual({ kind: 'literal', value: literal });
    expect(staticEntry?.kind === 'literal' && staticEntry.value).toBe(literal);
  });

  it('rebuilds an object that holds an escaped $$ (its value changes)', () => {
    const compiled = compileValue({ price: 'US$$5' });
    expect(compiled.value).toEqual({
      kind: 'object',
      entries: [['price', { kind: 'literal', value: 'US$5' }]],
    });
  });

  it('passes numbers, booleans and null through as literals', () => {
    for (const value of [0, 1.5, true, false, null]) {
      expect(compileValue(value).value).toEqual({ kind: 'literal', value });
    }
  });
});

describe('[$index] in a reference path', () => {
  it('parses as the forEach-index segment, whole and interpolated, and formats back', () => {
    const whole = parseWholeReference('$o[$index].orders') as Reference;
    expect(whole.path).toEqual([FOR_EACH_INDEX_SEGMENT, 'orders']);
    expect(isForEachIndexSegment(whole.path[0] as PathSegment)).toBe(true);
    expect(isForEachIndexSegment(structuredClone(whole.path[0]) as PathSegment)).toBe(true);
    expect(formatReference(whole.root, whole.path)).toBe('$o[$index].orders');
    const compiled = compileValue('Hi ${p[$index].name}!');
    expect(compiled.references[0]?.reference.path).toEqual([FOR_EACH_INDEX_SEGMENT, 'name']);
  });

  it.each(['$o[$item]', '$o[$index', '$o.$index', '$o[$$index]'])(
    'does not read %j as one',
    (text) => {
      expect(parseWholeReference(text)).toBeUndefined();
    },
  );
});
