/**
 * Thrown inside the call-string parser to abandon a step at its first syntax error; never leaves
 * `parseStepCall`, which turns it into a `PlanIssue`.
 */
export class StepCallSyntaxError extends Error {
    offset;
    constructor(message, 
    /** Offset in the step's text where the problem is. */
    offset) {
        super(message);
        this.offset = offset;
        this.name = 'StepCallSyntaxError';
    }
}
const SNIPPET_LENGTH = 16;
/**
 * The tokens of a step written as a call string (`w=get_weather(city=$item) for ['Oslo']`), read
 * on demand: which token comes next depends on where the parser is (a tool name may hold dots, a
 * key may not), so the parser asks for the one it expects. Every method reads forward from the
 * cursor and never goes back, so a step costs time linear in its length.
 */
export class StepCallLexer {
    text;
    /** Offset of the next character to read. */
    position = 0;
    constructor(text) {
        this.text = text;
    }
    /** Skips whitespace (the JSON kinds, and any other Unicode space a model may write). */
    skipSpace() {
        const { text } = this;
        while (this.position < text.length && isSpace(text.charCodeAt(this.position))) {
            this.position += 1;
        }
    }
    atEnd() {
        return this.position >= this.text.length;
    }
    /** The next character (after whitespace), or `''` at the end; not consumed. */
    peek() {
        this.skipSpace();
        return this.text.charAt(this.position);
    }
    /** Consumes `char` if it is next (after whitespace). */
    accept(char) {
        if (this.peek() !== char)
            return false;
        this.position += 1;
        return true;
    }
    /** Consumes `char`, or fails saying what it is for. */
    expect(char, purpose) {
        if (!this.accept(char))
            this.fail(`expected \`${char}\` ${purpose}, got ${this.describeNext()}`);
    }
    /** An identifier, `[A-Za-z_][A-Za-z0-9_]*`, or `undefined` when none starts here. */
    identifier() {
        this.skipSpace();
        const { text } = this;
        const start = this.position;
        if (start >= text.length || !isIdentifierStart(text.charCodeAt(start)))
            return undefined;
        let end = start + 1;
        while (end < text.length && isIdentifierPart(text.charCodeAt(end)))
            end += 1;
        this.position = end;
        return text.slice(start, end);
    }
    /** A tool name as tools may be named (`[A-Za-z0-9_.:-]+`), or `undefined` when none starts here. */
    toolName() {
        this.skipSpace();
        const { text } = this;
        const start = this.position;
        let end = start;
        while (end < text.length && isToolNamePart(text.charCodeAt(end)))
            end += 1;
        if (end === start)
            return undefined;
        this.position = end;
        return text.slice(start, end);
    }
    /**
     * A quoted string at the cursor (`'…'` or `"…"`), unescaped. Both quotes take JSON's escapes;
     * `\'` is a quote in either. Other characters stand for themselves, control characters too (the
     * step's text was itself a JSON string, so a newline in it was written `\n` there).
     */
    quoted() {
        this.skipSpace();
        const { text } = this;
        const open = this.position;
        const quote = text.charCodeAt(open);
        const parts = [];
        let runStart = open + 1;
        let index = runStart;
        for (;;) {
            if (index >= text.length) {
                this.fail(`the string opened here has no closing ${text.charAt(open)}`, open);
            }
            const code = text.charCodeAt(index);
            if (code === quote)
                break;
            if (code !== BACKSLASH) {
                index += 1;
                continue;
            }
            parts.push(text.slice(runStart, index));
            const escape = text.charAt(index + 1);
            const simple = SIMPLE_ESCAPES.get(escape);
            if (simple !== undefined) {
                parts.push(simple);
                index += 2;
            }
            else if (escape === 'u' && /^[0-9A-Fa-f]{4}$/.test(text.slice(index + 2, index + 6))) {
                parts.push(String.fromCharCode(Number.parseInt(text.slice(index + 2, index + 6), 16)));
                index += 6;
            }
            else {
                this.fail(`\`\\${escape}\` is not an escape; inside quotes write \\' \\" \\\\ \\n \\t or \\uXXXX`, index);
            }
            runStart = index;
        }
        parts.push(text.slice(runStart, index));
        this.position = index + 1;
        return parts.join('');
    }
    /** A JSON number at the cursor, or `undefined` when none starts here. */
    number() {
        this.skipSpace();
        NUMBER.lastIndex = this.position;
        const match = NUMBER.exec(this.text);
        if (match === null)
            return undefined;
        this.position += match[0].length;
        return Number(match[0]);
    }
    /**
     * A reference written bare at the cursor (`$w`, `$u.id`, `$s[0].url`, `$p[$index]`), as the
     * text of the canonical string it stands for; it must end where a value ends.
     */
    reference() {
        this.skipSpace();
        const start = this.position;
        REFERENCE.lastIndex = start;
        const match = REFERENCE.exec(this.text);
        if (match === null) {
            this.fail(`a bare \`$\` value must be a reference like $step or $step.field[0]; put other text in quotes ('\${step.field} text', '$$5' for "$5")`);
        }
        this.position = start + match[0].length;
        if (!this.atEnd() && !isValueEnd(this.text.charCodeAt(this.position))) {
            this.fail(`the reference ${shorten(match[0])} ends here but ${this.describeNext()} follows; put text around a reference in quotes: '\${${shorten(match[0].slice(1))}} text'`);
        }
        return match[0];
    }
    /** What is next, for a message: a short quote of the text, or "the end of the step". */
    describeNext() {
        this.skipSpace();
        if (this.atEnd())
            return 'the end of the step';
        return `\`${shorten(this.text.slice(this.position, this.position + SNIPPET_LENGTH + 1))}\``;
    }
    fail(message, offset = this.position) {
        throw new StepCallSyntaxError(message, offset);
    }
}
/** A name or a piece of text as a message quotes it: messages stay short, whatever was written. */
export function shorten(text) {
    return text.length > SNIPPET_LENGTH ? `${text.slice(0, SNIPPET_LENGTH)}…` : text;
}
const BACKSLASH = 0x5c;
const SIMPLE_ESCAPES = new Map([
    ["'", "'"],
    ['"', '"'],
    ['\\', '\\'],
    ['/', '/'],
    ['b', '\b'],
    ['f', '\f'],
    ['n', '\n'],
    ['r', '\r'],
    ['t', '\t'],
]);
// Sticky, so each match starts at the cursor and reads forward only.
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const REFERENCE = /\$[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_-]+|\[[0-9]+\]|\[\$index\])*/y;
function isSpace(code) {
    return (code === 0x20 ||
        code === 0x0a ||
        code === 0x0d ||
        code === 0x09 ||
        (code > 0x7f && /\s/.test(String.fromCharCode(code))));
}
/** Where a value may end: whitespace, or what follows a value (`,`, `)`, `]`, `}`). */
function isValueEnd(code) {
    return isSpace(code) || code === 0x2c || code === 0x29 || code === 0x5d || code === 0x7d;
}
function isIdentifierStart(code) {
    return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
}
function isIdentifierPart(code) {
    return isIdentifierStart(code) || (code >= 0x30 && code <= 0x39);
}
function isToolNamePart(code) {
    return isIdentifierPart(code) || code === 0x2e || code === 0x3a || code === 0x2d;
}
