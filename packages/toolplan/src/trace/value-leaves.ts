/**
 * Every leaf of a JSON value (a string, number, boolean or null) with its path from the root, in
 * document order: how a plan's arguments are searched for a parameter's value.
 */
export function* valueLeaves(
  value: unknown,
  path: Array<string | number> = [],
): Generator<[Array<string | number>, unknown]> {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* valueLeaves(item, [...path, index]);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) yield* valueLeaves(item, [...path, key]);
  } else yield [path, value];
}
