import { CODE, LOWER_WORD, NAME_WORD, shapeOf } from './learn-slot-profile.js';
import { matchesStringFormat } from './matches-string-format.js';
import type { SchemaConstraints } from './schema-constraints-at.js';
import type { SlotKind, SlotProfile } from './slot-profile.js';
import { WORDS_NEVER_IN_A_VALUE } from './words-never-in-a-value.js';

export interface SlotMismatchOptions {
  profile: SlotProfile;
  /** One captured value (a list's items are checked one by one). */
  value: string | number;
  /** Values seen in the slot (or listed by a developer). */
  entities?: readonly string[];
  /** What the schemas of the tools the value goes to allow. */
  constraints?: readonly SchemaConstraints[];
}

/** A name has one to three words unless a longer one was seen. */
const NAME_WORDS = 3;
const POSSESSIVE = /['’]s$/iu;

/**
 * Why a captured value does not fit the slot it was captured in, or `undefined` when it fits.
 * The tools' schemas decide first (a pattern must match; a value of a known format or of an enum
 * fits, one not of it does not); then a value seen before fits; otherwise the value must be of a kind the slot
 * learned: a proper name with no date, negation, relation or foreign word in it, a code that was
 * seen or listed, lower-case words as many as were seen, a number in range, a token of a seen
 * shape.
 */
export function slotMismatch(options: SlotMismatchOptions): string | undefined {
  const { profile, value } = options;
  const constraints = options.constraints ?? [];
  const text = String(value).trim();
  for (const constraint of constraints) {
    if (constraint.pattern !== undefined && !safeTest(constraint.pattern, text))
      return `\`${text}\` does not match the tool's pattern \`${constraint.pattern}\``;
  }
  const formats = constraints.flatMap((constraint) =>
    constraint.format === undefined ? [] : [matchesStringFormat(constraint.format, text)],
  );
  // The schema names the value's kind (a date, an email): it decides, not the values seen.
  if (formats.includes(false)) return `\`${text}\` is not of the tool's format`;
  if (formats.includes(true)) return undefined;
  const enums = constraints.flatMap((constraint) => constraint.enum ?? []);
  if (enums.length > 0) {
    const listed = enums.some((item) => String(item).toLowerCase() === text.toLowerCase());
    return listed ? undefined : `\`${text}\` is not one of the values the tool accepts`;
  }
  if (
    typeof value === 'string' &&
    options.entities?.some((entity) => entity.toLowerCase() === text.toLowerCase())
  )
    return undefined;
  const reasons = profile.kinds.map((kind) => kindMismatch(kind, value, options));
  if (reasons.some((reason) => reason === undefined)) return undefined;
  return reasons.join('; ');
}

function kindMismatch(
  kind: SlotKind,
  value: string | number,
  options: SlotMismatchOptions,
): string | undefined {
  const { profile } = options;
  const text = String(value).trim();
  if (kind === 'number') return numberMismatch(value, options);
  if (typeof value === 'number') return `\`${text}\` is a number, not a ${kind}`;
  const words = text.split(/\s+/);
  const stray = words.find((word) => WORDS_NEVER_IN_A_VALUE.has(word.toLowerCase()));
  if (stray !== undefined) return `\`${stray}\` changes the request; it is no part of a value`;
  switch (kind) {
    case 'name': {
      const most = Math.max(NAME_WORDS, profile.words?.max ?? 0);
      if (words.length > most) return `\`${text}\` has more words than a name`;
      // An all-capitals word is a code (`BTC`), held to the stricter rule of codes.
      const odd = words.find(
        (word) => !NAME_WORD.test(word) || CODE.test(word) || POSSESSIVE.test(word),
      );
      return odd === undefined ? undefined : `\`${odd}\` is not part of a proper name`;
    }
    case 'code':
      // A code names one thing among a fixed few: only one seen (or an enum's) is trusted.
      return `the code \`${text}\` was never seen here`;
    case 'word': {
      const fewest = profile.words?.min ?? 1;
      const most = profile.words?.max ?? 1;
      if (words.length < fewest || words.length > most)
        return `\`${text}\` has ${words.length} words where ${fewest}–${most} were seen`;
      const odd = words.find((word) => !LOWER_WORD.test(word) || POSSESSIVE.test(word));
      return odd === undefined ? undefined : `\`${odd}\` is not a lower-case word`;
    }
    case 'token': {
      const shape = shapeOf(text);
      return profile.shapes?.includes(shape) === true
        ? undefined
        : `\`${text}\` has the shape \`${shape}\`, not one seen here`;
    }
  }
}

function numberMismatch(value: string | number, options: SlotMismatchOptions): string | undefined {
  const number = typeof value === 'number' ? value : Number(String(value).trim());
  if (!Number.isFinite(number) || String(value).trim() === '') return `\`${value}\` is no number`;
  const range = options.profile.range;
  const constraints = options.constraints ?? [];
  const integer =
    range?.integer === true || constraints.some((constraint) => constraint.integer === true);
  if (integer && !Number.isInteger(number)) return `\`${number}\` is not a whole number`;
  const minimums = constraints.flatMap((constraint) => constraint.minimum ?? []);
  const maximums = constraints.flatMap((constraint) => constraint.maximum ?? []);
  // The schema's bounds say what the tool takes; the values seen say what this plan was seen
  // to be right for. Both hold: a number the plan never ran on may need another plan (the last
  // 35 closes where at most 30 are listed, 4 transactions where an export was seen for 60 and
  // up), and only the planner knows. The seen range is not widened: any margin is a guess about
  // where the tool's own limit lies, which a description in prose may put anywhere.
  const lows = [...minimums, ...(range === undefined ? [] : [range.min])];
  const highs = [...maximums, ...(range === undefined ? [] : [range.max])];
  const low = lows.length > 0 ? Math.max(...lows) : undefined;
  const high = highs.length > 0 ? Math.min(...highs) : undefined;
  if (low !== undefined && number < low) {
    return `${number} is below the ${low} ${low === range?.min ? 'seen' : 'allowed'} here`;
  }
  if (high !== undefined && number > high) {
    return `${number} is above the ${high} ${high === range?.max ? 'seen' : 'allowed'} here`;
  }
  return undefined;
}

function safeTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    // A pattern JavaScript cannot read constrains nothing here; validation still applies it.
    return true;
  }
}
