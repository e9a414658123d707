/** Receives each element of the top-level object's `"steps"` array as soon as it is complete. */
export type StepTextListener = (text: string, index: number, start: number, end: number) => void;
export type JsonObjectScanStatus = 'open' | 'closed' | 'invalid';
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
export declare class JsonObjectScanner {
    private readonly onStep;
    /** Offset (in the whole text) of the character that made the text invalid; -1 while valid. */
    errorAt: number;
    /** Offset of the closing `}`; -1 while the object is open. */
    endAt: number;
    /** Whether the top-level object has a second `"steps"` key. */
    duplicateSteps: boolean;
    private state;
    private readonly stack;
    private isKey;
    private hexLeft;
    private literal;
    private literalAt;
    /** A key of the top-level object being read (only those are compared with `steps`). */
    private keyCapturing;
    private keyText;
    private keyFrom;
    /** The last top-level key read was `steps`; its value decides. */
    private keyIsSteps;
    private stepsSeen;
    /** The `"steps"` array is open (it is then the only container at depth 2). */
    private stepsOpen;
    private stepCapturing;
    private stepText;
    private stepFrom;
    private stepStart;
    private stepIndex;
    constructor(onStep: StepTextListener);
    get status(): JsonObjectScanStatus;
    /**
     * Scans `chunk[from, to)`, where `chunk` starts at offset `base` of the whole text; the first
     * character ever scanned must be the object's `{`. Returns the index in `chunk` where it
     * stopped: `to` while the object is open, the index just after its `}` once it closed, the
     * index of the offending character once it is invalid.
     */
    scan(chunk: string, from: number, to: number, base: number): number;
    /** A value starts with `code`; returns the next state (INVALID when no value starts so). */
    private startValue;
    private startLiteral;
    /** A key's closing quote at `index`. */
    private endKey;
    /** The container closes with the character at `index`. */
    private close;
    /** A value inside a container ended just before `end` (an index in `chunk`). */
    private endValue;
    private finish;
    private fail;
}
