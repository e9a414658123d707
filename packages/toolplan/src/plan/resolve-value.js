import { exceedsDepth } from './exceeds-depth.js';
import { PlanReferenceError } from './plan-errors.js';
import { FOR_EACH_INDEX, FOR_EACH_ITEM, formatPathSegment, formatReference, isForEachIndexSegment, } from './reference.js';
/**
 * Replaces every reference in a compiled value with the value it names. A whole-string reference
 * keeps its value's type; an interpolated one becomes text. A path that does not exist in the
 * actual value throws a {@link PlanReferenceError}; it never yields `undefined`.
 */
export function resolveValue(compiled, scope, location = []) {
    switch (compiled.kind) {
        case 'literal':
            return compiled.value;
        case 'reference':
            return resolveReference(compiled.reference, scope, location);
        case 'template': {
            let text = '';
            for (const part of compiled.parts) {
                text +=
                    typeof part === 'string'
                        ? part
                        : stringify({ value: resolveReference(part, scope, location), part, scope, location });
            }
            return text;
        }
        case 'array':
            return compiled.items.map((item, index) => resolveValue(item, scope, [...location, index]));
        case 'object': {
            const result = {};
            for (const [key, item] of compiled.entries) {
                result[key] = resolveValue(item, scope, [...location, key]);
            }
            return result;
        }
    }
}
/**
 * Deepest value a reference may insert into text. A result comes from a tool and may nest
 * arbitrarily; `JSON.stringify` overflows the stack at ~10,000 levels, so the depth is checked
 * first (without recursion) and an excess is an error of the step, not a crash.
 */
export const MAX_INTERPOLATED_DEPTH = 1_000;
function stringify(options) {
    const { value, part, scope, location } = options;
    if (typeof value === 'string')
        return value;
    if (typeof value !== 'object' || value === null)
        return String(value);
    if (exceedsDepth(value, MAX_INTERPOLATED_DEPTH)) {
        throw new PlanReferenceError({
            message: `${part.text} is nested more than ${MAX_INTERPOLATED_DEPTH} levels deep, too deep to insert into text; pass it whole (\`${formatReference(part.root, part.path)}\`) instead.`,
            reference: part.text,
            ...(scope.stepId === undefined ? {} : { stepId: scope.stepId }),
            location,
            resolvedPrefix: formatReference(part.root, part.path),
        });
    }
    return JSON.stringify(value);
}
/** Resolves one reference against the scope. */
export function resolveReference(reference, scope, location = []) {
    let value;
    if (scope.forEach !== undefined && reference.root === FOR_EACH_ITEM) {
        value = scope.forEach.item;
    }
    else if (scope.forEach !== undefined && reference.root === FOR_EACH_INDEX) {
        value = scope.forEach.index;
    }
    else if (scope.results.has(reference.root)) {
        value = scope.results.get(reference.root);
    }
    else {
        throw new PlanReferenceError({
            message: `${reference.text} names step \`${reference.root}\`, which has no result.`,
            reference: reference.text,
            ...(scope.stepId === undefined ? {} : { stepId: scope.stepId }),
            location,
            resolvedPrefix: '',
        });
    }
    return followPath({ value, reference, scope, location });
}
function followPath(options) {
    const { reference, scope, location } = options;
    let value = options.value;
    for (let index = 0; index < reference.path.length; index += 1) {
        const written = reference.path[index];
        const zipped = isForEachIndexSegment(written);
        const fail = (miss) => new PlanReferenceError({
            message: `${reference.text}: ${formatReference(reference.root, reference.path.slice(0, index))} ${miss}.`,
            reference: reference.text,
            ...(scope.stepId === undefined ? {} : { stepId: scope.stepId }),
            location,
            resolvedPrefix: formatReference(reference.root, reference.path.slice(0, index)),
        });
        if (zipped && scope.forEach === undefined) {
            throw fail(`cannot take ${formatPathSegment(written)} outside a step with \`forEach\``);
        }
        // `[$index]` is the element's position in the step's own `forEach`.
        const segment = zipped ? scope.forEach.index : written;
        const next = step(value, segment);
        if (next === missing) {
            const miss = describeMiss(value, segment);
            throw fail(zipped ? `${miss} (${formatPathSegment(written)} is ${segment} here)` : miss);
        }
        value = next;
    }
    return value;
}
const missing = Symbol('missing');
function step(value, segment) {
    if (Array.isArray(value)) {
        const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : NaN;
        if (index >= 0 && index < value.length)
            return value[index];
        if (segment === 'length')
            return value.length;
        return missing;
    }
    if (typeof value === 'object' && value !== null) {
        const key = String(segment);
        // Own properties only: a path must never reach `constructor` or `__proto__`.
        return Object.hasOwn(value, key) ? value[key] : missing;
    }
    return missing;
}
function describeMiss(value, segment) {
    if (Array.isArray(value)) {
        return `is an array of ${value.length} item${value.length === 1 ? '' : 's'}, so it has no [${segment}]`;
    }
    if (typeof value === 'object' && value !== null) {
        const keys = Object.keys(value);
        const shown = keys.slice(0, 12).map((key) => `\`${key}\``);
        const list = keys.length === 0 ? 'no keys' : `keys ${shown.join(', ')}${keys.length > 12 ? ', …' : ''}`;
        return `has no \`${segment}\` (it has ${list})`;
    }
    return `is ${value === null ? 'null' : typeof value}, so it has no \`${segment}\``;
}
