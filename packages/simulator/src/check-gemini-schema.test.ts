import { createGoogleGenerativeAI } from '@ai-sdk/google';
import { describe, expect, it } from 'vitest';
import { checkGeminiSchema, describeGeminiSchemaProblem } from './check-gemini-schema.js';

/**
 * The `generationConfig.responseSchema` `@ai-sdk/google` sends for a JSON Schema response
 * format: the request is captured by a custom `fetch`, which answers with a canned reply.
 */
async function sentResponseSchema(schema: Record<string, unknown>): Promise<unknown> {
  let body: unknown;
  const google = createGoogleGenerativeAI({
    apiKey: 'test-key',
    fetch: async (_url, init) => {
      body = JSON.parse(String(init?.body)) as unknown;
      return Response.json({
        candidates: [
          { content: { role: 'model', parts: [{ text: '{}' }] }, finishReason: 'STOP', index: 0 },
        ],
        usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 1, totalTokenCount: 2 },
      });
    },
  });
  await google('gemini-2.5-flash').doGenerate({
    prompt: [{ role: 'user', content: [{ type: 'text', text: 'Plan.' }] }],
    responseFormat: { type: 'json', name: 'plan', schema: schema as never },
  });
  return (body as { generationConfig: { responseSchema: unknown } }).generationConfig
    .responseSchema;
}

/** A plan whose every object spells out its properties, as a strict-mode schema does. */
const closedPlanSchema = {
  type: 'object',
  properties: {
    steps: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          tool: { type: 'string', enum: ['get_weather', 'compare_temps'] },
          args: {
            type: 'object',
            properties: { city: { type: ['string', 'null'] }, date: { type: 'string' } },
            required: ['city', 'date'],
            additionalProperties: false,
          },
          after: { type: 'array', items: { type: 'string' } },
        },
        required: ['id', 'tool', 'args', 'after'],
        additionalProperties: false,
      },
    },
    answer: { type: ['string', 'null'] },
  },
  required: ['steps', 'answer'],
  additionalProperties: false,
};

describe('checkGeminiSchema', () => {
  it('accepts what @ai-sdk/google sends for a schema whose objects all have properties', async () => {
    const sent = await sentResponseSchema(closedPlanSchema);
    // The provider rewrote the schema into Gemini's dialect: no additionalProperties, nullable.
    expect(JSON.stringify(sent)).not.toContain('additionalProperties');
    expect(JSON.stringify(sent)).toContain('"nullable":true');
    expect(checkGeminiSchema(sent)).toEqual([]);
  });

  it('refuses the free-form object and the untyped array a loose plan schema sends', async () => {
    const sent = await sentResponseSchema({
      type: 'object',
      properties: {
        steps: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              args: { type: 'object' },
              forEach: { type: ['string', 'array'] },
            },
            required: ['id', 'args'],
            additionalProperties: false,
          },
        },
      },
      required: ['steps'],
    });
    expect(checkGeminiSchema(sent).map((problem) => describeGeminiSchemaProblem(problem))).toEqual([
      'GenerateContentRequest.generation_config.response_schema.properties["steps"].items.properties["args"].properties: should be non-empty for OBJECT type',
      'GenerateContentRequest.generation_config.response_schema.properties["steps"].items.properties["forEach"].any_of[1].items: missing field.',
    ]);
  });

  it('refuses the fields and values outside Gemini’s Schema object', () => {
    const problems = checkGeminiSchema({
      type: 'object',
      additionalProperties: false,
      properties: {
        a: { type: ['string', 'null'] },
        b: { type: 'string', format: 'uri' },
        c: { type: 'number', enum: [1, 2] },
        d: { type: 'string', properties: { x: { type: 'string' } } },
        e: { type: 'tuple' },
      },
      required: ['a', 'z'],
    });
    expect(problems.map((problem) => describeGeminiSchemaProblem(problem))).toEqual([
      'GenerateContentRequest.generation_config.response_schema: Unknown name "additionalProperties": Cannot find field.',
      'GenerateContentRequest.generation_config.response_schema.required[1]: property is not defined',
      'GenerateContentRequest.generation_config.response_schema.properties["a"].type: Proto field is not repeating, cannot start list.',
      'GenerateContentRequest.generation_config.response_schema.properties["b"].format: format "uri" is not supported for STRING schemas. Supported formats: for NUMBER type: float, double; for INTEGER type: int32, int64; for STRING type: enum, date-time.',
      'GenerateContentRequest.generation_config.response_schema.properties["c"].enum[0]: Invalid value (TYPE_STRING), 1',
      'GenerateContentRequest.generation_config.response_schema.properties["c"].enum[1]: Invalid value (TYPE_STRING), 2',
      'GenerateContentRequest.generation_config.response_schema.properties["d"].properties: only allowed for OBJECT type',
      'GenerateContentRequest.generation_config.response_schema.properties["e"].type: Invalid value (type.googleapis.com/google.ai.generativelanguage.v1beta.Type), "tuple"',
    ]);
  });

  it('names a property called "properties" as a property', () => {
    const [problem] = checkGeminiSchema({
      type: 'object',
      properties: {
        properties: { type: 'object', properties: { properties: { type: 'object' } } },
      },
    });
    expect(describeGeminiSchemaProblem(problem!)).toBe(
      'GenerateContentRequest.generation_config.response_schema.properties["properties"].properties["properties"].properties: should be non-empty for OBJECT type',
    );
  });
});
