import { describe, expect, it } from 'vitest';
import { countTokens } from './count-tokens.js';

describe('countTokens', () => {
  it('counts o200k tokens', () => {
    expect(countTokens('')).toBe(0);
    expect(countTokens('hello world')).toBe(2);
  });

  it('counts more tokens for more text', () => {
    const sentence = 'The weather in Boston is sunny today. ';
    expect(countTokens(sentence.repeat(10))).toBeGreaterThan(countTokens(sentence) * 5);
  });
});
