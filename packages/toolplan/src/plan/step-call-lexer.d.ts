/**
 * Thrown inside the call-string parser to abandon a step at its first syntax error; never leaves
 * `parseStepCall`, which turns it into a `PlanIssue`.
 */
export declare class StepCallSyntaxError extends Error {
    /** Offset in the step's text where the problem is. */
    readonly offset: number;
    constructor(message: string, 
    /** Offset in the step's text where the problem is. */
    offset: number);
}
/**
 * The tokens of a step written as a call string (`w=get_weather(city=$item) for ['Oslo']`), read
 * on demand: which token comes next depends on where the parser is (a tool name may hold dots, a
 * key may not), so the parser asks for the one it expects. Every method reads forward from the
 * cursor and never goes back, so a step costs time linear in its length.
 */
export declare class StepCallLexer {
    readonly text: string;
    /** Offset of the next character to read. */
    position: number;
    constructor(text: string);
    /** Skips whitespace (the JSON kinds, and any other Unicode space a model may write). */
    skipSpace(): void;
    atEnd(): boolean;
    /** The next character (after whitespace), or `''` at the end; not consumed. */
    peek(): string;
    /** Consumes `char` if it is next (after whitespace). */
    accept(char: string): boolean;
    /** Consumes `char`, or fails saying what it is for. */
    expect(char: string, purpose: string): void;
    /** An identifier, `[A-Za-z_][A-Za-z0-9_]*`, or `undefined` when none starts here. */
    identifier(): string | undefined;
    /** A tool name as tools may be named (`[A-Za-z0-9_.:-]+`), or `undefined` when none starts here. */
    toolName(): string | undefined;
    /**
     * A quoted string at the cursor (`'…'` or `"…"`), unescaped. Both quotes take JSON's escapes;
     * `\'` is a quote in either. Other characters stand for themselves, control characters too (the
     * step's text was itself a JSON string, so a newline in it was written `\n` there).
     */
    quoted(): string;
    /** A JSON number at the cursor, or `undefined` when none starts here. */
    number(): number | undefined;
    /**
     * A reference written bare at the cursor (`$w`, `$u.id`, `$s[0].url`, `$p[$index]`), as the
     * text of the canonical string it stands for; it must end where a value ends.
     */
    reference(): string;
    /** What is next, for a message: a short quote of the text, or "the end of the step". */
    describeNext(): string;
    fail(message: string, offset?: number): never;
}
/** A name or a piece of text as a message quotes it: messages stay short, whatever was written. */
export declare function shorten(text: string): string;
