import { stringify } from 'safe-stable-stringify';

export interface SummarizeResultOptions {
  /**
   * Longest summary, in characters; deeper levels are folded until it fits.
   * @default 240
   */
  maxChars?: number;
  /**
   * Longest string value kept; longer ones are cut and marked with their length.
   * @default 40
   */
  maxString?: number;
  /**
   * Most keys kept per object.
   * @default 12
   */
  maxKeys?: number;
}

/**
 * A short JSON summary of a tool's result: its shape (keys, array lengths) with short scalar values
 * kept, folded level by level until it fits `maxChars`. The result itself can be large or private;
 * the trace keeps what the miner and a reader need to see its structure. Always valid JSON.
 */
export function summarizeResult(value: unknown, options: SummarizeResultOptions = {}): string {
  const maxChars = options.maxChars ?? 240;
  const limits = { maxString: options.maxString ?? 40, maxKeys: options.maxKeys ?? 12 };
  const fits = (depth: number, maxKeys: number) => {
    const text = stringify(shape(value, depth, { ...limits, maxKeys }, new Set())) ?? 'null';
    return text.length <= maxChars ? text : undefined;
  };
  // Fold depth first (the top-level keys say most about a result), then drop keys.
  for (let depth = 4; depth >= 1; depth -= 1) {
    const text = fits(depth, limits.maxKeys);
    if (text !== undefined) return text;
  }
  for (let keys = Math.floor(limits.maxKeys / 2); keys >= 1; keys = Math.floor(keys / 2)) {
    const text = fits(1, keys);
    if (text !== undefined) return text;
  }
  return JSON.stringify(describe(value));
}

function shape(
  value: unknown,
  depth: number,
  limits: { maxString: number; maxKeys: number },
  seen: Set<object>,
): unknown {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string') {
    return value.length <= limits.maxString
      ? value
      : `${value.slice(0, limits.maxString)}…(${value.length} chars)`;
  }
  if (typeof value !== 'object') return `<${typeof value}>`;
  if (seen.has(value)) return '<cycle>';
  if (depth === 0) return describe(value);
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      // One element shows the item shape; the length says how many there were.
      const items: unknown[] = value.length === 0 ? [] : [shape(value[0], depth - 1, limits, seen)];
      if (value.length > 1) items.push(`…${value.length} items`);
      return items;
    }
    const entries = Object.entries(value);
    const kept = Object.fromEntries(
      entries
        .slice(0, limits.maxKeys)
        .map(([key, item]) => [key, shape(item, depth - 1, limits, seen)]),
    );
    if (entries.length > limits.maxKeys) kept['…'] = `${entries.length - limits.maxKeys} more keys`;
    return kept;
  } finally {
    seen.delete(value);
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return `<array ${value.length}>`;
  if (value !== null && typeof value === 'object')
    return `<object ${Object.keys(value).length} keys>`;
  return `<${typeof value}>`;
}
