import { describe, expect, it } from 'vitest';
import { renameReferences } from './rename-references.js';

describe('renameReferences', () => {
  const renames = new Map([['b', 'inj1']]);

  it('renames the roots of whole and interpolated references, deep in arrays and objects', () => {
    expect(
      renameReferences(
        { a: '$b', p: '$b.items[0].name', t: 'has ${b.x} and ${b}', n: [{ d: '$b' }], k: 3 },
        renames,
      ),
    ).toEqual({
      a: '$inj1',
      p: '$inj1.items[0].name',
      t: 'has ${inj1.x} and ${inj1}',
      n: [{ d: '$inj1' }],
      k: 3,
    });
  });

  it('leaves other roots, literal dollars and longer names as written', () => {
    expect(
      renameReferences(['$bb', '${bb.x}', '$$b', 'costs $$5 ${c.y}', '$c', 'b'], renames),
    ).toEqual(['$bb', '${bb.x}', '$$b', 'costs $$5 ${c.y}', '$c', 'b']);
  });

  it('keeps a key `__proto__` as data', () => {
    const value = JSON.parse('{"__proto__": "$b"}') as unknown;
    const renamed = renameReferences(value, renames) as Record<string, unknown>;
    expect(Object.getPrototypeOf(renamed)).toBe(Object.prototype);
    expect(Object.entries(renamed)).toEqual([['__proto__', '$inj1']]);
  });
});
