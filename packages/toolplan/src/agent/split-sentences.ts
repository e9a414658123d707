/**
 * The sentences of a message, where it has several (`What's the weather in Paris? And the price
 * of AAPL?`): split after `.`, `?` or `!` followed by a space and a capital letter, so that
 * `3.5 EUR` and `e.g. this` stay whole. One sentence is returned as it is.
 */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.?!])\s+(?=\p{Lu})/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}
