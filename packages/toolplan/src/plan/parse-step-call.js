import { lineAndColumnAt } from './line-and-column-at.js';
import { defaultPlanLimits } from './plan-limits.js';
import { shorten, StepCallLexer, StepCallSyntaxError } from './step-call-lexer.js';
/** How a step is written, repeated in every message so that a model can correct itself. */
const FORM = 'Write a step as id=tool(name=value,…), then optionally " for $list" or " for [..]" and " after id,…".';
/**
 * Reads a step written as a call string into the plan's canonical step:
 *
 *     w=get_weather(city=$item,date='2024-01-20') for ['Boston','New York'] after login
 *
 * is `{"id":"w","tool":"get_weather","args":{"city":"$item","date":"2024-01-20"},
 * "forEach":["Boston","New York"],"after":["login"]}`. A value is JSON (numbers, `true`, `false`,
 * `null`, `"strings"`, arrays, objects whose keys may also be bare identifiers), or a `'string'` in
 * single quotes, or a bare reference (`$w`, `$u.id`, `$p[$index]`). A quoted string and a bare
 * reference both mean exactly the canonical string with that text, so references, `${…}`
 * interpolation and `$$` mean what they mean in the canonical form. `for` takes a reference or a
 * literal array (`forEach`), `after` step ids; either may come first.
 *
 * Reads the text once, forward (linear time), and recurses once per level of nesting, at most
 * `maxDepth`. Stops at the first syntax error, reported as one issue at `path`, with the column
 * and what was expected.
 */
