/** What kind of value an entity is, which decides the argument slots it may fill. */
export type EntityShape = 'date' | 'number' | 'quoted' | 'name';

/** A value found in a query that a tool call may take as an argument. */
export interface QueryEntity {
  text: string;
  shape: EntityShape;
  /**
   * A capitalised word opening a sentence: a name, or just the sentence's first word ("Compare").
   * Callers decide with what else they know.
   */
  sentenceInitial: boolean;
}

const QUOTED = /(?:^|[\s(])["“']([^"“”']+)["”'](?=[\s.,;:!?)]|$)/g;
const DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
const NUMBER = /(?<![\w.-])\d+(?:\.\d+)?(?![\w-])/g;
// A run of capitalised words ("New York", "Ionforge"); joined by single spaces only.
const NAME = /\b[A-Z][\p{L}\p{N}'’-]*(?: [A-Z][\p{L}\p{N}'’-]*)*/gu;

/**
 * The entities of a query, in order of appearance: quoted strings, ISO dates, numbers and
 * capitalised names. Heuristics, not a parser: they find what plans usually copy from a query
 * into arguments (cities, companies, dates, ids), and a wrong find costs one wasted guess.
 */
export function extractQueryEntities(query: string): QueryEntity[] {
  const found: Array<QueryEntity & { at: number }> = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (start: number, end: number) =>
    taken.some(([from, to]) => start < to && end > from);
  const collect = (pattern: RegExp, shape: EntityShape, group = 0) => {
    for (const match of query.matchAll(pattern)) {
      const text = match[group];
      if (text === undefined || text.trim() === '') continue;
      const start = (match.index ?? 0) + match[0].indexOf(text);
      const end = start + text.length;
      if (overlaps(start, end)) continue;
      taken.push([start, end]);
      const before = query.slice(0, start);
      found.push({
        text,
        shape,
        sentenceInitial: shape === 'name' && /(?:^|[.!?:]\s+)$/.test(before),
        at: start,
      });
    }
  };
  collect(QUOTED, 'quoted', 1);
  collect(DATE, 'date');
  collect(NUMBER, 'number');
  collect(NAME, 'name');
  return found
    .sort((left, right) => left.at - right.at)
    .map(({ text, shape, sentenceInitial }) => ({ text, shape, sentenceInitial }));
}

/** The shape a value has when it appears in a query (for entities given by the caller). */
export function entityShape(text: string): EntityShape {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return 'date';
  if (/^\d+(?:\.\d+)?$/.test(text)) return 'number';
  return /^[A-Z]/.test(text) ? 'name' : 'quoted';
}
