import { decode, encode } from 'gpt-tokenizer/encoding/o200k_base';

/**
 * Completion tokens a tool call costs beyond its name and arguments. Calibrated on the recorded
 * GPT-4o stream (openai-gpt-4o-parallel-tool-calls.sse): two calls whose names and arguments are
 * 38 o200k tokens were billed 60 completion tokens, i.e. 11 per call for the call's framing.
 */
export const TOOL_CALL_OVERHEAD_TOKENS = 11;

/** A fragment of output text and the number of tokens it stands for. */
export interface TokenPiece {
  text: string;
  tokens: number;
}

// A token may end inside a multi-byte character; it is merged with the next ones (at most a few)
// until the piece decodes cleanly, so no fragment carries half a character.
const MAX_MERGED_TOKENS = 4;

/** Splits text into one piece per o200k token, as a provider streams it. */
export function splitIntoTokenPieces(text: string): TokenPiece[] {
  const tokens = encode(text);
  const pieces: TokenPiece[] = [];
  let index = 0;
  while (index < tokens.length) {
    let count = 1;
    let piece = decode(tokens.slice(index, index + count));
    while (piece.includes('\uFFFD') && count < MAX_MERGED_TOKENS && index + count < tokens.length) {
      count += 1;
      piece = decode(tokens.slice(index, index + count));
    }
    pieces.push({ text: piece, tokens: count });
    index += count;
  }
  // Decoding token by token can differ from the text only where a piece did not decode cleanly;
  // the text itself is then sent in one piece rather than altered.
  if (pieces.map((entry) => entry.text).join('') !== text) {
    return [{ text, tokens: tokens.length }];
  }
  return pieces;
}

/** o200k tokens of a text. */
export function countOutputTokens(text: string): number {
  return encode(text).length;
}

/** Completion tokens of one tool call: its name, its arguments and the call's framing. */
export function countToolCallTokens(call: { name: string; arguments: string }): number {
  return (
    countOutputTokens(call.name) + countOutputTokens(call.arguments) + TOOL_CALL_OVERHEAD_TOKENS
  );
}
