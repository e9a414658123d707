import { describe, expect, it } from 'vitest';
import { lineAndColumnAt } from './line-and-column-at.js';

describe('lineAndColumnAt', () => {
  it('counts lines and columns from 1', () => {
    const text = 'ab\ncd\n\nef';
    expect(lineAndColumnAt(text, 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumnAt(text, 2)).toEqual({ line: 1, column: 3 });
    expect(lineAndColumnAt(text, 3)).toEqual({ line: 2, column: 1 });
    expect(lineAndColumnAt(text, 7)).toEqual({ line: 4, column: 1 });
    expect(lineAndColumnAt(text, 9)).toEqual({ line: 4, column: 3 });
  });

  it('counts CRLF line ends once, and clamps an offset past the end', () => {
    expect(lineAndColumnAt('a\r\nbc', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumnAt('ab', 10)).toEqual({ line: 1, column: 3 });
    expect(lineAndColumnAt('ab', -1)).toEqual({ line: 1, column: 1 });
  });
});
