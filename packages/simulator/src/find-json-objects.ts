import { findJsonObjectEnd } from 'toolplan/internal';

/**
 * Every JSON object written in a text, outermost first: the text itself when it is one, fenced
 * blocks, objects inside prose. A `{` that does not open valid JSON is skipped.
 */
export function findJsonObjects(text: string): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  let index = text.indexOf('{');
  while (index !== -1) {
    const end = findJsonObjectEnd(text, index);
    if (end !== -1) {
      const parsed = tryParseObject(text.slice(index, end + 1));
      if (parsed !== undefined) {
        found.push(parsed);
        index = text.indexOf('{', end + 1);
        continue;
      }
    }
    index = text.indexOf('{', index + 1);
  }
  return found;
}

function tryParseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
