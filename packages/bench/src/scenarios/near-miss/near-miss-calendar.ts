/**
 * The one calendar every near-miss domain shares: "today" is fixed so that expected answers are
 * too. A Thursday, so that "on Saturday", "this weekend" and "last week" are different dates.
 */
export const TODAY = '2024-03-14';
export const TOMORROW = '2024-03-15';
export const YESTERDAY = '2024-03-13';
export const SATURDAY = '2024-03-16';
export const SUNDAY = '2024-03-17';
export const FRIDAY = '2024-03-15';
export const NEXT_MONDAY = '2024-03-18';
/** Monday and Sunday of the week before this one. */
export const LAST_WEEK = { from: '2024-03-04', to: '2024-03-10' } as const;
/** Monday of this week: "this week" starts here. */
export const THIS_MONDAY = '2024-03-11';
/** The last day of last month: "last month"'s closing balance. */
export const END_OF_LAST_MONTH = '2024-02-29';

/** A small deterministic number for a text: the scenario's data varies without a table per day. */
export function stableNumber(text: string, modulo: number): number {
  let hash = 17;
  for (const character of text) hash = (hash * 31 + character.charCodeAt(0)) % 1_000_003;
  return hash % modulo;
}

/** The first of `names` that stands in `text` as a whole word, as a search API would resolve it. */
export function findKnownName<Name extends string>(
  text: string,
  names: readonly Name[],
): Name | undefined {
  const lower = text.toLowerCase();
  let best: { name: Name; at: number } | undefined;
  for (const name of names) {
    const match = new RegExp(`(?<![\\p{L}])${name.toLowerCase()}(?![\\p{L}])`, 'u').exec(lower);
    if (match !== null && (best === undefined || match.index < best.at)) {
      best = { name, at: match.index };
    }
  }
  return best?.name;
}
