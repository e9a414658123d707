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
    /**
     * Deepest nesting of arrays and objects in a plan, counted from the plan itself (its `steps` list
     * is level 2, a step level 3, its `args` level 4). Validation, reference compiling and
     * resolution walk values recursively; a plan is checked against this first, without recursion,
     * so a hostile one is a validation issue, not a stack overflow.
     * @default 64
     */
    maxValueDepth: number;
    /**
     * Most references (`$id…`, `${id…}`) a plan may hold, counted as the unescaped `$` signs in its
     * strings. Each costs work at validation and at every resolution; checked before either.
     * @default 10000
     */
    maxReferences: number;
}
export declare const defaultPlanLimits: Readonly<PlanLimits>;
/** Fills in defaults and rejects nonsense eagerly, with the offending value in the message. */
export declare function resolvePlanLimits(limits?: Partial<PlanLimits>): PlanLimits;
