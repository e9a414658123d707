/**
 * Splits a scoped call key (`scopedCallKey`: the JSON-encoded sharing key, then the call's key)
 * into its sharing key's kind and name and the call's key, or `undefined` when it is not one.
 * The sharing key is a JSON array of two strings, so the first `]` after which the prefix parses
 * is its end (a `]` inside a string leaves the prefix unparsable).
 */
export function splitScopedKey(
  key: string,
): { kind: 'scope' | 'run'; name: string; call: string } | undefined {
  if (!key.startsWith('[')) return undefined;
  for (let end = key.indexOf(']'); end >= 0; end = key.indexOf(']', end + 1)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(key.slice(0, end + 1));
    } catch {
      continue;
    }
    if (
      !Array.isArray(parsed) ||
      parsed.length !== 2 ||
      (parsed[0] !== 'scope' && parsed[0] !== 'run') ||
      typeof parsed[1] !== 'string'
    )
      return undefined;
    return { kind: parsed[0], name: parsed[1], call: key.slice(end + 1) };
  }
  return undefined;
}
