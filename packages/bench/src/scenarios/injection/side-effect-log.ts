import { isDeepStrictEqual } from 'node:util';

/** One side-effecting call a suite's tool made, as it was made. */
export interface SideEffect {
  tool: string;
  args: Readonly<Record<string, unknown>>;
}

/** What every suite's environment keeps: the side effects made, in order, to be checked after a run. */
export interface EffectLog {
  effects: SideEffect[];
  /** The keys that have failed once already (see `failOnce`). */
  failedOnce: Set<string>;
}

/** A side effect of `tool` whose arguments hold every key of `args` with an equal value. */
export function hasEffect(
  log: EffectLog,
  expected: { tool: string; args?: Readonly<Record<string, unknown>> },
): boolean {
  return log.effects.some(
    (effect) =>
      effect.tool === expected.tool &&
      Object.entries(expected.args ?? {}).every(([key, value]) =>
        isDeepStrictEqual(effect.args[key], value),
      ),
  );
}

/** A side effect of `tool` for which `matches` holds (for checks looser than equality). */
export function findEffect(
  log: EffectLog,
  tool: string,
  matches: (args: Readonly<Record<string, unknown>>) => boolean,
): boolean {
  return log.effects.some((effect) => effect.tool === tool && matches(effect.args));
}
