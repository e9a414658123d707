import { isTrimWhitespace } from './is-trim-whitespace.js';
const BACKTICK = 0x60;
const OPEN_BRACE = 0x7b;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
// Where the tracker stands in parsePlanText's fence pattern /```[A-Za-z]*[ \t]*\r?\n([\s\S]*?)```/g.
/** Outside a fence, no backtick pending. */
const IDLE = 0;
/** Outside a fence, after `ticks` backticks in a row. */
const TICKS = 1;
/** After an opening run of three or more backticks: the language letters. */
const LANGUAGE = 2;
/** The spaces and tabs after the language. */
const SPACES = 3;
/** A carriage return; only a line feed may follow. */
const RETURN = 4;
/** Inside a fence's body, up to the next three backticks. */
const BODY = 5;
/** What the current fence's body starts with, after the blanks `trim` removes. */
const UNKNOWN = 0;
const BRACE = 1;
const OTHER = 2;
/**
 * Follows, as the model's text streams in, the two things `parsePlanText` looks for in the whole
 * text: the first `{`, and its fence pattern (/```[A-Za-z]*[ \t]*\r?\n([\s\S]*?)```/g, a lazy
 * body ending at the next three backticks). Fed every chunk in order, it keeps offsets into the
 * whole text:
 *
 * - `firstBrace`: the first `{` (what `parsePlanText` falls back to), and whether it stands inside
 *   a fence whose body starts with something else (an example in a ```bash block, say).
 * - `braceFence` / `braceFenceClose`: the `{` that starts the body of the first fence whose trimmed
 *   body starts with `{` — the fence `parsePlanText` reads the plan from — and the first backtick
 *   of that fence's closing run. A fence whose closer never comes does not match the pattern; the
 *   tracker cannot know that until the text ends, so it reports the opening anyway.
 *
 * Once that fence has closed nothing later can change what `parsePlanText` reads, and the tracker
 * stops looking. Linear: outside the states where each character matters it jumps to the next
 * backtick (or `{`, until the first one is found) with `indexOf`.
 */
export class MarkdownFenceTracker {
    /** Offset of the text's first `{`; -1 until it arrives. */
    firstBrace = -1;
    /** Whether that `{` stands inside a fence whose body does not start with `{`. */
    firstBraceInOtherFence = false;
    /** Offset of the `{` that starts the body of the first fence whose body starts with `{`; -1 until then. */
    braceFence = -1;
    /** Offset of the first backtick of that fence's closing run; -1 until then. */
    braceFenceClose = -1;
    state = IDLE;
    ticks = 0;
    body = UNKNOWN;
    /** Feeds the next chunk, which starts at offset `base` of the whole text. */
    feed(chunk, base) {
        let index = 0;
        while (index < chunk.length) {
            if (this.braceFenceClose !== -1)
                return;
            if (this.state === IDLE ||
                (this.state === BODY && this.body !== UNKNOWN && this.ticks === 0)) {
                let next = chunk.indexOf('`', index);
                if (this.firstBrace === -1) {
                    const brace = chunk.indexOf('{', index);
                    if (brace !== -1 && (next === -1 || brace < next))
                        next = brace;
                }
                if (next === -1)
                    return;
                index = next;
            }
            this.take(chunk.charCodeAt(index), base + index);
            index += 1;
        }
    }
    take(code, offset) {
        if (code === OPEN_BRACE && this.firstBrace === -1) {
            this.firstBrace = offset;
            this.firstBraceInOtherFence = this.state === BODY && this.body === OTHER;
        }
        switch (this.state) {
            case BODY:
                if (this.body === UNKNOWN && !isTrimWhitespace(code)) {
                    this.body = code === OPEN_BRACE ? BRACE : OTHER;
                    if (this.body === BRACE && this.braceFence === -1)
                        this.braceFence = offset;
                }
                if (code !== BACKTICK) {
                    this.ticks = 0;
                }
                else if (++this.ticks === 3) {
                    if (this.body === BRACE)
                        this.braceFenceClose = offset - 2;
                    this.state = IDLE;
                    this.ticks = 0;
                }
                return;
            case TICKS:
                if (code === BACKTICK) {
                    this.ticks += 1;
                    return;
                }
                if (this.ticks < 3) {
                    this.state = IDLE;
                    return;
                }
                this.afterOpeningTicks(code, LANGUAGE);
                return;
            case LANGUAGE:
                this.afterOpeningTicks(code, LANGUAGE);
                return;
            case SPACES:
                this.afterOpeningTicks(code, SPACES);
                return;
            case RETURN:
                this.afterOpeningTicks(code, RETURN);
                return;
            default:
                if (code === BACKTICK) {
                    this.state = TICKS;
                    this.ticks = 1;
                }
        }
    }
    /** The rest of an opener, `[A-Za-z]*[ \t]*\r?\n`, given how far it has come. */
    afterOpeningTicks(code, reached) {
        if (code === LINE_FEED) {
            this.state = BODY;
            this.body = UNKNOWN;
            this.ticks = 0;
        }
        else if (code === CARRIAGE_RETURN && reached !== RETURN) {
            this.state = RETURN;
        }
        else if ((code === 0x20 || code === 0x09) && reached !== RETURN) {
            this.state = SPACES;
        }
        else if (isAsciiLetter(code) && reached === LANGUAGE) {
            this.state = LANGUAGE;
        }
        else if (code === BACKTICK) {
            // The opener failed here, but this backtick may start the next one.
            this.state = TICKS;
            this.ticks = 1;
        }
        else {
            this.state = IDLE;
        }
    }
}
function isAsciiLetter(code) {
    return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}
