/** The one {@link ForEachIndexSegment}; compare with {@link isForEachIndexSegment}, not `===`. */
export const FOR_EACH_INDEX_SEGMENT = Object.freeze({ forEachIndex: true });
/** True for `[$index]` (also for a copy of it, e.g. after `structuredClone`). */
export function isForEachIndexSegment(segment) {
    return typeof segment === 'object';
}
/** Names bound inside a `forEach` step; no step may use them as its id. */
export const FOR_EACH_ITEM = 'item';
export const FOR_EACH_INDEX = 'index';
const STEP_ID = '[A-Za-z_][A-Za-z0-9_]*';
const PATH = String.raw `(?:\.[A-Za-z0-9_-]+|\[\d+\]|\[\$index\])*`;
const WHOLE_REFERENCE = new RegExp(String.raw `^\$(${STEP_ID})(${PATH})$`);
const INNER_REFERENCE = new RegExp(String.raw `^(${STEP_ID})(${PATH})$`);
const PATH_SEGMENT = /\.([A-Za-z0-9_-]+)|\[(\d+)\]|\[\$index\]/g;
export const STEP_ID_PATTERN = new RegExp(`^${STEP_ID}$`);
function parsePath(text) {
    const segments = [];
    for (const match of text.matchAll(PATH_SEGMENT)) {
        if (match[1] !== undefined)
            segments.push(match[1]);
        else if (match[2] !== undefined)
            segments.push(Number(match[2]));
        else
            segments.push(FOR_EACH_INDEX_SEGMENT);
    }
    return segments;
}
/** Parses `$id.path` when the whole string is one reference; otherwise `undefined`. */
export function parseWholeReference(text) {
    const match = WHOLE_REFERENCE.exec(text);
    if (match === null)
        return undefined;
    return { root: match[1], path: parsePath(match[2]), text };
}
/** Formats a reference root and path back into `$root.path` form. */
export function formatReference(root, path) {
    let text = `$${root}`;
    for (const segment of path)
        text += formatPathSegment(segment);
    return text;
}
/** One segment as it is written in a reference: `.key`, `[3]` or `[$index]`. */
export function formatPathSegment(segment) {
    if (isForEachIndexSegment(segment))
        return `[$${FOR_EACH_INDEX}]`;
    return typeof segment === 'number' ? `[${segment}]` : `.${segment}`;
}
/** Locates every reference in a JSON value (a step's `args`, its `forEach`, or an answer). */
export function compileValue(value, location = []) {
    const references = [];
    const problems = [];
    const compiled = compileInner(value, [...location], references, problems);
    return { value: compiled, references, problems };
}
function compileInner(value, location, references, problems) {
    if (typeof value === 'string')
        return compileString(value, location, references, problems);
    if (Array.isArray(value)) {
        let dynamic = false;
        const items = value.map((item, index) => {
            const compiled = compileInner(item, [...location, index], references, problems);
            if (compiled.kind !== 'literal' || compiled.value !== item)
                dynamic = true;
            return compiled;
        });
        return dynamic ? { kind: 'array', items } : { kind: 'literal', value };
    }
    if (typeof value === 'object' && value !== null) {
        let dynamic = false;
        const entries = Object.entries(value).map(([key, item]) => {
            const compiled = compileInner(item, [...location, key], references, problems);
            if (compiled.kind !== 'literal' || compiled.value !== item)
                dynamic = true;
            return [key, compiled];
        });
        return dynamic ? { kind: 'object', entries } : { kind: 'literal', value };
    }
    return { kind: 'literal', value };
}
function compileString(text, location, references, problems) {
    if (!text.includes('$'))
        return { kind: 'literal', value: text };
    const whole = parseWholeReference(text);
    if (whole !== undefined) {
        references.push({ reference: whole, location: [...location], interpolated: false });
        return { kind: 'reference', reference: whole };
    }
    const parts = [];
    let literal = '';
    let index = 0;
    while (index < text.length) {
        const char = text[index];
        const next = text[index + 1];
        if (char === '$' && next === '$') {
            literal += '$';
            index += 2;
        }
        else if (char === '$' && next === '{') {
            const close = text.indexOf('}', index + 2);
            if (close === -1) {
                problems.push({
                    location: [...location],
                    message: `Unclosed \`\${\` in ${JSON.stringify(text)}; write \`\${step.field}\` to insert a value, or \`$$\` for a literal dollar sign.`,
                });
                literal += text.slice(index);
                break;
            }
            const inner = text.slice(index + 2, close);
            const match = INNER_REFERENCE.exec(inner);
            if (match === null) {
                problems.push({
                    location: [...location],
                    message: `\`\${${inner}}\` is not a reference; write \`\${step.field}\` (a step id, then \`.key\` or \`[n]\` parts), or \`$$\` for a literal dollar sign.`,
                });
                literal += text.slice(index, close + 1);
            }
            else {
                if (literal !== '')
                    parts.push(literal);
                literal = '';
                const reference = {
                    root: match[1],
                    path: parsePath(match[2]),
                    text: `\${${inner}}`,
                };
                parts.push(reference);
                references.push({ reference, location: [...location], interpolated: true });
            }
            index = close + 1;
        }
        else {
            literal += char;
            index += 1;
        }
    }
    if (literal !== '')
        parts.push(literal);
    if (parts.every((part) => typeof part === 'string')) {
        return { kind: 'literal', value: parts.join('') };
    }
    return { kind: 'template', parts };
}
