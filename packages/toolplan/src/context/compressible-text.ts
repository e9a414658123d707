import type { ResultCut } from './compress-value.js';

/**
 * A prompt text with a part that may be cut to fit a budget: results keyed by step id (already
 * projected and compressed), and how the text is written around them. Everything else the text
 * holds (the question, the failures, the instructions) is kept whole.
 */
export interface CompressibleText {
  results: Record<string, unknown>;
  /** What compressing the results one by one already cut; reported with the prompt. */
  cuts?: readonly ResultCut[];
  render(results: Record<string, unknown>): string;
}

/** A text with nothing to cut. */
export function fixedText(text: string): CompressibleText {
  return { results: {}, render: () => text };
}
