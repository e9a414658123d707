import { exceedsDepth } from '../plan/index.js';
import { countTokens, countTokensUpTo } from '../tools/index.js';
import {
  DEFAULT_MAX_DEPTH,
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
   * `array`: items dropped past `kept`; `string`: characters dropped past `kept`; `depth`: a value
   * nested deeper than `kept` levels replaced by a marker (`dropped` 1); `result`: the whole
   * result replaced by a marker to fit a prompt's budget (`kept` 0, `dropped` its tokens, see
   * {@link countValueTokens}).
   */
  kind: 'array' | 'string' | 'depth' | 'result';
  kept: number;
  dropped: number;
}

export interface CompressedValue {
  value: unknown;
  cuts: ResultCut[];
  /**
   * Tokens of `JSON.stringify(value)`; when `overBudget`, as {@link countValueTokens} counts them
   * (for a huge value, an upper bound).
   */
  tokens: number;
  /** Still over `maxTokens` at the tightest limits (too many keys: keys are never dropped). */
  overBudget: boolean;
}

/**
 * Keeps a result under a token budget without hiding that it did: long arrays keep their first
 * items and end with `"…(+N more items)"`, long strings end with `"…(cut N characters)"`, values
 * nested past `maxDepth` become `"…(nested deeper than N levels)"`, every key is kept at every
 * depth above that. The limits are halved until the JSON fits, so a small result is returned
 * untouched and a large one loses its tails first.
 *
 * Bounded on any result: counting stops once the budget is passed, strings are cut before they are
 * counted, and nothing recurses deeper than `maxDepth`.
 */
export function compressValue(value: unknown, options: CompressOptions = {}): CompressedValue {
  const resolved = resolveCompressOptions(options);
  if (!exceedsDepth(value, resolved.maxDepth)) {
    const tokens = countTokensUpTo(toJson(value), resolved.maxTokens);
    if (tokens <= resolved.maxTokens) return { value, cuts: [], tokens, overBudget: false };
  }
  let items = resolved.maxArrayItems;
  let chars = resolved.maxStringChars;
  for (;;) {
    const cuts: ResultCut[] = [];
    const cut = cutValue(value, {
      items,
      chars,
      levels: resolved.maxDepth,
      depth: 0,
      path: '',
      cuts,
    });
    const json = toJson(cut);
    const cutTokens = countTokensUpTo(json, resolved.maxTokens);
    if (cutTokens <= resolved.maxTokens)
      return { value: cut, cuts, tokens: cutTokens, overBudget: false };
    if (items <= MIN_ARRAY_ITEMS && chars <= MIN_STRING_CHARS)
      return { value: cut, cuts, tokens: countJsonTokens(json), overBudget: true };
    items = Math.max(MIN_ARRAY_ITEMS, Math.floor(items / 2));
    chars = Math.max(MIN_STRING_CHARS, Math.floor(chars / 2));
  }
}

/** JSON longer than this is measured by its UTF-8 bytes in {@link countValueTokens}. */
export const EXACT_COUNT_MAX_CHARS = 65_536;

/**
 * Tokens of a value's JSON, for reports (what a cut dropped): exact up to
 * {@link EXACT_COUNT_MAX_CHARS} characters of JSON; above that its UTF-8 bytes, an upper bound
 * (every o200k token is at least one byte) that costs no tokenizing — counting 10 MB of CJK text
 * takes ~25 s. A value nested deeper than 32 levels is measured as cut there.
 */
export function countValueTokens(value: unknown): number {
  const bounded = exceedsDepth(value, DEFAULT_MAX_DEPTH)
    ? cutValue(value, {
        items: Number.POSITIVE_INFINITY,
        chars: Number.POSITIVE_INFINITY,
        levels: DEFAULT_MAX_DEPTH,
        depth: 0,
        path: '',
        cuts: [],
      })
    : value;
  return countJsonTokens(toJson(bounded));
}

function countJsonTokens(json: string): number {
  return json.length <= EXACT_COUNT_MAX_CHARS ? countTokens(json) : Buffer.byteLength(json);
}

function toJson(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

/** The marker that ends an array whose tail was dropped. */
export function moreItemsMarker(dropped: number): string {
  return `…(+${dropped.toLocaleString('en-US')} more items)`;
}

/** The marker that ends a string whose tail was cut. */
export function cutCharactersMarker(dropped: number): string {
  return `…(cut ${dropped.toLocaleString('en-US')} characters)`;
}

/** The marker that replaces a value nested deeper than `levels`. */
export function tooDeepMarker(levels: number): string {
  return `…(nested deeper than ${levels} levels)`;
}

function cutValue(
  value: unknown,
  context: {
    items: number;
    chars: number;
    /** Levels kept, and the level `value` stands at. */
    levels: number;
    depth: number;
    path: string;
    cuts: ResultCut[];
  },
): unknown {
  const { items, chars, levels, depth, path, cuts } = context;
  if (typeof value === 'string') {
    // A marker costs ~8 tokens: cutting fewer characters than it adds would grow the result.
    if (value.length <= chars + 32) return value;
    const kept = firstCodePoints(value, chars);
    cuts.push({ path, kind: 'string', kept: kept.length, dropped: value.length - kept.length });
    return kept + cutCharactersMarker(value.length - kept.length);
  }
  if (typeof value !== 'object' || value === null) return value;
  if (depth === levels) {
    cuts.push({ path, kind: 'depth', kept: levels, dropped: 1 });
    return tooDeepMarker(levels);
  }
  const inner = { ...context, depth: depth + 1 };
  if (Array.isArray(value)) {
    const kept = value
      .slice(0, items)
      .map((item, index) => cutValue(item, { ...inner, path: `${path}[${index}]` }));
    if (value.length <= items) return kept;
    cuts.push({ path, kind: 'array', kept: items, dropped: value.length - items });
    return [...kept, moreItemsMarker(value.length - items)];
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      cutValue(item, { ...inner, path: path === '' ? key : `${path}.${key}` }),
    ]),
  );
}

/** The first `count` code points of `text`, without spreading all of it into an array. */
function firstCodePoints(text: string, count: number): string {
  let end = 0;
  for (let taken = 0; taken < count && end < text.length; taken += 1) {
    const code = text.charCodeAt(end);
    end += code >= 0xd800 && code <= 0xdbff && end + 1 < text.length ? 2 : 1;
  }
  return text.slice(0, end);
}
