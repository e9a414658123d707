/** A stretch of a query that looks like it names something: where it is and what it says. */
export interface EntityToken {
  start: number;
  end: number;
  text: string;
}

// A capitalised word that does not open a sentence, a number, or a double-quoted string. These are
// the parts of a query a plan is most likely to depend on; a generalisation or a match that cannot
// account for one of them cannot be trusted.
const TOKEN =
  /"[^"]+"|“[^”]+”|(?<![\p{L}\p{N}])-?\d+(?:[.,]\d+)*(?![\p{L}\p{N}])|(?<![\p{L}\p{N}'])\p{Lu}[\p{L}\p{N}'’-]*/gu;

/** The entity-looking tokens of a query, in order. */
export function findEntityTokens(query: string): EntityToken[] {
  const tokens: EntityToken[] = [];
  for (const match of query.matchAll(TOKEN)) {
    const text = match[0];
    const start = match.index;
    if (/^\p{Lu}/u.test(text)) {
      if (text === 'I' || /^I['’]/u.test(text)) continue;
      // A capital that opens a sentence says nothing about the word.
      if (/(^|[.!?:]\s*|["“(]\s*)$/u.test(query.slice(0, start))) continue;
    }
    tokens.push({ start, end: start + text.length, text });
  }
  return tokens;
}