export function parseStepCall(text, options = {}) {
    const path = options.path ?? [];
    const maxDepth = options.maxDepth ?? defaultPlanLimits.maxStepCallDepth;
    const lexer = new StepCallLexer(text);
    let id;
    try {
        const written = lexer.identifier();
        if (written === undefined) {
            lexer.fail(`expected the step's id (letters, digits, _; not starting with a digit), got ${lexer.describeNext()}`);
        }
        lexer.expect('=', `after the step id \`${shorten(written)}\``);
        // Only now is it the step's id (for the issue, and so that references to it are not reported too).
        id = written;
        const tool = lexer.toolName();
        if (tool === undefined)
            lexer.fail(`expected a tool name after \`=\`, got ${lexer.describeNext()}`);
        lexer.expect('(', `after the tool name \`${shorten(tool)}\``);
        const args = readArguments(lexer, maxDepth);
        const step = { id: written, tool, args };
        let forEach;
        let after;
        for (;;) {
            lexer.skipSpace();
            if (lexer.atEnd())
                break;
            const at = lexer.position;
            const word = lexer.identifier();
            if (word === 'for' && forEach === undefined) {
                forEach = readSource(lexer, maxDepth);
            }
            else if (word === 'after' && after === undefined) {
                after = readAfter(lexer);
            }
            else if (word === 'for' || word === 'after') {
                lexer.fail(`\`${word}\` is written twice`, at);
            }
            else {
                lexer.position = at;
                lexer.fail(`expected " for …", " after …" or the end of the step, got ${lexer.describeNext()}`);
            }
        }
        if (after !== undefined)
            step.after = after;
        if (forEach !== undefined)
            step.forEach = forEach;
        return { ok: true, step };
    }
    catch (error) {
        if (!(error instanceof StepCallSyntaxError))
            throw error;
        const { line, column } = lineAndColumnAt(text, error.offset);
        const where = line === 1 ? `column ${column}` : `line ${line}, column ${column}`;
        return {
            ok: false,
            issue: {
                code: 'invalid_step_call',
                path,
                message: `At ${where} of the step: ${error.message}. ${FORM}`,
                ...(id === undefined ? {} : { stepId: id }),
            },
        };
    }
}
/** `name=value,…)` after the `(`. */
function readArguments(lexer, maxDepth) {
    const entries = [];
    const names = new Set();
    if (lexer.accept(')'))
        return {};
    for (;;) {
        lexer.skipSpace();
        const at = lexer.position;
        const name = readKey(lexer, 'an argument name');
        if (names.has(name))
            lexer.fail(`the argument \`${shorten(name)}\` is given twice`, at);
        names.add(name);
        lexer.expect('=', `after the argument name \`${shorten(name)}\``);
        entries.push([name, readValue(lexer, 0, maxDepth)]);
        if (lexer.accept(')'))
            break;
        lexer.expect(',', `or \`)\` after the value of \`${shorten(name)}\``);
    }
    // fromEntries defines own properties, so a key `__proto__` is data, as in JSON.parse.
    return Object.fromEntries(entries);
}
/** An argument name or an object key: a bare identifier, or quoted. */
function readKey(lexer, what) {
    const next = lexer.peek();
    if (next === "'" || next === '"')
        return lexer.quoted();
    const name = lexer.identifier();
    if (name === undefined) {
        lexer.fail(`expected ${what} (a bare name, or in quotes), got ${lexer.describeNext()}`);
    }
    return name;
}
function readValue(lexer, depth, maxDepth) {
    const next = lexer.peek();
    if (next === "'" || next === '"')
        return lexer.quoted();
    if (next === '$')
        return lexer.reference();
    if (next === '[' || next === '{') {
        if (depth >= maxDepth)
            lexer.fail(`values nest deeper than ${maxDepth} levels`);
        lexer.position += 1;
        return next === '['
            ? readArray(lexer, depth + 1, maxDepth)
            : readObject(lexer, depth + 1, maxDepth);
    }
    const number = lexer.number();
    if (number !== undefined)
        return number;
    const at = lexer.position;
    const word = lexer.identifier();
    if (word === 'true')
        return true;
    if (word === 'false')
        return false;
    if (word === 'null')
        return null;
    lexer.position = at;
    const hint = word === undefined ? '' : `; text goes in quotes: '${shorten(word)}'`;
    return lexer.fail(`expected a value ('text', a number, true, false, null, a $reference, [..] or {..}), got ${lexer.describeNext()}${hint}`);
}
function readArray(lexer, depth, maxDepth) {
    const items = [];
    if (lexer.accept(']'))
        return items;
    for (;;) {
        items.push(readValue(lexer, depth, maxDepth));
        if (lexer.accept(']'))
            return items;
        lexer.expect(',', 'or `]` after an item of the list');
    }
}
function readObject(lexer, depth, maxDepth) {
    const entries = [];
    const keys = new Set();
    if (lexer.accept('}'))
        return {};
    for (;;) {
        lexer.skipSpace();
        const at = lexer.position;
        const key = readKey(lexer, 'a key');
        if (keys.has(key))
            lexer.fail(`the key \`${shorten(key)}\` is given twice`, at);
        keys.add(key);
        lexer.expect(':', `after the key \`${shorten(key)}\``);
        entries.push([key, readValue(lexer, depth, maxDepth)]);
        if (lexer.accept('}'))
            return Object.fromEntries(entries);
        lexer.expect(',', `or \`}\` after the value of \`${shorten(key)}\``);
    }
}
/** What `for` runs over: a reference (bare or quoted) or a literal array. */
function readSource(lexer, maxDepth) {
    if (lexer.peek() === '')
        lexer.fail('expected a $reference or a [list] after `for`');
    const at = lexer.position;
    const source = readValue(lexer, 0, maxDepth);
    if (typeof source === 'string' || Array.isArray(source))
        return source;
    return lexer.fail('after `for`, expected a $reference to a list or a literal [list]', at);
}
/** `id,id,…` after `after`. */
function readAfter(lexer) {
    const ids = [];
    do {
        const id = lexer.identifier();
        if (id === undefined) {
            lexer.fail(`expected a step id after \`after\`, got ${lexer.describeNext()}`);
        }
        ids.push(id);
    } while (lexer.accept(','));
    return ids;
}
