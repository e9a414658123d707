import { countTokens as countWhole } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import { countTokens, countTokensUpTo } from './count-tokens.js';
import { HARD_PIECE_CHARS, MAX_PIECE_CHARS, tokenPieces } from './token-pieces.js';

/** Letters from a fixed-seed generator: no two runs alike, so no cache hides the cost. */
function letters(length: number, first = 0x61, span = 26): string {
  let seed = 7;
  let text = '';
  for (let index = 0; index < length; index += 1) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    text += String.fromCharCode(first + (seed % span));
  }
  return text;
}

const prose =
  'The weather in Boston is sunny today, with a high of 28°C — warmer than NYC (26°C). ' +
  'It\'s the 3rd warm day in a row; forecasters say: "don\'t expect rain" before 12:30.\n\n' +
  '東京の天気は晴れ、最高気温は二十八度です。\tTabs,  double  spaces and emoji 🌤️ too. ';

const json = JSON.stringify(
  Array.from({ length: 60 }, (_, index) => ({
    id: index,
    title: `Hit ${index}: O'Brien's "café" ${'x'.repeat(index % 7)}`,
    url: `https://example.com/items/${index}?q=a+b&n=${index * 1234.5}`,
    tags: ['alpha', 'βeta', '東京'],
    score: index / 7,
  })),
);

describe('countTokens', () => {
  it('counts o200k tokens', () => {
    expect(countTokens('')).toBe(0);
    expect(countTokens('hello world')).toBe(2);
  });

  it('counts more tokens for more text', () => {
    const sentence = 'The weather in Boston is sunny today. ';
    expect(countTokens(sentence.repeat(10))).toBeGreaterThan(countTokens(sentence) * 5);
  });

  it('counts exactly as the encoding does, also past one piece of text', () => {
    for (const text of [prose, prose.repeat(40), json, JSON.stringify(JSON.parse(json), null, 2)]) {
      expect(countTokens(text)).toBe(countWhole(text));
    }
    expect(json.length).toBeGreaterThan(MAX_PIECE_CHARS * 4);
  });

  it('counts a run without word breaks in pieces, as an upper bound close to the exact count', () => {
    const run = letters(5_000);
    const exact = countWhole(run);
    const counted = countTokens(run);
    expect(counted).toBeGreaterThanOrEqual(exact);
    expect(counted - exact).toBeLessThanOrEqual(Math.ceil(run.length / HARD_PIECE_CHARS));
  });

  it('ends in a count for 200,000 characters without spaces, 400,000 letters and 200,000 CJK characters', () => {
    for (const text of [
      letters(200_000, 0x21, 94),
      letters(400_000),
      letters(200_000, 0x4e00, 20_000),
    ]) {
      const count = countTokens(text);
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThanOrEqual(new TextEncoder().encode(text).length);
    }
  });
});

describe('countTokens of a long text counted again', () => {
  it('gives the same count, also after a count stopped at a limit', () => {
    const text = `${prose}${json}`.repeat(4);
    expect(text.length).toBeGreaterThan(4_096);
    const stopped = countTokensUpTo(text, 10);
    expect(stopped).toBeGreaterThan(10);
    expect(stopped).toBeLessThan(countWhole(text));
    expect(countTokens(text)).toBe(countWhole(text));
    expect(countTokens(text)).toBe(countWhole(text));
    expect(countTokensUpTo(text, 10)).toBe(countWhole(text));
    // Another text of the same length is counted on its own.
    const other = `${json}${prose}`.repeat(4);
    expect(countTokens(other)).toBe(countWhole(other));
  });
});

describe('countTokensUpTo', () => {
  it('is the count when it is within the limit', () => {
    expect(countTokensUpTo(prose.repeat(3), 10_000)).toBe(countWhole(prose.repeat(3)));
  });

  it('stops past the limit', () => {
    const counted = countTokensUpTo(letters(5_000).repeat(2_000), 100);
    expect(counted).toBeGreaterThan(100);
    expect(counted).toBeLessThan(100 + HARD_PIECE_CHARS);
  });
});

describe('tokenPieces', () => {
  it('cuts a text into pieces that join back into it, none longer than a piece', () => {
    for (const text of [prose.repeat(40), json, letters(3_000), '🌤️'.repeat(2_000)]) {
      const pieces = [...tokenPieces(text)];
      expect(pieces.join('')).toBe(text);
      for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(MAX_PIECE_CHARS);
      for (const piece of pieces) expect(piece).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
  });

  it('keeps a text of up to one piece whole', () => {
    const text = letters(MAX_PIECE_CHARS);
    expect([...tokenPieces(text)]).toEqual([text]);
  });
});
