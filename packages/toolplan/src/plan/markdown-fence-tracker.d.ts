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
export declare class MarkdownFenceTracker {
    /** Offset of the text's first `{`; -1 until it arrives. */
    firstBrace: number;
    /** Whether that `{` stands inside a fence whose body does not start with `{`. */
    firstBraceInOtherFence: boolean;
    /** Offset of the `{` that starts the body of the first fence whose body starts with `{`; -1 until then. */
    braceFence: number;
    /** Offset of the first backtick of that fence's closing run; -1 until then. */
    braceFenceClose: number;
    private state;
    private ticks;
    private body;
    /** Feeds the next chunk, which starts at offset `base` of the whole text. */
    feed(chunk: string, base: number): void;
    private take;
    /** The rest of an opener, `[A-Za-z]*[ \t]*\r?\n`, given how far it has come. */
    private afterOpeningTicks;
}
