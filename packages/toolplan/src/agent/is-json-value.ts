/**
 * Whether `value` survives `JSON.stringify` then `JSON.parse` as itself: `null`, booleans,
 * finite numbers, strings, arrays and plain objects of those. A `Date`, a `Map`, `undefined` in
 * an object or `NaN` would come back as something else, so a result holding one is not shared
 * through Redis (it stays in the process's own cache): another process must never be served a
 * result that differs from what the tool returned. Walked without recursion (results can be deep).
 */
export function isJsonValue(value: unknown): boolean {
  const pending: unknown[] = [value];
  const seen = new Set<object>();
  while (pending.length > 0) {
    const item = pending.pop();
    if (item === null || typeof item === 'string' || typeof item === 'boolean') continue;
    if (typeof item === 'number') {
      if (!Number.isFinite(item)) return false;
      continue;
    }
    if (typeof item !== 'object') return false;
    if (seen.has(item)) return false;
    seen.add(item);
    if (Array.isArray(item)) {
      for (let index = 0; index < item.length; index += 1) {
        if (!(index in item)) return false;
        pending.push(item[index]);
      }
      continue;
    }
    const prototype: unknown = Object.getPrototypeOf(item);
    if (prototype !== Object.prototype && prototype !== null) return false;
    if (Object.getOwnPropertySymbols(item).length > 0) return false;
    pending.push(...Object.values(item));
  }
  return true;
}
