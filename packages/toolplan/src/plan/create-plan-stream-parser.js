import { JsonObjectScanner } from './json-object-scanner.js';
import { MarkdownFenceTracker } from './markdown-fence-tracker.js';
import { parsePlanText } from './parse-plan-text.js';
import { parseStepCall } from './parse-step-call.js';
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
export function createPlanStreamParser(options = {}) {
    return new StreamingPlanParser(options.onStep);
}
const PIECES_PER_BLOCK = 2048;
class StreamingPlanParser {
    onStep;
    stepsEmitted = 0;
    emittedStepsConfirmed = undefined;
    /** The whole text so far: flat blocks of joined chunks, then the latest chunks. */
    blocks = [];
    pieces = [];
    length = 0;
    fences = new MarkdownFenceTracker();
    current;
    /** The candidate steps were emitted from. */
    emitting;
    firstBraceTried = false;
    braceFenceTried = false;
    /** Nothing more will be emitted. */
    stopped = false;
    /** Steps parsed but not yet handed to `onStep` (they are handed over after each chunk is scanned). */
    pending = [];
    /** Offsets [start, end] of each emitted step in the whole text. */
    spans = [];
    delivering = false;
    outcome;
    constructor(onStep) {
        this.onStep = onStep;
    }
    write(chunk) {
        if (this.outcome !== undefined)
            throw new Error('PlanStreamParser.write() after end()');
        if (typeof chunk !== 'string') {
            throw new TypeError(`PlanStreamParser.write() takes a string, got ${typeof chunk}`);
        }
        if (chunk.length > 0) {
            const base = this.length;
            this.length += chunk.length;
            this.pieces.push(chunk);
            // Joining every few thousand chunks keeps few objects alive (and few for the GC to copy).
            if (this.pieces.length === PIECES_PER_BLOCK) {
                this.blocks.push(this.pieces.join(''));
                this.pieces = [];
            }
            if (!this.stopped) {
                this.advance(chunk, base);
            }
            else if (this.emitting?.fenced === true && this.fences.braceFenceClose === -1) {
                // Only to know in end() that the fence closed right after the object (no comparing then).
                this.fences.feed(chunk, base);
            }
        }
        if (this.stepsEmitted < this.spans.length / 2)
            this.deliver();
    }
    end() {
        if (this.outcome === undefined) {
            this.deliver();
            const text = this.blocks.join('') + this.pieces.join('');
            try {
                const value = parsePlanText(text);
                this.outcome = { value };
                this.emittedStepsConfirmed = this.confirm(text, value);
            }
            catch (error) {
                this.outcome = { error };
                this.emittedStepsConfirmed = this.spans.length === 0;
            }
        }
        if ('error' in this.outcome)
            throw this.outcome.error;
        return this.outcome.value;
    }
    advance(chunk, base) {
        // Once steps came from an unfenced object, no fence can change what is emitted.
        if (this.emitting === undefined || this.emitting.fenced)
            this.fences.feed(chunk, base);
        let index = 0;
        while (index < chunk.length && !this.stopped) {
            let candidate = this.current;
            if (candidate === undefined) {
                const start = this.nextCandidateStart();
                if (start === -1 || start >= base + chunk.length)
                    return;
                if (start < base + index) {
                    // A candidate inside text already scanned: cannot happen for valid JSON (a fence
                    // opener needs a backtick outside a string or a line feed inside one). Be safe.
                    this.stopped = true;
                    return;
                }
                index = start - base;
                candidate = {
                    start,
                    fenced: start === this.fences.braceFence,
                    scanner: new JsonObjectScanner((text, stepIndex, stepStart, stepEnd) => this.stepClosed(text, stepIndex, stepStart, stepEnd)),
                };
                this.current = candidate;
            }
            let limit = chunk.length;
            if (candidate.fenced && this.fences.braceFenceClose !== -1) {
                // parsePlanText's fence ends at the first ``` even inside a JSON string.
                limit = Math.max(index, Math.min(limit, this.fences.braceFenceClose - base));
            }
            index = candidate.scanner.scan(chunk, index, limit, base);
            const { scanner } = candidate;
            if (scanner.duplicateSteps) {
                this.stopped = true;
                return;
            }
            if (scanner.status === 'open') {
                // The fence closed inside the object: parsePlanText will throw on it.
                if (limit < chunk.length)
                    this.stopped = true;
                return;
            }
            // Closed or invalid. A fenced candidate is final; so is one that steps came from.
            if (candidate.fenced || this.emitting !== undefined || this.stopped) {
                this.stopped = true;
                return;
            }
            // Nothing came of the first `{`: the first `{`-fence, if one follows, is the plan.
            this.current = undefined;
        }
    }
    nextCandidateStart() {
        const { fences } = this;
        if (!this.firstBraceTried) {
            if (fences.firstBrace === -1)
                return -1;
            this.firstBraceTried = true;
            if (fences.firstBrace === fences.braceFence) {
                this.braceFenceTried = true;
                return fences.firstBrace;
            }
            if (!fences.firstBraceInOtherFence)
                return fences.firstBrace;
        }
        if (!this.braceFenceTried && fences.braceFence !== -1) {
            this.braceFenceTried = true;
            return fences.braceFence;
        }
        return -1;
    }
    stepClosed(text, index, start, end) {
        if (this.stopped || index !== this.spans.length / 2) {
            this.stopped = true;
            return;
        }
        let step;
        try {
            step = JSON.parse(text);
        }
        catch {
            // The scanner accepted what JSON.parse rejects: never expected, but emit nothing then.
            this.stopped = true;
            return;
        }
        if (typeof step === 'string') {
            const call = parseStepCall(step, { path: ['steps', index] });
            if (call.ok)
                step = call.step;
        }
        this.emitting = this.current;
        this.spans.push(start, end);
        this.pending.push(step);
    }
    deliver() {
        if (this.delivering)
            return;
        this.delivering = true;
        try {
            while (this.stepsEmitted < this.spans.length / 2) {
                const index = this.stepsEmitted;
                const step = this.pending[index];
                this.pending[index] = undefined;
                this.stepsEmitted = index + 1;
                this.onStep?.(step, index);
            }
        }
        finally {
            this.delivering = false;
        }
    }
    /** Whether each emitted step is the step at the same index of `value`, parsePlanText's plan. */
    confirm(text, value) {
        const emitted = this.spans.length / 2;
        if (emitted === 0)
            return true;
        const candidate = this.emitting;
        if (candidate !== undefined &&
            candidate.scanner.status === 'closed' &&
            !candidate.scanner.duplicateSteps) {
            const end = candidate.scanner.endAt;
            // parsePlanText's first reading: the trimmed text is the object.
            if (text.slice(0, candidate.start).trim() === '' && text.slice(end + 1).trim() === '') {
                return true;
            }
            // Its second: the first fence whose body starts with `{`, the body being the object.
            const close = this.fences.braceFenceClose;
            if (candidate.fenced && close > end && text.slice(end + 1, close).trim() === '') {
                return true;
            }
        }
        // Anything else: compare.
        const steps = isRecord(value) ? value['steps'] : undefined;
        if (!Array.isArray(steps) || steps.length < emitted)
            return false;
        for (let index = 0; index < emitted; index += 1) {
            const start = this.spans[2 * index];
            const end = this.spans[2 * index + 1];
            const again = JSON.parse(text.slice(start, end + 1));
            if (JSON.stringify(again) !== JSON.stringify(steps[index]))
                return false;
        }
        return true;
    }
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
