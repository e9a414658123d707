import { describe, expect, it } from 'vitest';
import { normalizeParallelGroups } from './normalize-parallel-groups.js';

const seed = {
  parallel_groups: [
    {
      group: 1,
      calls: [
        { tool: 'get_weather', args: { city: 'Boston', date: '2024-01-20' } },
        { tool: 'get_weather', args: { city: 'NYC', date: '2024-01-20' } },
      ],
    },
    {
      group: 2,
      calls: [{ tool: 'compare_temps', args: { results: '$group1.results' } }],
    },
  ],
};

describe('normalizeParallelGroups', () => {
  it("rewrites the seed article's form to steps with ids, references and ordering", () => {
    expect(normalizeParallelGroups(seed)).toEqual({
      steps: [
        { id: 'group1_0', tool: 'get_weather', args: { city: 'Boston', date: '2024-01-20' } },
        { id: 'group1_1', tool: 'get_weather', args: { city: 'NYC', date: '2024-01-20' } },
        {
          id: 'group2_0',
          tool: 'compare_temps',
          args: { results: ['$group1_0', '$group1_1'] },
          after: ['group1_0', 'group1_1'],
        },
      ],
    });
  });

  it('rewrites indexed results, in whole strings, interpolations and the answer', () => {
    const normalized = normalizeParallelGroups({
      parallel_groups: [
        {
          group: 1,
          calls: [
            { tool: 'w', args: { city: 'A' } },
            { tool: 'w', args: { city: 'B' } },
          ],
        },
        {
          group: 2,
          calls: [
            {
              tool: 'report',
              args: {
                first: '$group1.results[0].temp',
                second: '$group1.results[1]',
                text: 'A: ${group1.results[0].temp}, B: ${group1.results[1].temp}',
                nested: [{ all: '$group1.results' }],
              },
            },
          ],
        },
      ],
      answer: 'Report: ${group2.results[0].summary}',
    }) as { steps: Array<{ args: unknown }>; answer: string };
    expect(normalized.steps[2]?.args).toEqual({
      first: '$group1_0.temp',
      second: '$group1_1',
      text: 'A: ${group1_0.temp}, B: ${group1_1.temp}',
      nested: [{ all: ['$group1_0', '$group1_1'] }],
    });
    expect(normalized.answer).toBe('Report: ${group2_0.summary}');
  });

  it('makes each group wait for the group before it only', () => {
    const normalized = normalizeParallelGroups({
      parallel_groups: [
        { group: 1, calls: [{ tool: 'a', args: {} }] },
        {
          group: 2,
          calls: [
            { tool: 'b', args: {} },
            { tool: 'c', args: {} },
          ],
        },
        { group: 3, calls: [{ tool: 'd', args: {} }] },
      ],
    }) as { steps: Array<{ id: string; after?: string[] }> };
    expect(normalized.steps.map(({ id, after }) => [id, after])).toEqual([
      ['group1_0', undefined],
      ['group2_0', ['group1_0']],
      ['group2_1', ['group1_0']],
      ['group3_0', ['group2_0', 'group2_1']],
    ]);
  });

  it("keeps a call's own id and after, and points references at that id", () => {
    const normalized = normalizeParallelGroups({
      parallel_groups: [
        {
          group: 1,
          calls: [
            { id: 'bos', tool: 'w', args: {} },
            { id: 'init', tool: 'i', args: {} },
          ],
        },
        { group: 2, calls: [{ tool: 'cmp', args: { r: '$group1.results' }, after: ['init'] }] },
      ],
    }) as { steps: Array<{ id: string; args: unknown; after?: string[] }> };
    expect(normalized.steps.map(({ id }) => id)).toEqual(['bos', 'init', 'group2_0']);
    expect(normalized.steps[2]).toEqual({
      id: 'group2_0',
      tool: 'cmp',
      args: { r: ['$bos', '$init'] },
      after: ['init', 'bos', 'init'],
    });
  });

  it('numbers groups by position when `group` is missing or not a positive integer', () => {
    const normalized = normalizeParallelGroups({
      parallel_groups: [
        { calls: [{ tool: 'a', args: {} }] },
        { group: 0, calls: [{ tool: 'b', args: { x: '$group1.results[0]' } }] },
      ],
    }) as { steps: Array<{ id: string; args: unknown }> };
    expect(normalized.steps.map(({ id }) => id)).toEqual(['group1_0', 'group2_0']);
    expect(normalized.steps[1]?.args).toEqual({ x: '$group1_0' });
  });

  it('uses the declared group numbers even when they skip', () => {
    const normalized = normalizeParallelGroups({
      parallel_groups: [
        { group: 5, calls: [{ tool: 'a', args: {} }] },
        { group: 9, calls: [{ tool: 'b', args: { x: '$group5.results' } }] },
      ],
    }) as { steps: Array<{ id: string; args: unknown }> };
    expect(normalized.steps.map(({ id }) => id)).toEqual(['group5_0', 'group9_0']);
    expect(normalized.steps[1]?.args).toEqual({ x: ['$group5_0'] });
  });

  it('leaves references to unknown groups and calls as written (validation reports them)', () => {
    const normalized = normalizeParallelGroups({
      parallel_groups: [
        { group: 1, calls: [{ tool: 'a', args: {} }] },
        {
          group: 2,
          calls: [{ tool: 'b', args: { x: '$group7.results', y: '$group1.results[3]' } }],
        },
      ],
    }) as { steps: Array<{ args: unknown }> };
    expect(normalized.steps[1]?.args).toEqual({ x: '$group7.results', y: '$group1.results[3]' });
  });

  it('leaves escaped $$ text alone', () => {
    const normalized = normalizeParallelGroups({
      parallel_groups: [
        { group: 1, calls: [{ tool: 'a', args: {} }] },
        {
          group: 2,
          calls: [
            {
              tool: 'b',
              args: {
                x: '$$group1.results[0]',
                y: '$$group1.results',
                z: '$$$${group1.results[0]}',
              },
            },
          ],
        },
      ],
    }) as { steps: Array<{ args: unknown }> };
    expect(normalized.steps[1]?.args).toEqual({
      x: '$$group1.results[0]',
      y: '$$group1.results',
      z: '$$$${group1.results[0]}',
    });
  });

  it('rewrites an interpolation that follows an escaped $$', () => {
    const normalized = normalizeParallelGroups({
      parallel_groups: [
        { group: 1, calls: [{ tool: 'price', args: {} }] },
        { group: 2, calls: [{ tool: 'say', args: { text: 'costs $$${group1.results[0].usd}' } }] },
      ],
    }) as { steps: Array<{ args: unknown }> };
    expect(normalized.steps[1]?.args).toEqual({ text: 'costs $$${group1_0.usd}' });
  });

  it('keeps other top-level fields', () => {
    const normalized = normalizeParallelGroups({
      parallel_groups: [{ group: 1, calls: [{ tool: 'a', args: {} }] }],
      needsReasoning: true,
    });
    expect(normalized).toEqual({
      needsReasoning: true,
      steps: [{ id: 'group1_0', tool: 'a', args: {} }],
    });
  });

  it('returns anything not in the parallel_groups form unchanged (same value)', () => {
    const dag = { steps: [{ id: 'a', tool: 't', args: {} }] };
    expect(normalizeParallelGroups(dag)).toBe(dag);
    const both = { steps: [], parallel_groups: [] };
    expect(normalizeParallelGroups(both)).toBe(both);
    const notArray = { parallel_groups: 'nope' };
    expect(normalizeParallelGroups(notArray)).toBe(notArray);
    for (const value of [null, 'text', 3, [1, 2]]) {
      expect(normalizeParallelGroups(value)).toBe(value);
    }
  });

  it('does not change its input', () => {
    const input = structuredClone(seed);
    normalizeParallelGroups(input);
    expect(input).toEqual(seed);
  });
});
