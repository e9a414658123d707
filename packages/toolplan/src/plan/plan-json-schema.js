/**
 * The JSON Schema sent to providers for structured output: the plan's wire form
 * (`PlanEnvelope`), `{"steps": ["w=get_weather(city='Oslo')", …], "answer": "…" | null}`.
 *
 * Steps are strings, not objects: a step's `args` differ per tool, and strict structured outputs
 * (OpenAI's, and the AI SDK's OpenAI providers send `strict: true` by default) admit no free-form
 * object, while every optional key would have to be written out (`"after": null`) — longer plans,
 * and plan tokens are decode time. Gemini refuses an object without properties. This schema is
 * strict as it stands: every object closed, every property required, every array typed. It is
 * input on every planning call, so it has no descriptions (the planner's prompt teaches the
 * form); the validator checks everything it leaves out (the call syntax, tools, ids, references,
 * arguments against each tool's schema).
 *
 * @param _toolNames ignored (the schema no longer lists the tools), accepted for callers of the
 *   earlier signature.
 */
export function planJsonSchema(
// Once the tool names (an enum of the step's `tool`); a step is a string now, and the validator
// names an unknown tool with the closest known ones. Kept so that callers passing them compile.
_toolNames) {
    return {
        type: 'object',
        properties: {
            steps: { type: 'array', items: { type: 'string' } },
            answer: { type: ['string', 'null'] },
        },
        required: ['steps', 'answer'],
        additionalProperties: false,
    };
}
