import { stringify } from 'safe-stable-stringify';
import { compileValue, isForEachIndexSegment, } from '../plan/index.js';
/**
 * Whether two plans make the same calls: the same steps in the same order, each with the same
 * tool, arguments, `forEach` and `after`, where a reference to the n-th step of one is a reference
 * to the n-th step of the other (step ids may differ). The answer template is not compared: it
 * words the answer, it calls nothing. How a compiled plan in shadow is checked against the
 * planner's before it may answer alone (issue 18): same tools, same arguments once bound.
 */
export function plansAgree(a, b) {
    if (a.steps.length !== b.steps.length)
        return false;
    const ids = new Map();
    a.steps.forEach((step, index) => ids.set(step.id, b.steps[index].id));
    return a.steps.every((step, index) => {
        const other = b.steps[index];
        if (step.tool !== other.tool)
            return false;
        const after = (step.after ?? []).map((id) => ids.get(id) ?? `\u0000${id}`);
        if (stringify(after) !== stringify(other.after ?? []))
            return false;
        if ((step.forEach === undefined) !== (other.forEach === undefined))
            return false;
        if (step.forEach !== undefined &&
            !sameValue(compileValue(step.forEach).value, compileValue(other.forEach).value, ids)) {
            return false;
        }
        return sameValue(compileValue(step.args).value, compileValue(other.args).value, ids);
    });
}
function sameValue(a, b, ids) {
    // Iterative: plans are bounded in depth by validation, but no recursion is needed here either.
    const stack = [[a, b]];
    while (stack.length > 0) {
        const [left, right] = stack.pop();
        switch (left.kind) {
            case 'literal':
                if (right.kind !== 'literal' || stringify(left.value) !== stringify(right.value)) {
                    return false;
                }
                break;
            case 'reference':
                if (right.kind !== 'reference' || !sameReference(left.reference, right.reference, ids)) {
                    return false;
                }
                break;
            case 'template': {
                if (right.kind !== 'template' || left.parts.length !== right.parts.length)
                    return false;
                for (let index = 0; index < left.parts.length; index += 1) {
                    const mine = left.parts[index];
                    const theirs = right.parts[index];
                    if (typeof mine === 'string' || typeof theirs === 'string') {
                        if (mine !== theirs)
                            return false;
                    }
                    else if (!sameReference(mine, theirs, ids))
                        return false;
                }
                break;
            }
            case 'array':
                if (right.kind !== 'array' || left.items.length !== right.items.length)
                    return false;
                left.items.forEach((item, index) => stack.push([item, right.items[index]]));
                break;
            case 'object': {
                if (right.kind !== 'object' || left.entries.length !== right.entries.length)
                    return false;
                const theirs = new Map(right.entries);
                for (const [key, item] of left.entries) {
                    const other = theirs.get(key);
                    if (other === undefined)
                        return false;
                    stack.push([item, other]);
                }
                break;
            }
        }
    }
    return true;
}
function sameReference(a, b, ids) {
    if ((ids.get(a.root) ?? a.root) !== b.root || a.path.length !== b.path.length)
        return false;
    return a.path.every((segment, index) => {
        const other = b.path[index];
        if (other === undefined)
            return false;
        if (isForEachIndexSegment(segment) || isForEachIndexSegment(other)) {
            return isForEachIndexSegment(segment) && isForEachIndexSegment(other);
        }
        return segment === other;
    });
}
