/**
 * Where a request turns to another task: after a sentence (`.`, `?`, `!`, `;`, `:` and a space),
 * at a line break, before the words that open a further task ("then", "also", "after that",
 * "finally", …), at ", and", and at "and" followed by a new request ("and find", "and I").
 */
const CLAUSE_BREAK = new RegExp(
  [
    String.raw`(?<=[.?!;:])\s+`,
    String.raw`\n+`,
    String.raw`,?\s+(?:and then|then|also|additionally|after that|afterwards|finally|lastly|next|as well as|plus)\b`,
    String.raw`,\s+and\s+`,
    String.raw`\s+and\s+(?=(?:i|we|also|please|then|can|could|find|get|calculate|compute|determine|tell|give|show|what|how|search|look|convert|book|make|check|provide|retrieve|fetch|list)\b)`,
  ].join('|'),
  'i',
);

/**
 * The clauses of a request, in order, each trimmed; blank ones are dropped. A request of several
 * tasks ("Convert 10 USD to EUR. Then book a table for two in Rome") is searched clause by clause
 * as well as whole, so that each task finds its own tools rather than the words of the longest
 * task outweighing the others. Splitting too eagerly costs little: a clause that matches no tool
 * well adds nothing.
 */
export function splitQueryClauses(query: string): string[] {
  return query
    .split(CLAUSE_BREAK)
    .map((clause) => clause.trim())
    .filter((clause) => clause !== '');
}
