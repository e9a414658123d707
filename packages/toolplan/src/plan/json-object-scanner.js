// Container kinds on the stack.
const OBJECT = 1;
const ARRAY = 2;
// Scanner states.
/** Before the opening `{`. */
const START = 0;
/** A value must follow (after `:`, or after `,` in an array). */
const VALUE = 1;
/** After `[`: a value or `]`. */
const VALUE_OR_END = 2;
/** After `{`: a key or `}`. */
const KEY_OR_END = 3;
/** After `,` in an object: a key. */
const KEY = 4;
const COLON = 5;
/** After a value inside a container: `,` or the container's closer. */
const AFTER_VALUE = 6;
const STRING = 7;
/** After a backslash in a string. */
const ESCAPE = 8;
/** In the four hex digits of `\u`. */
const UNICODE = 9;
// Numbers, following the grammar -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
const MINUS = 10;
const ZERO = 11;
const INTEGER = 12;
const POINT = 13;
const FRACTION = 14;
const EXPONENT = 15;
const EXPONENT_SIGN = 16;
const EXPONENT_DIGITS = 17;
/** In `true`, `false` or `null`. */
const LITERAL = 18;
/** The object has closed. */
const DONE = 19;
const INVALID = 20;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON_CHAR = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
/**
 * An incremental checker of one JSON object, fed the text in chunks of any size. It accepts
 * exactly what `JSON.parse` accepts (RFC 8259: whitespace is space, tab, CR and LF only; no
 * comments, trailing commas, leading zeros, single quotes or unescaped control characters in
 * strings; lone surrogates are allowed, as `JSON.parse` allows them) and builds no values: it
 * only reports where each element of the top-level `"steps"` array starts and ends, with that
 * element's text, which the caller hands to `JSON.parse` — so values are `JSON.parse`'s own.
 *
 * Each character is looked at once and the state is a handful of fields plus a stack of
 * container kinds, so the cost is linear in the text however it is chunked. Only the first
 * `"steps"` key of the top-level object counts (keys are compared after unescaping, so
 * `"st\u0065ps"` is `steps`); a second one sets `duplicateSteps`, since `JSON.parse` keeps the
 * last. Elements of `"steps"` nested deeper (inside arguments, or `parallel_groups`) are not
 * reported.
 */
