/** Escapes text for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Where `word` stands in `text` as a whole word or phrase, case-insensitively (`York` is not
 * found in `Yorkshire`), as `[start, end)` pairs in order.
 */
export function findWord(text: string, word: string): Array<[number, number]> {
  if (word.length === 0) return [];
  return [...text.matchAll(wordPattern(word))].map((match) => [
    match.index,
    match.index + match[0].length,
  ]);
}

// Matching and mining look up the same few words (entities, keywords) again and again, and a
// Unicode-aware RegExp costs far more to compile than to run (profiled: most of `findWord`'s time
// on the repeat-traffic stream). `matchAll` clones the pattern, so sharing one is safe.
const patterns = new Map<string, RegExp>();
const MAX_PATTERNS = 4096;

function wordPattern(word: string): RegExp {
  let pattern = patterns.get(word);
  if (pattern === undefined) {
    pattern = new RegExp(
      `(?<![\\p{L}\\p{N}_])${escapeRegExp(word).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}_])`,
      'giu',
    );
    if (patterns.size >= MAX_PATTERNS) patterns.clear();
    patterns.set(word, pattern);
  }
  return pattern;
}
