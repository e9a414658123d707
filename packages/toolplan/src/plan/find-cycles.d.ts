/**
 * Finds the cycles of a dependency graph (Tarjan's strongly connected components, iterative so a
 * 10,000-step chain cannot overflow the stack). Returns one cycle per component, as a closed walk
 * `[a, b, c, a]` in dependency order; a component with several loops is reported by one of them.
 */
export declare function findCycles(nodes: readonly string[], edges: ReadonlyMap<string, readonly string[]>): string[][];