export class JsonObjectScanner {
    onStep;
    /** Offset (in the whole text) of the character that made the text invalid; -1 while valid. */
    errorAt = -1;
    /** Offset of the closing `}`; -1 while the object is open. */
    endAt = -1;
    /** Whether the top-level object has a second `"steps"` key. */
    duplicateSteps = false;
    state = START;
    stack = [];
    isKey = false;
    hexLeft = 0;
    literal = '';
    literalAt = 0;
    /** A key of the top-level object being read (only those are compared with `steps`). */
    keyCapturing = false;
    keyText = '';
    keyFrom = 0;
    /** The last top-level key read was `steps`; its value decides. */
    keyIsSteps = false;
    stepsSeen = false;
    /** The `"steps"` array is open (it is then the only container at depth 2). */
    stepsOpen = false;
    stepCapturing = false;
    stepText = '';
    stepFrom = 0;
    stepStart = 0;
    stepIndex = 0;
    constructor(onStep) {
        this.onStep = onStep;
    }
    get status() {
        if (this.state === DONE)
            return 'closed';
        if (this.state === INVALID)
            return 'invalid';
        return 'open';
    }
    /**
     * Scans `chunk[from, to)`, where `chunk` starts at offset `base` of the whole text; the first
     * character ever scanned must be the object's `{`. Returns the index in `chunk` where it
     * stopped: `to` while the object is open, the index just after its `}` once it closed, the
     * index of the offending character once it is invalid.
     */
    scan(chunk, from, to, base) {
        let state = this.state;
        if (state === DONE || state === INVALID)
            return from;
        if (this.stepCapturing)
            this.stepFrom = from;
        if (this.keyCapturing)
            this.keyFrom = from;
        let index = from;
        while (index < to) {
            const code = chunk.charCodeAt(index);
            switch (state) {
                case STRING:
                    if (code === QUOTE) {
                        state = this.isKey ? this.endKey(chunk, index) : this.endValue(chunk, index + 1, base);
                    }
                    else if (code === BACKSLASH) {
                        state = ESCAPE;
                    }
                    else if (code < 0x20) {
                        return this.fail(index, base);
                    }
                    else {
                        // The common case: run through the ordinary characters of the string.
                        let next = index + 1;
                        while (next < to) {
                            const following = chunk.charCodeAt(next);
                            if (following === QUOTE || following === BACKSLASH || following < 0x20)
                                break;
                            next += 1;
                        }
                        index = next;
                        continue;
                    }
                    index += 1;
                    continue;
                case AFTER_VALUE:
                    if (isJsonWhitespace(code))
                        break;
                    if (code === COMMA) {
                        state = this.stack[this.stack.length - 1] === OBJECT ? KEY : VALUE;
                    }
                    else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
                        if (this.stack[this.stack.length - 1] !== (code === CLOSE_BRACE ? OBJECT : ARRAY)) {
                            return this.fail(index, base);
                        }
                        state = this.close(chunk, index, base);
                        if (state === DONE)
                            return this.finish(index, base);
                    }
                    else {
                        return this.fail(index, base);
                    }
                    break;
                case VALUE_OR_END:
                case VALUE:
                    if (isJsonWhitespace(code))
                        break;
                    if (code === CLOSE_BRACKET && state === VALUE_OR_END) {
                        state = this.close(chunk, index, base);
                        break;
                    }
                    state = this.startValue(code, index, base);
                    if (state === INVALID)
                        return this.fail(index, base);
                    break;
                case KEY_OR_END:
                case KEY:
                    if (isJsonWhitespace(code))
                        break;
                    if (code === CLOSE_BRACE && state === KEY_OR_END) {
                        state = this.close(chunk, index, base);
                        if (state === DONE)
                            return this.finish(index, base);
                        break;
                    }
                    if (code !== QUOTE)
                        return this.fail(index, base);
                    this.isKey = true;
                    if (this.stack.length === 1) {
                        this.keyCapturing = true;
                        this.keyText = '';
                        this.keyFrom = index + 1;
                    }
                    state = STRING;
                    break;
                case COLON:
                    if (isJsonWhitespace(code))
                        break;
                    if (code !== COLON_CHAR)
                        return this.fail(index, base);
                    state = VALUE;
                    break;
                case ESCAPE:
                    if (code === 0x75) {
                        this.hexLeft = 4;
                        state = UNICODE;
                    }
                    else if (isSimpleEscape(code)) {
                        state = STRING;
                    }
                    else {
                        return this.fail(index, base);
                    }
                    break;
                case UNICODE:
                    if (!isHexDigit(code))
                        return this.fail(index, base);
                    if (--this.hexLeft === 0)
                        state = STRING;
                    break;
                case MINUS:
                    if (code === 0x30)
                        state = ZERO;
                    else if (isDigit(code))
                        state = INTEGER;
                    else
                        return this.fail(index, base);
                    break;
                case POINT:
                    if (!isDigit(code))
                        return this.fail(index, base);
                    state = FRACTION;
                    break;
                case EXPONENT:
                    if (code === 0x2b || code === 0x2d)
                        state = EXPONENT_SIGN;
                    else if (isDigit(code))
                        state = EXPONENT_DIGITS;
                    else
                        return this.fail(index, base);
                    break;
                case EXPONENT_SIGN:
                    if (!isDigit(code))
                        return this.fail(index, base);
                    state = EXPONENT_DIGITS;
                    break;
                case ZERO:
                case INTEGER:
                case FRACTION:
                case EXPONENT_DIGITS:
                    if (isDigit(code)) {
                        if (state === ZERO)
                            return this.fail(index, base); // a leading zero
                        break;
                    }
                    if (code === 0x2e && (state === ZERO || state === INTEGER)) {
                        state = POINT;
                        break;
                    }
                    if ((code === 0x65 || code === 0x45) && state !== EXPONENT_DIGITS) {
                        state = EXPONENT;
                        break;
                    }
                    // The number ended just before this character, which AFTER_VALUE now reads.
                    state = this.endValue(chunk, index, base);
                    continue;
                case LITERAL:
                    if (code !== this.literal.charCodeAt(this.literalAt))
                        return this.fail(index, base);
                    this.literalAt += 1;
                    if (this.literalAt === this.literal.length)
                        state = this.endValue(chunk, index + 1, base);
                    break;
                case START:
                    if (code !== OPEN_BRACE)
                        return this.fail(index, base);
                    this.stack.push(OBJECT);
                    state = KEY_OR_END;
                    break;
            }
            index += 1;
        }
        this.state = state;
        if (this.stepCapturing)
            this.stepText += chunk.slice(this.stepFrom, to);
        if (this.keyCapturing)
            this.keyText += chunk.slice(this.keyFrom, to);
        return to;
    }
    /** A value starts with `code`; returns the next state (INVALID when no value starts so). */
    startValue(code, index, base) {
        const depth = this.stack.length;
        if (depth === 2 && this.stepsOpen) {
            this.stepCapturing = true;
            this.stepText = '';
            this.stepFrom = index;
            this.stepStart = base + index;
        }
        else if (depth === 1 && this.keyIsSteps) {
            this.keyIsSteps = false;
            if (this.stepsSeen) {
                this.duplicateSteps = true;
            }
            else {
                this.stepsSeen = true;
                this.stepsOpen = code === OPEN_BRACKET;
            }
        }
        switch (code) {
            case OPEN_BRACE:
                this.stack.push(OBJECT);
                return KEY_OR_END;
            case OPEN_BRACKET:
                this.stack.push(ARRAY);
                return VALUE_OR_END;
            case QUOTE:
                this.isKey = false;
                return STRING;
            case 0x2d:
                return MINUS;
            case 0x30:
                return ZERO;
            case 0x74:
                return this.startLiteral('true');
            case 0x66:
                return this.startLiteral('false');
            case 0x6e:
                return this.startLiteral('null');
            default:
                return isDigit(code) ? INTEGER : INVALID;
        }
    }
    startLiteral(literal) {
        this.literal = literal;
        this.literalAt = 1;
        return LITERAL;
    }
    /** A key's closing quote at `index`. */
    endKey(chunk, index) {
        if (this.keyCapturing) {
            this.keyCapturing = false;
            const raw = this.keyText + chunk.slice(this.keyFrom, index);
            this.keyText = '';
            this.keyIsSteps = raw === 'steps' || (raw.includes('\\') && unescape(raw) === 'steps');
        }
        return COLON;
    }
    /** The container closes with the character at `index`. */
    close(chunk, index, base) {
        this.stack.pop();
        if (this.stack.length === 0)
            return DONE;
        // While "steps" is open it is the only container at depth 2, so this closes it.
        if (this.stack.length === 1)
            this.stepsOpen = false;
        return this.endValue(chunk, index + 1, base);
    }
    /** A value inside a container ended just before `end` (an index in `chunk`). */
    endValue(chunk, end, base) {
        if (this.stepCapturing && this.stack.length === 2) {
            this.stepCapturing = false;
            const text = this.stepText + chunk.slice(this.stepFrom, end);
            this.stepText = '';
            this.onStep(text, this.stepIndex++, this.stepStart, base + end - 1);
        }
        return AFTER_VALUE;
    }
    finish(index, base) {
        this.state = DONE;
        this.endAt = base + index;
        return index + 1;
    }
    fail(index, base) {
        this.state = INVALID;
        this.errorAt = base + index;
        this.stepCapturing = false;
        this.stepText = '';
        this.keyCapturing = false;
        this.keyText = '';
        return index;
    }
}
function isJsonWhitespace(code) {
    return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}
function isDigit(code) {
    return code >= 0x30 && code <= 0x39;
}
function isHexDigit(code) {
    return ((code >= 0x30 && code <= 0x39) ||
        (code >= 0x41 && code <= 0x46) ||
        (code >= 0x61 && code <= 0x66));
}
/** `"`, `\`, `/`, `b`, `f`, `n`, `r`, `t`. */
function isSimpleEscape(code) {
    return (code === QUOTE ||
        code === BACKSLASH ||
        code === 0x2f ||
        code === 0x62 ||
        code === 0x66 ||
        code === 0x6e ||
        code === 0x72 ||
        code === 0x74);
}
/** The value of a key's raw text, which the scanner has already checked is a valid string body. */
function unescape(raw) {
    try {
        return JSON.parse(`"${raw}"`);
    }
    catch {
        return undefined;
    }
}
