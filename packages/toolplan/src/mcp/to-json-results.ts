/**
 * A run's results as JSON values, ready to be sent: each one through `JSON.stringify` and back (a
 * `Date` becomes its string, `undefined` becomes `null`). A result that cannot be written — a
 * cycle, a `BigInt`, a getter that throws — is left out, with the reason under its id in
 * `notJson`, so that one such value costs the client that result, not the whole response.
 */
export function toJsonResults(results: Readonly<Record<string, unknown>>): {
  results: Record<string, unknown>;
  notJson: Record<string, string>;
} {
  const json: Array<[string, unknown]> = [];
  const notJson: Array<[string, string]> = [];
  for (const [id, value] of Object.entries(results)) {
    try {
      const text = JSON.stringify(value);
      json.push([id, text === undefined ? null : (JSON.parse(text) as unknown)]);
    } catch (error) {
      notJson.push([id, error instanceof Error ? error.message : String(error)]);
    }
  }
  // fromEntries defines each key as data, so an id such as `__proto__` stays an ordinary key.
  return { results: Object.fromEntries(json), notJson: Object.fromEntries(notJson) };
}
