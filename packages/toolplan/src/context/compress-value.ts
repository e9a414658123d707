import { countTokens } from '../tools/index.js';
import {
  MIN_ARRAY_ITEMS,
  MIN_STRING_CHARS,
  resolveCompressOptions,
  type CompressOptions,
} from './compress-options.js';

/** One thing cut from a result, as reported beside the text the model gets. */
export interface ResultCut {
  /** The result's step id, where known. */
  id?: string;
  /** Where in the result, as a reference path (`items[3].body`); `''` is the whole result. */
  path: string;
  /**
   * `array`: items dropped past `kept`; `string`: characters dropped past `kept`; `result`: the
   * whole result replaced by a marker to fit a prompt's budget (`kept` 0, `dropped` its tokens).
   */
  kind: 'array' | 'string' | 'result';
  kept: number;
  dropped: number;
}

export interface CompressedValue {
  value: unknown;
  cuts: ResultCut[];
  /** Tokens of `JSON.stringify(value)`. */
  tokens: number;
  /** Still over `maxTokens` at the tightest limits (too many keys: keys are never dropped). */
  overBudget: boolean;
}

/**
 * Keeps a result under a token budget without hiding that it did: long arrays keep their first
 * items and end with `"…(+N more items)"`, long strings end with `"…(cut N characters)"`, every
 * key is kept at every depth. The limits are halved until the JSON fits, so a small result is
 * returned untouched and a large one loses its tails first.
 */
export function compressValue(value: unknown, options: CompressOptions = {}): CompressedValue {
  const resolved = resolveCompressOptions(options);
  const tokens = countTokens(JSON.stringify(value) ?? 'null');
  if (tokens <= resolved.maxTokens) return { value, cuts: [], tokens, overBudget: false };
  let items = resolved.maxArrayItems;
  let chars = resolved.maxStringChars;
  for (;;) {
    const cuts: ResultCut[] = [];
    const cut = cutValue(value, { items, chars, path: '', cuts });
    const cutTokens = countTokens(JSON.stringify(cut) ?? 'null');
    const tightest = items <= MIN_ARRAY_ITEMS && chars <= MIN_STRING_CHARS;
    if (cutTokens <= resolved.maxTokens || tightest)
      return { value: cut, cuts, tokens: cutTokens, overBudget: cutTokens > resolved.maxTokens };
    items = Math.max(MIN_ARRAY_ITEMS, Math.floor(items / 2));
    chars = Math.max(MIN_STRING_CHARS, Math.floor(chars / 2));
  }
}

/** The marker that ends an array whose tail was dropped. */
export function moreItemsMarker(dropped: number): string {
  return `…(+${dropped.toLocaleString('en-US')} more items)`;
}

/** The marker that ends a string whose tail was cut. */
export function cutCharactersMarker(dropped: number): string {
  return `…(cut ${dropped.toLocaleString('en-US')} characters)`;
}

function cutValue(
  value: unknown,
  context: { items: number; chars: number; path: string; cuts: ResultCut[] },
): unknown {
  const { items, chars, path, cuts } = context;
  if (typeof value === 'string') {
    // A marker costs ~8 tokens: cutting fewer characters than it adds would grow the result.
    if (value.length <= chars + 32) return value;
    const kept = [...value].slice(0, chars).join('');
    cuts.push({ path, kind: 'string', kept: kept.length, dropped: value.length - kept.length });
    return kept + cutCharactersMarker(value.length - kept.length);
  }
  if (Array.isArray(value)) {
    const kept = value
      .slice(0, items)
      .map((item, index) => cutValue(item, { ...context, path: `${path}[${index}]` }));
    if (value.length <= items) return kept;
    cuts.push({ path, kind: 'array', kept: items, dropped: value.length - items });
    return [...kept, moreItemsMarker(value.length - items)];
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        cutValue(item, { ...context, path: path === '' ? key : `${path}.${key}` }),
      ]),
    );
  }
  return value;
}
