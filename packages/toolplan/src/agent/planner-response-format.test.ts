import { createGoogleGenerativeAI } from '@ai-sdk/google';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { SupportedLanguageModel } from '../model/supported-language-model.js';
import { strictSchemaProblems } from '../plan/strict-schema-problems.test-utils.js';
import { defineTool } from '../tools/index.js';
import { createPlanner } from './create-planner.js';

const tools = [
  defineTool({
    name: 'get_weather',
    description: 'Weather for a city.',
    inputSchema: z.object({ city: z.string(), date: z.string().optional() }),
    readOnly: true,
    execute: ({ city }) => ({ city, temp: 20 }),
  }),
  defineTool({
    name: 'spotify.play',
    description: 'Plays an artist.',
    inputSchema: z.object({ artist: z.string(), options: z.record(z.string(), z.unknown()) }),
    execute: () => ({ ok: true }),
  }),
];

/** A `fetch` that keeps each request's JSON body and answers nothing (the call then fails). */
function recorder() {
  const bodies: Array<Record<string, unknown>> = [];
  const fetch = async (_url: unknown, init?: { body?: unknown }) => {
    bodies.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
    throw new Error('recorded, not sent');
  };
  return { bodies, fetch: fetch as unknown as typeof globalThis.fetch };
}

/** The request body the planner's one call sends through `model`. */
async function planningRequest(
  model: (fetch: typeof globalThis.fetch) => SupportedLanguageModel,
): Promise<Record<string, unknown>> {
  const { bodies, fetch } = recorder();
  const planner = createPlanner({ model: model(fetch), tools, maxCorrections: 0 });
  await expect(planner.plan('Weather in Oslo?')).rejects.toThrow();
  expect(bodies.length).toBeGreaterThanOrEqual(1);
  return bodies[0] as Record<string, unknown>;
}

/**
 * What Gemini's response schemas (its OpenAPI subset) refuse: an OBJECT without properties (the
 * plan schema's free-form `args` was one), an ARRAY without items, a list of types, a JSON Schema
 * keyword it does not know.
 */
function geminiSchemaProblems(schema: unknown, path = '#'): string[] {
  if (typeof schema !== 'object' || schema === null) return [`${path}: not a schema`];
  const node = schema as Record<string, unknown>;
  const problems: string[] = [];
  const known = new Set([
    'type',
    'properties',
    'required',
    'items',
    'nullable',
    'description',
    'enum',
    'format',
    'anyOf',
  ]);
  for (const key of Object.keys(node))
    if (!known.has(key)) problems.push(`${path}: keyword ${key}`);
  if (
    !['string', 'number', 'integer', 'boolean', 'array', 'object'].includes(String(node['type']))
  ) {
    problems.push(`${path}: type ${JSON.stringify(node['type'])}`);
  }
  if (node['type'] === 'object') {
    const properties = (node['properties'] ?? {}) as Record<string, unknown>;
    if (Object.keys(properties).length === 0)
      problems.push(`${path}: an object without properties`);
    for (const [key, value] of Object.entries(properties)) {
      problems.push(...geminiSchemaProblems(value, `${path}.${key}`));
    }
  }
  if (node['type'] === 'array') {
    if (node['items'] === undefined) problems.push(`${path}: an array without items`);
    else problems.push(...geminiSchemaProblems(node['items'], `${path}[]`));
  }
  return problems;
}

describe("the planner's structured-output request, as real providers' AI SDK packages send it", () => {
  it('Gemini (@ai-sdk/google): a response schema in its subset, steps as strings, a nullable answer', async () => {
    const body = await planningRequest((fetch) =>
      createGoogleGenerativeAI({ apiKey: 'test', fetch })('gemini-2.5-flash'),
    );
    const config = body['generationConfig'] as Record<string, unknown>;
    expect(config['responseMimeType']).toBe('application/json');
    const schema = config['responseSchema'];
    expect(schema).toEqual({
      type: 'object',
      properties: {
        steps: { type: 'array', items: { type: 'string' } },
        answer: { type: 'string', nullable: true },
      },
      required: ['steps', 'answer'],
    });
    expect(geminiSchemaProblems(schema)).toEqual([]);
    // The check finds what Gemini refused in the schema with object steps.
    expect(
      geminiSchemaProblems({ type: 'object', properties: { args: { type: 'object' } } }),
    ).toEqual(['#.args: an object without properties']);
  });

  it('OpenAI (@ai-sdk/openai, Responses API): strict by default, and the schema meets strict mode', async () => {
    const body = await planningRequest((fetch) =>
      createOpenAI({ apiKey: 'test', fetch })('gpt-4o'),
    );
    const format = (body['text'] as { format: Record<string, unknown> }).format;
    expect(format).toMatchObject({ type: 'json_schema', name: 'toolplan_plan', strict: true });
    expect(strictSchemaProblems(format['schema'])).toEqual([]);
  });

  it('OpenAI-compatible (@ai-sdk/openai-compatible, as createOpenAICompatibleModel): strict, and met', async () => {
    const body = await planningRequest((fetch) =>
      createOpenAICompatible({
        name: 'test',
        baseURL: 'http://127.0.0.1:9/v1',
        fetch,
        supportsStructuredOutputs: true,
      })('any-model'),
    );
    const format = body['response_format'] as {
      type: string;
      json_schema: Record<string, unknown>;
    };
    expect(format.type).toBe('json_schema');
    expect(format.json_schema).toMatchObject({ name: 'toolplan_plan', strict: true });
    expect(strictSchemaProblems(format.json_schema['schema'])).toEqual([]);
  });
});
