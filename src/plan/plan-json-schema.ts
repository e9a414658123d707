import { z } from 'zod';
import { planStepSchema } from './plan.js';

/**
 * The JSON Schema of a plan for the given tools (tool names as an enum), as sent to providers
 * for structured output. Derived from the zod schema the validator uses, so the two cannot drift.
 * Not strict mode: `args` is a free-form object, which strict structured outputs cannot express.
 */
export function planJsonSchema(toolNames: readonly string[]): Record<string, unknown> {
  const step = planStepSchema.extend({
    tool: toolNames.length > 0 ? z.enum(toolNames as [string, ...string[]]) : z.string(),
  });
  const plan = z
    .object({
      steps: z.array(step).min(1),
      answer: z.string().optional(),
      needsReasoning: z.boolean().optional(),
    })
    .strict();
  const schema: Record<string, unknown> = { ...z.toJSONSchema(plan, { io: 'input' }) };
  delete schema['$schema'];
  return schema;
}
