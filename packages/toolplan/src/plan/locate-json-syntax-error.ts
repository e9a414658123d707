import { JsonObjectScanner } from './json-object-scanner.js';
import { lineAndColumnAt, type LineAndColumn } from './line-and-column-at.js';

/** Where `JSON.parse` gave up on a text, and why, in words for a person. */
export interface JsonSyntaxLocation extends Partial<LineAndColumn> {
  /** E.g. `expected ',' or '}' after a property value`. */
  reason: string;
  /** Offset in the text of the character that made it invalid (its length: it ended too soon). */
  offset?: number;
}

// V8 writes "… in JSON at position 42", and since Node 22 "… (line 3 column 14)" after it.
const POSITION = /(?: in JSON)? at position (\d+)(?: \(line (\d+) column (\d+)\))?/;
// V8 names the token but not its place, quoting the text around it: "Unexpected token ']', …".
const UNEXPECTED_TOKEN = /^Unexpected token '([\s\S]*?)', [\s\S]* is not valid JSON$/;
const END_OF_INPUT = /^Unexpected end of JSON input/;

/**
 * Turns the `SyntaxError` that `JSON.parse(text)` threw into a line, a column and a reason. The
 * position comes from the message; where V8 gives none (an unexpected token), the text is scanned
 * with the plan parser's checker, which accepts exactly what `JSON.parse` accepts.
 */
export function locateJsonSyntaxError(text: string, error: Error): JsonSyntaxLocation {
  const offset = offsetOf(text, error.message);
  if (offset === undefined) return { reason: describeReason(error.message) };
  // V8 stops inside a bare word (at the `e` of `temps`, which it read as `true`): name the word.
  const word = UNEXPECTED_TOKEN.test(error.message) ? bareWordAt(text, offset) : undefined;
  if (word !== undefined) {
    return {
      reason: `unexpected word '${word.text}' (text in JSON needs double quotes)`,
      offset: word.start,
      ...lineAndColumnAt(text, word.start),
    };
  }
  return { reason: describeReason(error.message), offset, ...lineAndColumnAt(text, offset) };
}

function bareWordAt(text: string, offset: number): { text: string; start: number } | undefined {
  const isWordCharacter = (index: number) => /[\p{L}\p{N}_$]/u.test(text[index] ?? '');
  if (!isWordCharacter(offset)) return undefined;
  let start = offset;
  while (start > 0 && isWordCharacter(start - 1)) start -= 1;
  let end = offset + 1;
  while (end < text.length && isWordCharacter(end)) end += 1;
  return { text: text.slice(start, end), start };
}

function offsetOf(text: string, message: string): number | undefined {
  // What is missing at the end is missing after the last thing written, not after blank lines.
  const end = text.trimEnd().length;
  const position = POSITION.exec(message);
  if (position !== null) return Math.min(Number(position[1]), end);
  if (END_OF_INPUT.test(message)) return end;
  if (UNEXPECTED_TOKEN.test(message)) return scanForError(text);
  return undefined;
}

/** The offset of the first character `JSON.parse` rejects, found by scanning. */
function scanForError(text: string): number | undefined {
  // The scanner reads one object: wrapped as a property's value, any JSON value is one.
  const prefix = '{"":';
  const scanner = new JsonObjectScanner(() => undefined);
  const wrapped = `${prefix}${text}}`;
  scanner.scan(wrapped, 0, wrapped.length, 0);
  if (scanner.errorAt !== -1) return Math.min(scanner.errorAt - prefix.length, text.length);
  // An open string swallowed the wrapper's `}`: the text ended too soon.
  if (scanner.status === 'open') return text.trimEnd().length;
  // The wrapper closed on a `}` of the text: whatever follows it is one too many.
  if (scanner.endAt < wrapped.length - 1) return scanner.endAt - prefix.length;
  return undefined;
}

const WORDING: ReadonlyArray<readonly [RegExp, string]> = [
  [/^Expected double-quoted property name/, 'expected a property name in double quotes'],
  [/^Expected property name or '}'/, "expected a property name in double quotes or '}'"],
  [/after property value/, 'after a property value'],
  [/after property name/, 'after a property name'],
  [/after array element/, 'after an array element'],
  [/^Unexpected non-whitespace character after JSON/, 'unexpected text after the end of the JSON'],
  [
    /^Bad control character in string literal/,
    'a line break or control character inside a string (write it as \\n, \\t, …)',
  ],
];

function describeReason(message: string): string {
  const token = UNEXPECTED_TOKEN.exec(message);
  if (token !== null) return `unexpected '${token[1] ?? ''}'`;
  if (END_OF_INPUT.test(message))
    return 'the JSON ends too soon (a missing closing bracket or quote?)';
  let reason = message.replace(POSITION, '');
  for (const [pattern, words] of WORDING) reason = reason.replace(pattern, words);
  return reason.charAt(0).toLowerCase() + reason.slice(1);
}
