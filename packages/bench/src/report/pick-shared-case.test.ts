import { describe, expect, it } from 'vitest';
import { pickSharedCase } from './pick-shared-case.js';

const runs = (entries: ReadonlyArray<[string, number]>) =>
  entries.map(([caseId, latencyMs]) => ({ caseId, latencyMs }));

describe('pickSharedCase', () => {
  it("picks the case of plan's run nearest plan's median, whatever the others' medians", () => {
    const caseId = pickSharedCase({
      // Its own run nearest its median is of case c: the reference is plan, not it.
      'loop-sequential': runs([
        ['a', 100],
        ['b', 900],
        ['c', 500],
        ['e', 300],
      ]),
      plan: runs([
        ['a', 10],
        ['b', 53],
        ['c', 90],
        ['d', 50],
        ['e', 20],
      ]),
    });
    // plan's median is 50, its run of d: but loop-sequential never ran d, and b is next nearest.
    expect(caseId).toBe('b');
  });

  it('falls back to the first strategy without plan, and honours a reference given', () => {
    const byStrategy = {
      'loop-parallel': runs([
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ]),
      optimized: runs([
        ['a', 30],
        ['b', 10],
        ['c', 20],
      ]),
    };
    expect(pickSharedCase(byStrategy)).toBe('b');
    expect(pickSharedCase(byStrategy, { reference: 'optimized' })).toBe('c');
    // A reference that did not run is no reference.
    expect(pickSharedCase(byStrategy, { reference: 'plan+predict' })).toBe('b');
  });

  it('keeps the earliest run on a tie, and works with repeated cases', () => {
    expect(
      pickSharedCase({
        plan: runs([
          ['x', 10],
          ['y', 30],
        ]),
        session: runs([
          ['y', 1],
          ['x', 1],
        ]),
      }),
    ).toBe('x');
    expect(
      pickSharedCase({
        plan: runs([
          ['main', 10],
          ['main', 12],
        ]),
        'loop-sequential': runs([['main', 40]]),
      }),
    ).toBe('main');
  });

  it('is undefined when no case is common to every strategy, or nothing ran', () => {
    expect(pickSharedCase({ plan: runs([['a', 1]]), optimized: runs([['b', 1]]) })).toBeUndefined();
    expect(pickSharedCase({ plan: runs([['a', 1]]), optimized: [] })).toBeUndefined();
    expect(pickSharedCase({ plan: [] })).toBeUndefined();
    expect(pickSharedCase({})).toBeUndefined();
  });
});
