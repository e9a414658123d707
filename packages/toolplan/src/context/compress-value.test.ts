import { describe, expect, it } from 'vitest';
import { countTokens } from '../tools/index.js';
import { compressValue } from './compress-value.js';

describe('compressValue', () => {
  it('returns a result under its budget untouched, reporting no cuts', () => {
    const value = { city: 'Oslo', temps: [1, 2, 3] };
    expect(compressValue(value)).toEqual({
      value,
      cuts: [],
      tokens: countTokens(JSON.stringify(value)),
      overBudget: false,
    });
  });

  it('drops array items past the limit and says how many, keeping every key deep', () => {
    const value = {
      query: 'cats',
      hits: Array.from({ length: 52 }, (_, index) => ({
        title: `Hit ${index}`,
        meta: { rank: index },
      })),
    };
    const result = compressValue(value, { maxTokens: 200, maxArrayItems: 10 });
    const hits = (result.value as { hits: unknown[] }).hits;
    expect(hits.at(-1)).toMatch(/^…\(\+\d+ more items\)$/);
    expect(hits[0]).toEqual({ title: 'Hit 0', meta: { rank: 0 } });
    expect(result.cuts).toContainEqual({
      path: 'hits',
      kind: 'array',
      kept: hits.length - 1,
      dropped: 52 - (hits.length - 1),
    });
    expect(result.tokens).toBeLessThanOrEqual(200);
    expect(result.overBudget).toBe(false);
  });

  it('cuts long strings with a marker that counts what was cut', () => {
    const body = 'a'.repeat(5000);
    const result = compressValue({ page: { body } }, { maxTokens: 300, maxStringChars: 400 });
    const cut = (result.value as { page: { body: string } }).page.body;
    expect(cut.startsWith('a'.repeat(100))).toBe(true);
    expect(cut).toMatch(/…\(cut [\d,]+ characters\)$/);
    const [entry] = result.cuts;
    expect(entry).toMatchObject({ path: 'page.body', kind: 'string' });
    expect((entry?.kept ?? 0) + (entry?.dropped ?? 0)).toBe(5000);
    expect(JSON.stringify(result.value)).toContain(
      `cut ${(entry?.dropped ?? 0).toLocaleString('en-US')} characters`,
    );
  });

  it('says when it cannot get under the budget because keys are never dropped', () => {
    const value = Object.fromEntries(
      Array.from({ length: 200 }, (_, index) => [`key${index}`, index]),
    );
    const result = compressValue(value, { maxTokens: 50 });
    expect(Object.keys(result.value as object)).toHaveLength(200);
    expect(result.overBudget).toBe(true);
  });

  it('checks its options eagerly', () => {
    expect(() => compressValue({}, { maxTokens: 0 })).toThrow(/maxTokens/);
    expect(() => compressValue({}, { maxArrayItems: 1.5 })).toThrow(/maxArrayItems/);
    expect(() => compressValue({}, { maxStringChars: 3 })).toThrow(/maxStringChars/);
  });
});
