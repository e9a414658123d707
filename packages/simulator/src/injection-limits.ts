/**
 * Bounds on the work the worst-case model does for injected text: beyond them blocks, spans and
 * calls are ignored, so a huge or malformed prompt costs one linear scan and nothing more.
 */
export const injectionLimits = {
  /** Blocks read per request; later ones are ignored. */
  maxBlocks: 64,
  /** A block longer than this (between its tags, as written) is ignored. */
  maxBlockChars: 64 * 1024,
  /** How many layers of JSON string escaping are undone inside a block. */
  maxUnescapeDepth: 4,
  /** A backtick span longer than this is ignored. */
  maxSpanChars: 4 * 1024,
  /** Injected calls obeyed per request; later ones are ignored. */
  maxCalls: 16,
} as const;
