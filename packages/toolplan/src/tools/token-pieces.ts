/**
 * Longest text counted in one piece. A text up to this long is counted whole, exactly as the
 * encoding counts it; a longer one is counted piece by piece.
 */
export const MAX_PIECE_CHARS = 1_000;

/**
 * Size of the pieces a run of more than {@link MAX_PIECE_CHARS} characters without a word break is
 * cut into. BPE merges within a run cost time quadratic in its length (measured with o200k:
 * 200,000 letters took 22.8 s); short pieces keep the cost linear.
 */
export const HARD_PIECE_CHARS = 256;

/*
 * Where a text can be cut without changing its token count: before a space between two non-blank
 * characters, and before punctuation that follows a letter or a digit (not `'`, which may start a
 * contraction like `'s`). The o200k pre-tokenizer never lets a pre-token cross either point, and BPE
 * merges only within pre-tokens, so the pieces' counts add up to the whole text's count.
 */
const BREAK = /(?<=\S) (?=\S)|(?<=[\p{L}\p{N}])[^\s\p{L}\p{N}\p{M}']/gu;

/**
 * The pieces a long text is counted in, in order: at most {@link MAX_PIECE_CHARS} characters each,
 * cut at word breaks, and into {@link HARD_PIECE_CHARS} where a run has no break (where the sum may
 * exceed the whole text's count by about a token per cut). A text no longer than a piece is one.
 */
export function* tokenPieces(text: string): Generator<string> {
  let start = 0;
  while (text.length - start > MAX_PIECE_CHARS) {
    // Only a window is searched, so a text's first pieces cost nothing for the rest of it.
    const window = text.slice(start, start + MAX_PIECE_CHARS + 1);
    let last = 0;
    for (const match of window.matchAll(BREAK)) last = match.index;
    if (last > 0) {
      yield text.slice(start, start + last);
      start += last;
      continue;
    }
    for (let cut = 0; cut < MAX_PIECE_CHARS - HARD_PIECE_CHARS; cut += HARD_PIECE_CHARS) {
      let end = start + HARD_PIECE_CHARS;
      // Never between the halves of a surrogate pair: each half alone would count as a token.
      if (isLowSurrogate(text.charCodeAt(end))) end += 1;
      yield text.slice(start, end);
      start = end;
    }
  }
  yield text.slice(start);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
