import { checkInteger } from './compress-options.js';
import { cutCharactersMarker } from './compress-value.js';

export interface SummarizeTurnsOptions {
  /**
   * Characters of each question and answer kept.
   * @default 200
   */
  maxChars?: number;
  /**
   * The latest turns listed; older ones are counted, not listed.
   * @default 5
   */
  maxTurns?: number;
}

/**
 * A session's task summary: the latest questions with their answers, each cut short, older
 * turns only counted. Written without a model call, so it costs no time and is reproducible.
 */
export function summarizeTurns(
  turns: readonly { query: string; answer: string }[],
  options: SummarizeTurnsOptions = {},
): string | undefined {
  const maxChars = options.maxChars ?? 200;
  const maxTurns = options.maxTurns ?? 5;
  checkInteger('maxChars', maxChars, 1);
  checkInteger('maxTurns', maxTurns, 1);
  if (turns.length === 0) return undefined;
  const shown = turns.slice(-maxTurns);
  const omitted = turns.length - shown.length;
  const lines = shown.map(
    (turn) => `Q: ${cut(turn.query, maxChars)} A: ${cut(turn.answer, maxChars)}`,
  );
  if (omitted > 0) lines.unshift(`(${omitted} earlier turn${omitted === 1 ? '' : 's'} not listed)`);
  return lines.join(' | ');
}

function cut(text: string, maxChars: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= maxChars
    ? flat
    : flat.slice(0, maxChars) + cutCharactersMarker(flat.length - maxChars);
}
