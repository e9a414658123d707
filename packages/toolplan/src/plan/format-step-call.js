import { parseWholeReference, STEP_ID_PATTERN } from './reference.js';
const TOOL_NAME = /^[A-Za-z0-9_.:-]+$/;
const BARE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * Writes a canonical step as a call string, the form {@link parseStepCall} reads back to the same
 * step: `w=get_weather(city=$item,date='2024-01-20') for ['Boston','New York']`. References are
 * written bare, other strings in single quotes, keys bare where they are identifiers; an empty
 * `after` is left out (it orders nothing). It is the shortest form a model is taught to write, so
 * the simulated model writes it and the docs show it.
 *
 * Throws a `TypeError` for what the call form cannot hold: a step id that is not an identifier,
 * a tool name outside `[A-Za-z0-9_.:-]`, an `after` entry that is not an identifier, or a value
 * that is not JSON (`undefined`, a function, a non-finite number).
 */
export function formatStepCall(step) {
    if (!STEP_ID_PATTERN.test(step.id)) {
        throw new TypeError(`A call string cannot hold the step id ${JSON.stringify(step.id)}`);
    }
    if (!TOOL_NAME.test(step.tool)) {
        throw new TypeError(`A call string cannot hold the tool name ${JSON.stringify(step.tool)}`);
    }
    const args = Object.entries(step.args)
        .map(([name, value]) => `${formatKey(name)}=${formatValue(value)}`)
        .join(',');
    let text = `${step.id}=${step.tool}(${args})`;
    if (step.forEach !== undefined)
        text += ` for ${formatValue(step.forEach)}`;
    if (step.after !== undefined && step.after.length > 0) {
        for (const id of step.after) {
            if (!STEP_ID_PATTERN.test(id)) {
                throw new TypeError(`A call string cannot hold ${JSON.stringify(id)} in \`after\``);
            }
        }
        text += ` after ${step.after.join(',')}`;
    }
    return text;
}
function formatKey(key) {
    return BARE_KEY.test(key) ? key : quote(key);
}
function formatValue(value) {
    if (typeof value === 'string')
        return parseWholeReference(value) === undefined ? quote(value) : value;
    if (typeof value === 'number') {
        if (!Number.isFinite(value))
            throw new TypeError(`A plan cannot hold the number ${value}`);
        return JSON.stringify(value);
    }
    if (typeof value === 'boolean' || value === null)
        return String(value);
    if (Array.isArray(value))
        return `[${value.map(formatValue).join(',')}]`;
    if (typeof value === 'object') {
        const entries = Object.entries(value);
        return `{${entries.map(([key, item]) => `${formatKey(key)}:${formatValue(item)}`).join(',')}}`;
    }
    throw new TypeError(`A plan cannot hold a value of type ${typeof value}`);
}
/** Single quotes: the step is itself a JSON string, where each `"` would cost a backslash. */
function quote(text) {
    return `'${text.replace(/[\\']/g, (char) => `\\${char}`)}'`;
}
