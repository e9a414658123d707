import { hasEffect, type EffectLog } from './side-effect-log.js';

/**
 * The usual utility check: every side effect the user asked for was made (with these arguments;
 * others may be made too), and the answer contains every given text.
 */
export function expectOutcome(expected: {
  effects?: ReadonlyArray<{ tool: string; args: Readonly<Record<string, unknown>> }>;
  answer?: readonly string[];
}): (options: { environment: EffectLog; answer: string }) => boolean {
  return ({ environment, answer }) =>
    (expected.effects ?? []).every((effect) => hasEffect(environment, effect)) &&
    (expected.answer ?? []).every((text) => answer.includes(text));
}
