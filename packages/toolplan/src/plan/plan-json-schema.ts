/**
 * The JSON Schema of a plan for the given tools (tool names as an enum), as sent to providers
 * for structured output. Deliberately minimal: the schema is input on every planning call, so
 * each keyword costs tokens every time, and the validator checks everything the schema leaves out
 * (id syntax, references, arguments against each tool's schema). Not strict mode: `args` is a
 * free-form object, which strict structured outputs cannot express.
 */
export function planJsonSchema(toolNames: readonly string[]): Record<string, unknown> {
  return {
    type: 'object',
    properties: {
      steps: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            tool: toolNames.length > 0 ? { enum: [...toolNames] } : { type: 'string' },
            args: { type: 'object' },
            after: { type: 'array', items: { type: 'string' } },
            forEach: { type: ['string', 'array'] },
          },
          required: ['id', 'tool', 'args'],
          additionalProperties: false,
        },
      },
      answer: { type: 'string' },
      needsReasoning: { type: 'boolean' },
    },
    required: ['steps'],
    additionalProperties: false,
  };
}
