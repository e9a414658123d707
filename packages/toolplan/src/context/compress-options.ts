/** How a result is kept under its token budget (see {@link compressValue}). */
export interface CompressOptions {
  /**
   * Most tokens (o200k) a result's JSON may take before arrays and strings are cut further.
   * @default 800
   */
  maxTokens?: number;
  /**
   * Items of an array kept before the rest is replaced by a count (`"…(+42 more items)"`).
   * Halved while the result is over `maxTokens`, down to 1.
   * @default 10
   */
  maxArrayItems?: number;
  /**
   * Characters of a string kept before the rest is replaced by a count
   * (`"…(cut 3,210 characters)"`). Halved while the result is over `maxTokens`, down to 16.
   * @default 400
   */
  maxStringChars?: number;
  /**
   * Levels of arrays and objects kept; a value nested deeper is replaced by a marker
   * (`"…(nested deeper than 32 levels)"`). Results come from tools and may be hostile: this
   * bounds the work and the stack that compressing them takes.
   * @default 32
   */
  maxDepth?: number;
}

export type ResolvedCompressOptions = Required<CompressOptions>;

/** The smallest limits tightening goes down to: below these a result says nothing useful. */
export const MIN_ARRAY_ITEMS = 1;
export const MIN_STRING_CHARS = 16;
/** Levels of a result kept by default (see `maxDepth`). */
export const DEFAULT_MAX_DEPTH = 32;

/** Fills in defaults and checks every option at once, so a wrong one fails where it was written. */
export function resolveCompressOptions(options: CompressOptions = {}): ResolvedCompressOptions {
  const resolved = {
    maxTokens: options.maxTokens ?? 800,
    maxArrayItems: options.maxArrayItems ?? 10,
    maxStringChars: options.maxStringChars ?? 400,
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
  };
  checkInteger('maxTokens', resolved.maxTokens, 1);
  checkInteger('maxArrayItems', resolved.maxArrayItems, MIN_ARRAY_ITEMS);
  checkInteger('maxStringChars', resolved.maxStringChars, MIN_STRING_CHARS);
  checkInteger('maxDepth', resolved.maxDepth, 1);
  return resolved;
}

export function checkInteger(name: string, value: number, min: number): void {
  if (!(Number.isInteger(value) && value >= min)) {
    throw new TypeError(`Expected \`${name}\` to be an integer ≥ ${min}, got \`${String(value)}\``);
  }
}
