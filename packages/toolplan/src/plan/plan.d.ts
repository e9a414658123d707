import { z } from 'zod';
/** One tool call of a plan. */
export interface PlanStep {
    /** Unique within the plan, `[A-Za-z_][A-Za-z0-9_]*`. */
    id: string;
    tool: string;
    /**
     * Arguments; strings may hold references (`$id.path`, `${id.path}`; in a `forEach` step also
     * `$item`, `$index` and `$id[$index]`, the element of `id`'s list at this element's position).
     */
    args: Record<string, unknown>;
    /** Steps that must finish first although no data flows from them. */
    after?: string[];
    /** Run once per element: a reference to an array (`$list.items`) or a literal array. */
    forEach?: string | unknown[];
    /**
     * Set by the runtime, never taken from the model: the step was planned by a model call whose
     * prompt held output of a tool that is not `trusted` (a replan, a resume with results, a
     * session's follow-up), so text a tool returned may have chosen it (DESIGN.md, "Trust").
     */
    plannedAfterUntrusted?: boolean;
}
/**
 * The contract between model and runtime (see DESIGN.md, "The plan"), in its canonical form: the
 * form the runtime executes and every other layer speaks. Models are asked for the shorter wire
 * form (`PlanEnvelope`: steps as call strings), which validation reads into this one.
 */
export interface Plan {
    steps: PlanStep[];
    /** A template of the final answer, e.g. `Warmer: ${cmp.warmer}`. */
    answer?: string;
    /** Set by the model when the results need reasoning before an answer can be given. */
    needsReasoning?: boolean;
}
/** The shape of one step, strict so that a misspelt key (`depends_on`) is reported, not ignored. */
export declare const planStepSchema: z.ZodObject<{
    id: z.ZodString;
    tool: z.ZodString;
    args: z.ZodDefault<z.ZodRecord<z.ZodString, z.ZodUnknown>>;
    after: z.ZodOptional<z.ZodArray<z.ZodString>>;
    forEach: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodArray<z.ZodUnknown>]>>;
    plannedAfterUntrusted: z.ZodOptional<z.ZodBoolean>;
}, z.core.$strict>;
/**
 * The plan's top level as accepted from a model: steps are checked one by one (each an object,
 * or a call string); `answer: null` (the wire form's "the results need reasoning") is no answer.
 */
export declare const planSchema: z.ZodObject<{
    steps: z.ZodArray<z.ZodUnknown>;
    answer: z.ZodOptional<z.ZodNullable<z.ZodString>>;
    needsReasoning: z.ZodOptional<z.ZodBoolean>;
}, z.core.$strict>;
