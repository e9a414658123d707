import { jsonSchema, tool as aiTool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { countTokens } from './count-tokens.js';
import { defineTool } from './define-tool.js';
import { createToolRegistry, ToolRegistry } from './tool-registry.js';
import { ToolDefinitionError } from './tool-definition-error.js';

const getWeather = defineTool({
  name: 'get_weather',
  description: 'Current weather for a city.',
  inputSchema: z.object({
    city: z.string().describe('City name'),
    unit: z.enum(['c', 'f']).default('c'),
    days: z.number().int().optional(),
  }),
  readOnly: true,
  execute: ({ city }) => ({ city, temp: 20 }),
});

const placeOrder = {
  name: 'shop.order',
  description: 'Places an order.',
  parameters: {
    type: 'dict',
    properties: {
      items: {
        type: 'array',
        items: {
          type: 'dict',
          properties: { sku: { type: 'string' }, qty: { type: 'integer' } },
          required: ['sku'],
        },
      },
      shapes: {
        type: 'array',
        items: {
          anyOf: [
            { type: 'dict', properties: { r: { type: 'float' } }, required: ['r'] },
            { type: 'dict', properties: { w: { type: 'float' } }, required: ['w'] },
          ],
        },
      },
    },
    required: ['items'],
  },
  execute: () => ({ ok: true }),
};

const noop = () => null;

describe('createToolRegistry', () => {
  it('takes an array of tools in any form, keeping their order', () => {
    const registry = createToolRegistry([getWeather, placeOrder]);
    expect(registry.names()).toEqual(['get_weather', 'shop.order']);
    expect(registry.size).toBe(2);
    expect(registry.has('shop.order')).toBe(true);
    expect(registry.has('shop_order')).toBe(false);
    expect(registry.get('get_weather')).toBe(getWeather);
    expect(registry.get('nope')).toBeUndefined();
    expect(registry.list().map((tool) => tool.name)).toEqual(['get_weather', 'shop.order']);
  });

  it('uses the keys of a record as names (an AI SDK tool set)', async () => {
    const registry = createToolRegistry({
      weather: aiTool({
        description: 'Weather.',
        inputSchema: jsonSchema<{ city: string }>({
          type: 'object',
          properties: { city: { type: 'string' } },
          required: ['city'],
        }),
        execute: async ({ city }) => `${city}: sunny`,
      }),
      clock: { description: 'Time.', parameters: { type: 'object' }, execute: () => 'noon' },
    });
    expect(registry.names()).toEqual(['weather', 'clock']);
    const weather = registry.get('weather');
    expect(weather?.description).toBe('Weather.');
    const signal = new AbortController().signal;
    const result = await weather?.execute(
      { city: 'Boston' },
      {
        signal,
        abortSignal: signal,
        runId: 'r',
        stepId: 's',
        toolCallId: 'r:s',
        attempt: 1,
        idempotencyKey: 'r:s',
        messages: [],
      },
    );
    expect(result).toBe('Boston: sunny');
  });

  it('rejects two tools with the same name', () => {
    let thrown: unknown;
    try {
      createToolRegistry([getWeather, { name: 'get_weather', execute: noop }]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ToolDefinitionError);
    expect((thrown as ToolDefinitionError).message).toBe(
      'Two tools are named `get_weather`; names must be unique.',
    );
    expect((thrown as ToolDefinitionError).toolName).toBe('get_weather');
  });

  it('rejects a record key that clashes with another tool’s own name', () => {
    expect(() =>
      createToolRegistry({ a: { name: 'b', execute: noop }, b: { execute: noop } }),
    ).toThrow('Two tools are named `b`');
  });

  it('returns a registry it is given as it is', () => {
    const registry = createToolRegistry([getWeather]);
    expect(registry).toBeInstanceOf(ToolRegistry);
    expect(createToolRegistry(registry)).toBe(registry);
  });
});

describe('ToolRegistry.checkArguments', () => {
  const registry = createToolRegistry([getWeather, placeOrder]);

  it('returns no issues for valid arguments', () => {
    expect(registry.checkArguments('get_weather', { city: 'Boston' })).toEqual([]);
    expect(
      registry.checkArguments('shop.order', { items: [{ sku: 'a', qty: 2 }], shapes: [{ r: 1 }] }),
    ).toEqual([]);
  });

  it("returns the tool schema's issues for invalid ones", () => {
    expect(registry.checkArguments('shop.order', { items: [{ qty: 2.5 }] })).toEqual([
      { path: ['items', 0, 'sku'], message: '`items.0.sku` is required but missing' },
      { path: ['items', 0, 'qty'], message: '`items.0.qty`: must be integer' },
    ]);
    const issues = registry.checkArguments('get_weather', { city: 'Boston', unit: 'kelvin' });
    expect(issues.map((issue) => issue.path)).toEqual([['unit']]);
  });
});

describe('ToolRegistry.renderCompact', () => {
  const registry = createToolRegistry([getWeather, placeOrder]);

  it('renders each tool as one signature, with parameter descriptions', () => {
    expect(registry.renderCompact()).toBe(
      [
        'get_weather(city: string, unit?: "c" | "f" = "c", days?: integer) — Current weather for a city.',
        '  city: City name',
        'shop.order(items: { sku: string; qty?: integer }[], shapes?: ({ r: number } | { w: number })[]) — Places an order.',
      ].join('\n'),
    );
  });

  it('passes the description option on', () => {
    expect(registry.renderCompact({ descriptions: 'none' })).toBe(
      [
        'get_weather(city: string, unit?: "c" | "f" = "c", days?: integer)',
        'shop.order(items: { sku: string; qty?: integer }[], shapes?: ({ r: number } | { w: number })[])',
      ].join('\n'),
    );
  });
});

describe('ToolRegistry token report', () => {
  it('shows the compact rendering costs fewer tokens than the JSON Schema', () => {
    const registry = createToolRegistry([getWeather, placeOrder]);
    const report = registry.tokenReport();
    expect(report.compactTokens).toBeLessThan(report.jsonSchemaTokens);
    expect(report.compactTokens).toBe(countTokens(registry.renderCompact()));
    expect(report.jsonSchemaTokens).toBe(
      countTokens(JSON.stringify(registry.providerDefinitions())),
    );
    expect(report.tools.map((tool) => tool.name)).toEqual(['get_weather', 'shop.order']);
    for (const tool of report.tools) {
      expect(tool.compactTokens).toBeGreaterThan(5);
      expect(tool.compactTokens).toBeLessThan(tool.jsonSchemaTokens);
    }
  });

  it('counts fewer tokens without descriptions', () => {
    const registry = createToolRegistry([getWeather]);
    expect(registry.tokenReport({ descriptions: 'none' }).compactTokens).toBeLessThan(
      registry.tokenReport().compactTokens,
    );
  });
});

describe('ToolRegistry provider names', () => {
  it('maps `spotify.play` to `spotify_play` and back', () => {
    const registry = createToolRegistry([{ name: 'spotify.play', execute: noop }, getWeather]);
    expect(registry.providerName('spotify.play')).toBe('spotify_play');
    expect(registry.providerName('get_weather')).toBe('get_weather');
    expect(registry.toolNameFromProvider('spotify_play')).toBe('spotify.play');
    expect(registry.toolNameFromProvider('get_weather')).toBe('get_weather');
    expect(registry.toolNameFromProvider('unknown_tool')).toBeUndefined();
  });

  it('resolves a collision (`a.b` and `a_b`) reversibly', () => {
    const registry = createToolRegistry([
      { name: 'a.b', execute: noop },
      { name: 'a_b', execute: noop },
    ]);
    const dotted = registry.providerName('a.b');
    const underscored = registry.providerName('a_b');
    expect(dotted).not.toBe(underscored);
    expect([dotted, underscored]).toEqual(['a_b', 'a_b_2']);
    expect(registry.toolNameFromProvider(dotted)).toBe('a.b');
    expect(registry.toolNameFromProvider(underscored)).toBe('a_b');
  });

  it('keeps names unique when a suffixed name is taken too', () => {
    const names = ['a.b', 'a_b', 'a:b', 'a_b_2'];
    const registry = createToolRegistry(names.map((name) => ({ name, execute: noop })));
    const providerNames = names.map((name) => registry.providerName(name));
    expect(new Set(providerNames).size).toBe(names.length);
    for (const [index, name] of names.entries()) {
      expect(registry.toolNameFromProvider(providerNames[index] as string)).toBe(name);
    }
  });

  it('keeps provider names within 64 characters when long names collide', () => {
    const long = 'n'.repeat(70);
    const names = [`${long}.a`, `${long}.b`, `${long}.c`];
    const registry = createToolRegistry(names.map((name) => ({ name, execute: noop })));
    const providerNames = names.map((name) => registry.providerName(name));
    expect(new Set(providerNames).size).toBe(3);
    for (const [index, providerName] of providerNames.entries()) {
      expect(providerName).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      expect(registry.toolNameFromProvider(providerName)).toBe(names[index]);
    }
  });

  it('throws for the provider name of an unknown tool', () => {
    const registry = createToolRegistry([getWeather]);
    expect(() => registry.providerName('nope')).toThrow(ToolDefinitionError);
  });

  it('sends providers the safe names with the JSON Schema', () => {
    const registry = createToolRegistry([placeOrder]);
    const [definition] = registry.providerDefinitions();
    expect(definition?.type).toBe('function');
    expect(definition?.function.name).toBe('shop_order');
    expect(definition?.function.description).toBe('Places an order.');
    expect(definition?.function.parameters['type']).toBe('object');
    expect(JSON.stringify(definition)).not.toContain('"dict"');
  });
});

describe('typed tools', () => {
  it('takes tools of specific input and output types (batch and project included)', () => {
    const typed = defineTool({
      name: 'typed_batch',
      description: 'typed',
      inputSchema: z.object({ city: z.string() }),
      batch: (inputs) => inputs.map((input) => input.city.length),
      project: (result: number) => ({ length: result }),
      execute: ({ city }) => city.length,
    });
    const registry = new ToolRegistry([typed]);
    expect(registry.get('typed_batch')?.name).toBe('typed_batch');
  });
});
