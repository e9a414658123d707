import { isDeepStrictEqual } from 'node:util';
import { createPlanStreamParser } from 'toolplan/internal';

/**
 * Runs the streaming parser once over the chunks and checks it against `JSON.parse` of the whole
 * text: every step emitted, in order, each equal to `JSON.parse(text).steps[i]`, each emitted
 * before the text ended, end() equal to `JSON.parse(text)`, and the emitted steps confirmed.
 * Returns what is wrong (empty when nothing is).
 */
export function checkStreamParse(text: string, chunks: readonly string[]): string[] {
  const expected = JSON.parse(text) as { steps: unknown[] };
  const emitted: unknown[] = [];
  const parser = createPlanStreamParser({ onStep: (step) => emitted.push(step) });
  let emittedBeforeLastChunk = 0;
  chunks.forEach((chunk, index) => {
    if (index === chunks.length - 1) emittedBeforeLastChunk = emitted.length;
    parser.write(chunk);
  });
  const problems: string[] = [];
  if (emitted.length !== expected.steps.length) {
    problems.push(`emitted ${emitted.length} of ${expected.steps.length} steps`);
  }
  const wrong = emitted.findIndex((step, index) => !isDeepStrictEqual(step, expected.steps[index]));
  if (wrong !== -1) problems.push(`step ${wrong} differs from JSON.parse(text).steps[${wrong}]`);
  if (emittedBeforeLastChunk !== expected.steps.length) {
    problems.push(`only ${emittedBeforeLastChunk} steps emitted before the last chunk`);
  }
  if (!isDeepStrictEqual(parser.end(), expected))
    problems.push('end() differs from JSON.parse(text)');
  if (parser.emittedStepsConfirmed !== true) problems.push('emittedStepsConfirmed is not true');
  return problems;
}
