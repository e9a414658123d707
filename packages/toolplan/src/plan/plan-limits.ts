/** Bounds a plan must stay within; checked at validation (and, for referenced arrays, at run time). */
export interface PlanLimits {
  /**
   * Most steps a plan may have.
   * @default 100
   */
  maxSteps: number;
  /**
   * Most elements a `forEach` may run over.
   * @default 100
   */
  maxForEachItems: number;
  /**
   * Deepest nesting of arrays and objects in a step written as a call string
   * (`id=tool(name=[[…]])`): its parser recurses once per level, so the depth is bounded.
   * @default 64
   */
  maxStepCallDepth: number;
}

export const defaultPlanLimits: Readonly<PlanLimits> = Object.freeze({
  maxSteps: 100,
  maxForEachItems: 100,
  maxStepCallDepth: 64,
});

/** Fills in defaults and rejects nonsense eagerly, with the offending value in the message. */
export function resolvePlanLimits(limits: Partial<PlanLimits> = {}): PlanLimits {
  const resolved = { ...defaultPlanLimits, ...limits };
  for (const key of ['maxSteps', 'maxForEachItems', 'maxStepCallDepth'] as const) {
    const value = resolved[key];
    if (!Number.isInteger(value) || value < 1) {
      throw new TypeError(`Expected \`${key}\` to be a positive integer, got \`${String(value)}\``);
    }
  }
  return resolved;
}
