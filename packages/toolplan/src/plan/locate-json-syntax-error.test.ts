import { describe, expect, it } from 'vitest';
import { locateJsonSyntaxError } from './locate-json-syntax-error.js';

function locate(text: string) {
  try {
    JSON.parse(text);
  } catch (error) {
    return locateJsonSyntaxError(text, error as Error);
  }
  throw new Error(`${text} is valid JSON`);
}

describe('locateJsonSyntaxError', () => {
  it("takes the position from JSON.parse's message and words the reason for a person", () => {
    const text = '{\n  "city": "Boston",\n  "date": "2024-01-20" "unit": "C"\n}';
    expect(locate(text)).toEqual({
      reason: "expected ',' or '}' after a property value",
      offset: 45,
      line: 3,
      column: 24,
    });
    expect(text[45]).toBe('"');
  });

  it('words the other common mistakes', () => {
    expect(locate('{\n  "a": 1,\n}')).toMatchObject({
      reason: 'expected a property name in double quotes',
      line: 3,
      column: 1,
    });
    expect(locate("{'a': 1}")).toMatchObject({
      reason: "expected a property name in double quotes or '}'",
      column: 2,
    });
    expect(locate('{"a" 1}')).toMatchObject({ reason: "expected ':' after a property name" });
    expect(locate('[1, 2 3]')).toMatchObject({
      reason: "expected ',' or ']' after an array element",
      column: 7,
    });
    expect(locate('{"a": 1}\n}')).toMatchObject({
      reason: 'unexpected text after the end of the JSON',
      line: 2,
      column: 1,
    });
    expect(locate('{"a": "two\nlines"}').reason).toMatch(/^a line break or control character/);
  });

  it('places an unexpected token, which V8 names without a position, by scanning', () => {
    // V8: "Unexpected token ']', ..." [1, 2, 3,],\n  "gamm"... is not valid JSON"
    const text = '{\n  "alpha": 1,\n  "beta": [1, 2, 3,],\n  "gamma": true\n}';
    expect(locate(text)).toEqual({ reason: "unexpected ']'", offset: 35, line: 3, column: 20 });
    expect(locate('{"a": tru}')).toMatchObject({ reason: "unexpected '}'", column: 10 });
    expect(locate('[1, 2 ; 3]')).toMatchObject({
      reason: "expected ',' or ']' after an array element",
      column: 7,
    });
    expect(locate('{"a": [1, 2],\n "b": #}')).toMatchObject({ reason: "unexpected '#'", line: 2 });
  });

  it('names a bare word where JSON wanted a value, from its first letter', () => {
    // V8 stops at the `o` of `nope` (it reads `n` as the start of `null`).
    expect(locate('nope')).toEqual({
      reason: "unexpected word 'nope' (text in JSON needs double quotes)",
      offset: 0,
      line: 1,
      column: 1,
    });
    expect(locate('{\n  "name": temps\n}')).toMatchObject({
      reason: "unexpected word 'temps' (text in JSON needs double quotes)",
      line: 2,
      column: 11,
    });
    expect(locate('  x')).toMatchObject({
      reason: "unexpected word 'x' (text in JSON needs double quotes)",
      column: 3,
    });
  });

  it('points just past the last character written when the text ends too soon', () => {
    expect(locate('{\n  "a": [1, 2\n\n')).toMatchObject({
      reason: "expected ',' or ']' after an array element",
      line: 2,
      column: 13,
    });
    expect(locate('{\n  "a":\n')).toMatchObject({
      reason: 'the JSON ends too soon (a missing closing bracket or quote?)',
      line: 2,
      column: 7,
    });
    expect(locate('')).toMatchObject({ line: 1, column: 1 });
  });

  it('reads the line and column form of newer Node versions', () => {
    const error = new SyntaxError(
      "Expected ',' or '}' after property value in JSON at position 13 (line 2 column 6)",
    );
    expect(locateJsonSyntaxError('{"a": 1,\n"b": 2 "c": 3}', error)).toEqual({
      reason: "expected ',' or '}' after a property value",
      offset: 13,
      line: 2,
      column: 5,
    });
  });

  it('gives the reason alone when the message has no position and the text scans clean', () => {
    expect(locateJsonSyntaxError('{}', new SyntaxError('Something else'))).toEqual({
      reason: 'something else',
    });
  });
});
