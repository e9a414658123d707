export interface PlanStreamParserOptions {
    /**
     * Called once per element of the top-level "steps" array, the moment that element's JSON value
     * closes, with the parsed value (not yet validated) and its index. A call string that parses
     * is handed over as its canonical step object; one that does not, as the string itself, which
     * validation then rejects as it rejects a malformed object.
     */
    onStep?: (step: unknown, index: number) => void;
}
export interface PlanStreamParser {
    /** Feeds the next piece of the model's text (any size, may split tokens, escapes, multi-byte chars anywhere). */
    write(chunk: string): void;
    /** The stream ended: returns the whole plan value, exactly what parsePlanText(fullText) returns for the same full text (or throws the same kind of PlanParseError). */
    end(): unknown;
    /** How many steps have been emitted so far. */
    readonly stepsEmitted: number;
    /**
     * Known once `end()` has run: `true` when every emitted step is the step at the same index of
     * the plan `end()` returned (for a call string: was read from it; always so when nothing was
     * emitted), `false` when `end()` threw
     * after steps were emitted or returned a plan whose steps differ from them — then whatever was
     * started from the emitted steps must be cancelled and its results not used. That happens only
     * when the text turns out invalid after a step closed (a cut stream, say), or in odd replies: a
     * fenced `{`-block after an unfenced plan (parsePlanText prefers it), three backticks inside a
     * string of a fenced plan (they end the fence), a second `"steps"` key (JSON.parse keeps the
     * last). `undefined` before `end()`.
     */
    readonly emittedStepsConfirmed: boolean | undefined;
}
/**
 * The incremental plan parser (issue 5): feed it the model's reply as it streams, and each
 * element of the plan's `"steps"` array is handed to `onStep` as soon as its JSON value closes —
 * while the model is still writing the rest.
 *
 * Which object is the plan is decided as `parsePlanText` decides it on the whole text (see
 * {@link MarkdownFenceTracker}): the body of the first ```-fence whose body starts with `{`, else
 * the first `{`. Streaming starts at the first `{`, unless it stands inside a fence whose body
 * starts with something else (likely an example; nothing is emitted early from it), and moves to
 * the first `{`-fence found later only if nothing has been emitted yet. Steps are emitted only from
 * the top-level `"steps"` array, never from the `parallel_groups` form (normalised later) or from
 * `"steps"` keys nested in arguments. Once the object is found invalid, or a fence closes inside
 * it, nothing more is emitted. `end()` always returns `parsePlanText(fullText)` itself, so its
 * value and errors are exactly the non-streaming parser's; {@link PlanStreamParser.emittedStepsConfirmed}
 * then says whether the steps emitted early are that plan's.
 *
 * Linear in the text's length however it is chunked: every character is scanned once (see
 * {@link JsonObjectScanner}), each step's text is parsed once with `JSON.parse` when it closes
 * (and a step written as a call string once more, with `parseStepCall`), and the whole text once
 * more in `end()`.
 *
 * Why not a library: `@streamparser/json` 0.0.26 and `jsonriver` 1.1.1 were measured on a 1.6 MB
 * plan in chunks of 1–8 characters (Node 20.20, AMD EPYC, 2 cores): 3.6–7.9 MB/s and 5.4–5.7 MB/s,
 * below the issue's 20 MB/s target, against 260 MB/s for `JSON.parse` of the whole text. The first
 * runs `TextEncoder.encode` on every string chunk (fed pre-encoded bytes it reaches 16–37 MB/s);
 * the second takes only an async iterable, so it could not emit synchronously inside `write()`
 * either. This scanner builds no values (`JSON.parse` does, per step); with the same delivery in
 * `npm run bench:parser` (plans of 1 KB to 1 MB, UTF-8 pieces of 1–8 bytes) it runs at 26–40 MB/s,
 * `end()` included.
 */
export declare function createPlanStreamParser(options?: PlanStreamParserOptions): PlanStreamParser;
