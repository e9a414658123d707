import { z } from 'zod';
import { STEP_ID_PATTERN } from './reference.js';
/** The shape of one step, strict so that a misspelt key (`depends_on`) is reported, not ignored. */
export const planStepSchema = z
    .object({
    id: z
        .string()
        .regex(STEP_ID_PATTERN, 'A step id must match [A-Za-z_][A-Za-z0-9_]* (letters, digits, _)'),
    tool: z.string().min(1, 'A step needs the name of the tool it calls'),
    args: z.record(z.string(), z.unknown()).default({}),
    after: z.array(z.string()).optional(),
    forEach: z.union([z.string(), z.array(z.unknown())]).optional(),
    // Accepted so that a recorded plan validates again; the runtime overwrites what a model wrote.
    plannedAfterUntrusted: z.boolean().optional(),
})
    .strict();
/**
 * The plan's top level as accepted from a model: steps are checked one by one (each an object,
 * or a call string); `answer: null` (the wire form's "the results need reasoning") is no answer.
 */
export const planSchema = z
    .object({
    steps: z.array(z.unknown()),
    answer: z.string().nullable().optional(),
    needsReasoning: z.boolean().optional(),
})
    .strict();
