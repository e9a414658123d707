import type { SlotKind, SlotProfile } from './slot-profile.js';

const NUMBER = /^-?\d+(?:\.\d+)?$/;
/** An upper-case code: `AAPL`, `EUR`, `NYC`. */
export const CODE = /^(?=[\p{N}]*\p{Lu})[\p{Lu}\p{N}]{2,10}$/u;
/**
 * A capitalised word of a name; an inner apostrophe (`O'Brien`), hyphen or dot is part of it.
 * No digits: `P-101` is a code-like token, not a name.
 */
export const NAME_WORD = /^\p{Lu}[\p{L}'’.-]*$/u;
/** A lower-case word or identifier (`alice`, `j.doe`, `user_42`). */
export const LOWER_WORD = /^\p{Ll}[\p{Ll}\p{N}_.'’-]*$/u;

/** The kind of one value, read from its own shape (see {@link SlotKind}). */
export function kindOf(value: string | number): SlotKind {
  if (typeof value === 'number' || NUMBER.test(value.trim())) return 'number';
  const words = value.trim().split(/\s+/);
  if (words.length === 1 && CODE.test(value.trim())) return 'code';
  if (words.every((word) => NAME_WORD.test(word) && !CODE.test(word))) return 'name';
  if (words.every((word) => LOWER_WORD.test(word))) return 'word';
  return 'token';
}

/**
 * A value's shape: upper-case letters as `A`, lower-case as `a`, digits as `9`, runs of one
 * class collapsed (`2024-01-20` → `9-9-9`, `P-101` → `A-9`). Two values of one shape are the
 * same kind of thing (two dates, two SKUs) where their kind is not otherwise known.
 */
export function shapeOf(value: string): string {
  return value
    .trim()
    .replace(/\p{Lu}/gu, 'A')
    .replace(/\p{Ll}/gu, 'a')
    .replace(/\p{N}/gu, '9')
    .replace(/(.)\1+/gu, '$1');
}

/**
 * What the values seen in a slot say about it: their kinds, word counts, numeric range and
 * shapes. `undefined` for no values.
 */
export function learnSlotProfile(values: ReadonlyArray<string | number>): SlotProfile | undefined {
  if (values.length === 0) return undefined;
  const kinds = new Set<SlotKind>();
  const wordCounts: number[] = [];
  const numbers: number[] = [];
  const shapes = new Set<string>();
  for (const value of values) {
    const kind = kindOf(value);
    kinds.add(kind);
    if (kind === 'number') {
      numbers.push(Number(value));
      continue;
    }
    const text = String(value);
    wordCounts.push(text.trim().split(/\s+/).length);
    if (kind === 'token') shapes.add(shapeOf(text));
  }
  return {
    kinds: [...kinds].sort(),
    ...(wordCounts.length === 0
      ? {}
      : { words: { min: Math.min(...wordCounts), max: Math.max(...wordCounts) } }),
    ...(numbers.length === 0
      ? {}
      : {
          range: {
            min: Math.min(...numbers),
            max: Math.max(...numbers),
            integer: numbers.every(Number.isInteger),
          },
        }),
    ...(shapes.size === 0 ? {} : { shapes: [...shapes].sort() }),
  };
}
