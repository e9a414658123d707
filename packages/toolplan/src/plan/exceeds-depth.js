/**
 * True when `value` nests arrays and objects more than `maxDepth` levels deep (a scalar is 0
 * levels, `[]` and `{}` 1, `[[1]]` 2). Walks with its own stack, not the call stack, so a value
 * of any depth (or a cyclic one: it is infinitely deep) gets an answer rather than a
 * `RangeError`; recursive work on the value (JSON.stringify included: ~3,000 levels of arrays
 * overflow `safe-stable-stringify`, ~10,000 `JSON.stringify`) is safe once this is false.
 */
export function exceedsDepth(value, maxDepth) {
    const stack = [{ value, depth: 0 }];
    for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
        const current = entry.value;
        if (typeof current !== 'object' || current === null)
            continue;
        const depth = entry.depth + 1;
        if (depth > maxDepth)
            return true;
        const children = Array.isArray(current) ? current : Object.values(current);
        for (const child of children) {
            if (typeof child === 'object' && child !== null)
                stack.push({ value: child, depth });
        }
    }
    return false;
}
