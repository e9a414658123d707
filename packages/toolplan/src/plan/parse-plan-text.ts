import { findJsonObjectEnd } from './find-json-object-end.js';
import { PlanParseError } from './plan-errors.js';

const FENCE = /```[A-Za-z]*[ \t]*\r?\n([\s\S]*?)```/g;

/**
 * Reads the JSON object out of a model's text. Tolerates the usual wrapping — a ```json fence,
 * prose before or after — but repairs nothing inside the JSON: a plan whose text is not valid
 * JSON is a {@link PlanParseError}, because a guess at what was meant could change what runs.
 */
export function parsePlanText(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    const direct = tryParse(trimmed);
    if (direct.ok) return direct.value;
  }
  for (const match of trimmed.matchAll(FENCE)) {
    const body = (match[1] as string).trim();
    if (!body.startsWith('{')) continue;
    const parsed = tryParse(body);
    if (parsed.ok) return parsed.value;
    throw parseError(text, body, parsed.error);
  }
  const start = trimmed.indexOf('{');
  if (start === -1) {
    throw new PlanParseError({
      message:
        'The reply holds no JSON object. Reply with the plan as one JSON object: {"steps": [...]}.',
      text,
    });
  }
  const end = findJsonObjectEnd(trimmed, start);
  const candidate = trimmed.slice(start, end === -1 ? undefined : end + 1);
  const parsed = tryParse(candidate);
  if (parsed.ok) return parsed.value;
  throw parseError(text, candidate, parsed.error);
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false; error: Error } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: error as Error };
  }
}

function parseError(text: string, candidate: string, cause: Error): PlanParseError {
  const position = /position (\d+)/.exec(cause.message);
  const offset = text.indexOf(candidate);
  return new PlanParseError({
    message: `The plan is not valid JSON (${cause.message}). Reply with one complete JSON object, without comments or trailing commas.`,
    text,
    ...(position === null ? {} : { position: offset + Number(position[1]) }),
    cause,
  });
}
