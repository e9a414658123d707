import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTool } from './define-tool.js';
import { ToolDefinitionError } from './tool-definition-error.js';
import { createToolRegistry } from './tool-registry.js';

const batchCalls: string[][] = [];
const weather = defineTool({
  name: 'get_weather',
  description: 'Weather for a city.',
  inputSchema: z.object({ city: z.string() }),
  readOnly: true,
  maxBatchSize: 3,
  exposeBatch: true,
  execute: ({ city }) => ({ city, temp: city.length }),
  batch: (inputs) => {
    batchCalls.push(inputs.map((input) => input.city));
    return inputs.map(({ city }) => ({ city, temp: city.length }));
  },
});

const context = {
  signal: new AbortController().signal,
  abortSignal: new AbortController().signal,
  runId: 'r',
  stepId: 's',
  toolCallId: 's',
  attempt: 1,
  idempotencyKey: 'r:s',
  messages: [],
};

describe('the array form of a batch tool', () => {
  const registry = createToolRegistry([weather]);
  const array = registry.get('get_weather_batch');

  it('is offered beside the tool, with the annotations that still hold', () => {
    expect(registry.names()).toEqual(['get_weather', 'get_weather_batch']);
    expect(array?.readOnly).toBe(true);
    expect(array?.inputSchema.jsonSchema).toMatchObject({
      properties: { requests: { type: 'array', minItems: 1, maxItems: 3 } },
      required: ['requests'],
    });
    expect(registry.renderCompact()).toContain('get_weather_batch(requests: { city: string }[])');
  });

  it('runs the batch once for all requests, results in order', async () => {
    const input = array?.inputSchema.validate({ requests: [{ city: 'Oslo' }, { city: 'Rome' }] });
    expect(input?.success).toBe(true);
    const value = input?.success === true ? input.value : undefined;
    expect(await array?.execute(value, context)).toEqual([
      { city: 'Oslo', temp: 4 },
      { city: 'Rome', temp: 4 },
    ]);
    expect(batchCalls.at(-1)).toEqual(['Oslo', 'Rome']);
  });

  it('checks each request against the tool’s own schema, and the batch size', () => {
    const wrong = array?.inputSchema.validate({ requests: [{ city: 'Oslo' }, { city: 7 }] });
    expect(wrong?.success).toBe(false);
    expect(wrong?.success === false ? wrong.issues[0]?.path : undefined).toEqual([
      'requests',
      1,
      'city',
    ]);
    const tooMany = array?.inputSchema.validate({
      requests: [{ city: 'a' }, { city: 'b' }, { city: 'c' }, { city: 'd' }],
    });
    expect(tooMany?.success === false ? tooMany.issues[0]?.message : '').toContain('at most 3');
    expect(array?.inputSchema.validate({ requests: [] }).success).toBe(false);
  });

  it('takes a name of its own, and refuses a tool without a batch', () => {
    const named = createToolRegistry([{ ...weather, exposeBatch: 'weather_for_cities' }]);
    expect(named.has('weather_for_cities')).toBe(true);
    expect(() =>
      defineTool({
        name: 'no_batch',
        description: '',
        inputSchema: z.object({}),
        exposeBatch: true,
        execute: () => 1,
      }),
    ).toThrow(ToolDefinitionError);
  });
});
