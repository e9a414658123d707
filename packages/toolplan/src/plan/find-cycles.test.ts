import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCycles } from './find-cycles.js';

function graph(edges: Record<string, string[]>): [string[], Map<string, string[]>] {
  return [Object.keys(edges), new Map(Object.entries(edges))];
}

/** Steps left over after repeatedly removing the steps with no unfinished dependencies. */
function unsortable(nodes: readonly string[], edges: ReadonlyMap<string, readonly string[]>) {
  const remaining = new Set(nodes);
  let progress = true;
  while (progress) {
    progress = false;
    for (const node of remaining) {
      const waiting = (edges.get(node) ?? []).some((next) => next !== node && remaining.has(next));
      if (!waiting) {
        remaining.delete(node);
        progress = true;
      }
    }
  }
  return remaining;
}

describe('findCycles', () => {
  it('finds nothing in a DAG (a diamond, and a chain)', () => {
    expect(findCycles(...graph({ a: [], b: ['a'], c: ['a'], d: ['b', 'c'] }))).toEqual([]);
    expect(findCycles(...graph({ a: ['b'], b: ['c'], c: [] }))).toEqual([]);
  });

  it('returns a cycle as a closed walk in dependency order', () => {
    expect(findCycles(...graph({ a: ['b'], b: ['c'], c: ['a'] }))).toEqual([['a', 'b', 'c', 'a']]);
    expect(findCycles(...graph({ a: ['c'], b: ['a'], c: ['b'] }))).toEqual([['a', 'c', 'b', 'a']]);
  });

  it('returns one cycle per strongly connected component', () => {
    const cycles = findCycles(
      ...graph({ a: ['b'], b: ['a'], free: ['a', 'x'], x: ['y'], y: ['z'], z: ['x'] }),
    );
    expect(cycles).toHaveLength(2);
    expect(cycles).toContainEqual(['a', 'b', 'a']);
    expect(cycles.map((cycle) => cycle.length)).toContain(4);
  });

  it('ignores edges to nodes that are not in the graph and self-loops', () => {
    expect(
      findCycles(
        ['a', 'b'],
        new Map([
          ['a', ['ghost', 'a']],
          ['b', ['a']],
        ]),
      ),
    ).toEqual([]);
  });

  it('handles a 50,000-node ring without overflowing the stack', () => {
    const nodes = Array.from({ length: 50_000 }, (_, index) => `n${index}`);
    const edges = new Map(nodes.map((node, index) => [node, [`n${(index + 1) % nodes.length}`]]));
    const cycles = findCycles(nodes, edges);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(50_001);
    expect(cycles[0]?.[0]).toBe(cycles[0]?.[50_000]);
  });

  it('reports a real cycle exactly when the graph cannot be ordered (property)', () => {
    const arbitraryGraph = fc.integer({ min: 1, max: 9 }).chain((size) =>
      fc.tuple(
        fc.constant(size),
        fc.array(fc.array(fc.integer({ min: 0, max: size - 1 }), { maxLength: 3 }), {
          minLength: size,
          maxLength: size,
        }),
      ),
    );
    fc.assert(
      fc.property(arbitraryGraph, ([size, successors]) => {
        const nodes = Array.from({ length: size }, (_, index) => `s${index}`);
        const edges = new Map(
          nodes.map((node, index) => [
            node,
            (successors[index] ?? []).map((next) => `s${next}`).filter((next) => next !== node),
          ]),
        );
        const cycles = findCycles(nodes, edges);
        const stuck = unsortable(nodes, edges);
        expect(cycles.length > 0).toBe(stuck.size > 0);
        const seen = new Set<string>();
        for (const cycle of cycles) {
          expect(cycle.length).toBeGreaterThanOrEqual(3);
          expect(cycle[0]).toBe(cycle[cycle.length - 1]);
          const members = cycle.slice(0, -1);
          expect(new Set(members).size).toBe(members.length);
          for (let index = 0; index + 1 < cycle.length; index += 1) {
            expect(edges.get(cycle[index] as string)).toContain(cycle[index + 1]);
          }
          for (const member of members) {
            expect(stuck.has(member)).toBe(true);
            // Components are disjoint, so no step appears in two reported cycles.
            expect(seen.has(member)).toBe(false);
            seen.add(member);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
