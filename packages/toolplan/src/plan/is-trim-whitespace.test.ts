import { describe, expect, it } from 'vitest';
import { isTrimWhitespace } from './is-trim-whitespace.js';

describe('isTrimWhitespace', () => {
  it('agrees with String.prototype.trim on every UTF-16 code unit', () => {
    const disagreements: number[] = [];
    for (let code = 0; code <= 0xffff; code += 1) {
      const trimmed = String.fromCharCode(code).trim() === '';
      if (trimmed !== isTrimWhitespace(code)) disagreements.push(code);
    }
    expect(disagreements).toEqual([]);
  });
});
