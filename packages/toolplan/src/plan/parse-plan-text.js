import { findJsonObjectEnd } from './find-json-object-end.js';
import { PlanParseError } from './plan-errors.js';
const FENCE = /```[A-Za-z]*[ \t]*\r?\n([\s\S]*?)```/g;
/**
 * Reads the JSON object out of a model's text. Tolerates the usual wrapping — a ```json fence,
 * prose before or after — but repairs nothing inside the JSON: a plan whose text is not valid
 * JSON is a {@link PlanParseError}, because a guess at what was meant could change what runs.
 */
export function parsePlanText(text) {
    const trimmed = text.trim();
    if (trimmed.startsWith('{')) {
        const direct = tryParse(trimmed);
        if (direct.ok)
            return direct.value;
    }
    for (const match of trimmed.matchAll(FENCE)) {
        const body = match[1].trim();
        if (!body.startsWith('{'))
            continue;
        const parsed = tryParse(body);
        if (parsed.ok)
            return parsed.value;
        throw parseError(text, body, parsed.error);
    }
    const start = trimmed.indexOf('{');
    if (start === -1) {
        throw new PlanParseError({
            message: 'The reply holds no JSON object. Reply with the plan as one JSON object: {"steps": [...]}.',
            text,
        });
    }
    const candidate = objectAt(trimmed, start);
    const parsed = tryParse(candidate);
    if (parsed.ok)
        return parsed.value;
    // Prose before the plan may hold braces of its own ("I will call {get_weather} …"): the plan
    // is then the first object that opens with its own key. The first object's error is the one
    // reported when none parses.
    let tried = 0;
    for (const match of trimmed.matchAll(PLAN_OPENING)) {
        if (match.index <= start)
            continue;
        if (++tried > MAX_PLAN_OPENINGS)
            break;
        const later = tryParse(objectAt(trimmed, match.index));
        if (later.ok)
            return later.value;
    }
    throw parseError(text, candidate, parsed.error);
}
// An object that opens with a plan's key: the canonical or wire form, or the seed's form.
const PLAN_OPENING = /\{\s*"(?:steps|parallel_groups)"\s*:/g;
// Each attempt scans to its object's end: a bound keeps hostile text with many openings linear.
const MAX_PLAN_OPENINGS = 4;
/** The JSON object starting at `start` (to its matching brace, or the end of the text). */
function objectAt(text, start) {
    const end = findJsonObjectEnd(text, start);
    return text.slice(start, end === -1 ? undefined : end + 1);
}
function tryParse(text) {
    try {
        return { ok: true, value: JSON.parse(text) };
    }
    catch (error) {
        return { ok: false, error: error };
    }
}
function parseError(text, candidate, cause) {
    const position = /position (\d+)/.exec(cause.message);
    const offset = text.indexOf(candidate);
    return new PlanParseError({
        message: `The plan is not valid JSON (${cause.message}). Reply with one complete JSON object, without comments or trailing commas.`,
        text,
        ...(position === null ? {} : { position: offset + Number(position[1]) }),
        cause,
    });
}
