import { describe, expect, it } from 'vitest';
import { buildBfclCatalog } from './bfcl-catalog.js';
import { loadBfclCases, type BfclCase } from './bfcl-data.js';

const fn = (name: string, amount: string, description = 'Convert.') => ({
  name,
  description,
  parameters: {
    type: 'dict',
    properties: { amount: { type: amount, description: `${description} amount` } },
  },
});
const bfclCase = (id: string, functions: BfclCase['functions']): BfclCase => ({
  id,
  query: id,
  functions,
  groundTruth: [],
});

describe('buildBfclCatalog', () => {
  it('gives a name defined with another schema its own tool, named after it, and maps each case to its own', () => {
    const catalog = buildBfclCatalog([
      bfclCase('a', [fn('convert', 'float'), fn('other', 'float')]),
      bfclCase('b', [fn('convert', 'integer')]),
      bfclCase('c', [fn('convert', 'string'), fn('convert_v2', 'float')]),
    ]);
    expect(catalog.functions.map((each) => each.name)).toEqual([
      'convert',
      'other',
      // `convert_v2` is a name a case uses: the variants skip it.
      'convert_v3',
      'convert_v4',
      'convert_v2',
    ]);
    expect(catalog.names.get('b')?.get('convert')).toBe('convert_v3');
    expect(catalog.names.get('c')?.get('convert')).toBe('convert_v4');
    expect(catalog.names.get('c')?.get('convert_v2')).toBe('convert_v2');
    expect(catalog.distinctNames).toBe(3);
  });

  it('keeps one tool for definitions that differ only in their descriptions', () => {
    const catalog = buildBfclCatalog([
      bfclCase('a', [fn('convert', 'float', 'Convert money.')]),
      bfclCase('b', [fn('convert', 'float', 'Converts an amount.')]),
    ]);
    expect(catalog.functions).toHaveLength(1);
    expect(catalog.functions[0]?.description).toBe('Convert money.');
    expect(catalog.names.get('b')?.get('convert')).toBe('convert');
  });

  it("makes BFCL's 579 names 628 tools", async () => {
    const catalog = buildBfclCatalog(await loadBfclCases());
    expect(catalog.distinctNames).toBe(579);
    expect(catalog.functions).toHaveLength(628);
    expect(new Set(catalog.functions.map((each) => each.name)).size).toBe(628);
  });
});
