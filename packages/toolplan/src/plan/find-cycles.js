/**
 * Finds the cycles of a dependency graph (Tarjan's strongly connected components, iterative so a
 * 10,000-step chain cannot overflow the stack). Returns one cycle per component, as a closed walk
 * `[a, b, c, a]` in dependency order; a component with several loops is reported by one of them.
 */
export function findCycles(nodes, edges) {
    const index = new Map();
    const lowLink = new Map();
    const onStack = new Set();
    const stack = [];
    const cycles = [];
    let counter = 0;
    for (const start of nodes) {
        if (index.has(start))
            continue;
        const work = [{ node: start, next: 0 }];
        index.set(start, counter);
        lowLink.set(start, counter);
        counter += 1;
        stack.push(start);
        onStack.add(start);
        while (work.length > 0) {
            const frame = work[work.length - 1];
            const successors = edges.get(frame.node) ?? [];
            if (frame.next < successors.length) {
                const successor = successors[frame.next];
                frame.next += 1;
                if (!index.has(successor)) {
                    index.set(successor, counter);
                    lowLink.set(successor, counter);
                    counter += 1;
                    stack.push(successor);
                    onStack.add(successor);
                    work.push({ node: successor, next: 0 });
                }
                else if (onStack.has(successor)) {
                    lowLink.set(frame.node, Math.min(lowLink.get(frame.node), index.get(successor)));
                }
                continue;
            }
            work.pop();
            const parent = work[work.length - 1];
            if (parent !== undefined) {
                lowLink.set(parent.node, Math.min(lowLink.get(parent.node), lowLink.get(frame.node)));
            }
            if (lowLink.get(frame.node) === index.get(frame.node)) {
                const component = [];
                let member;
                do {
                    member = stack.pop();
                    onStack.delete(member);
                    component.push(member);
                } while (member !== frame.node);
                if (component.length > 1)
                    cycles.push(walkCycle(component, edges));
            }
        }
    }
    return cycles;
}
/** A closed walk inside one strongly connected component (every member can reach the walk's start). */
function walkCycle(component, edges) {
    const members = new Set(component);
    const start = component[component.length - 1];
    const walk = [start];
    const seen = new Map([[start, 0]]);
    let current = start;
    for (;;) {
        const next = (edges.get(current) ?? []).find((candidate) => members.has(candidate));
        const seenAt = seen.get(next);
        if (seenAt !== undefined)
            return [...walk.slice(seenAt), next];
        seen.set(next, walk.length);
        walk.push(next);
        current = next;
    }
}
