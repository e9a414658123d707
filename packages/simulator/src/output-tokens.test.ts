import { describe, expect, it } from 'vitest';
import { countTokens } from 'toolplan/internal';
import {
  countToolCallTokens,
  splitIntoTokenPieces,
  TOOL_CALL_OVERHEAD_TOKENS,
} from './output-tokens.js';

describe('splitIntoTokenPieces', () => {
  it.each([
    'Warmer: NYC (7 degrees)',
    '{"city":"Edinburgh","country":"GB","units":"c"}',
    'Zürich — 日本語 😀 naïve',
    '',
  ])('splits %j into pieces that rebuild it, one per o200k token', (text) => {
    const pieces = splitIntoTokenPieces(text);
    expect(pieces.map((piece) => piece.text).join('')).toBe(text);
    expect(pieces.reduce((sum, piece) => sum + piece.tokens, 0)).toBe(countTokens(text));
    for (const piece of pieces) expect(piece.text).not.toContain('\uFFFD');
  });
});

describe('countToolCallTokens', () => {
  it('reproduces the completion tokens of the recorded GPT-4o parallel call', () => {
    // openai-gpt-4o-parallel-tool-calls.sse: these two calls were billed 60 completion tokens.
    const total =
      countToolCallTokens({
        name: 'GetWeatherArgs',
        arguments: '{"city": "Edinburgh", "country": "GB", "units": "c"}',
      }) +
      countToolCallTokens({
        name: 'get_stock_price',
        arguments: '{"ticker": "AAPL", "exchange": "NASDAQ"}',
      });
    expect(total).toBe(60);
    expect(TOOL_CALL_OVERHEAD_TOKENS).toBe(11);
  });
});
