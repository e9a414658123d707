/**
 * Checks a plan as written (a whole plan, or one step) against `maxValueDepth` and
 * `maxReferences` before anything recursive touches it: the walk keeps its own stack, visits each
 * value once and stops at the first excess, so its cost is linear in the plan and bounded by the
 * limits, whatever the plan holds. Returns the issue, or `undefined` when the plan is within both.
 */
export function checkPlanBounds(raw, options) {
    const { maxValueDepth, maxReferences } = options.limits;
    const base = options.path ?? [];
    // A step is level 3 of a plan (plan, `steps`, step), so its depth counts from there.
    const startDepth = base.length === 0 ? 0 : base.length;
    let references = 0;
    const stack = [{ value: raw, depth: startDepth, key: undefined, parent: undefined }];
    for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
        const { value } = frame;
        if (typeof value === 'string') {
            references += countDollarSigns(value, maxReferences - references + 1);
            if (references > maxReferences) {
                return {
                    code: 'too_many_references',
                    path: [...base, ...pathOf(frame)],
                    message: `The plan holds more than ${maxReferences.toLocaleString('en-US')} references; at most ${maxReferences.toLocaleString('en-US')} are allowed. Refer to a whole result once (\`$id\`) instead of to its parts many times, or use \`forEach\` to repeat a step over a list.`,
                };
            }
            continue;
        }
        if (typeof value !== 'object' || value === null)
            continue;
        const depth = frame.depth + 1;
        if (depth > maxValueDepth) {
            return {
                code: 'too_deep',
                path: [...base, ...pathOf(frame)],
                message: `The plan nests arrays and objects more than ${maxValueDepth} levels deep here; at most ${maxValueDepth} are allowed. Pass nested data by reference (\`$id.path\`) or flatten it.`,
            };
        }
        // Pushed in reverse, so the walk (and the issue it reports) follows the plan's own order.
        const entries = Array.isArray(value)
            ? value.map((item, index) => [index, item])
            : Object.entries(value);
        for (let index = entries.length - 1; index >= 0; index -= 1) {
            const [key, child] = entries[index];
            if (typeof child === 'object' || typeof child === 'string')
                stack.push({ value: child, depth, key, parent: frame });
        }
    }
    return undefined;
}
/** Unescaped `$` signs in `text` (`$$` is a literal dollar), counting no further than `stop`. */
function countDollarSigns(text, stop) {
    let count = 0;
    for (let at = text.indexOf('$'); at !== -1 && count < stop; at = text.indexOf('$', at)) {
        if (text.charCodeAt(at + 1) === 0x24)
            at += 2;
        else {
            count += 1;
            at += 1;
        }
    }
    return count;
}
function pathOf(frame) {
    const path = [];
    for (let current = frame; current?.key !== undefined; current = current.parent)
        path.push(current.key);
    return path.reverse();
}
