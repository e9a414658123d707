import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createToolIndex, parameterText } from './create-tool-index.js';
import { countTokens } from './count-tokens.js';
import { defineTool } from './define-tool.js';
import { renderToolSignature } from './render-tool-signature.js';
import { createToolRegistry } from './tool-registry.js';
import { toTool } from './to-tool.js';

const catalog = () =>
  createToolRegistry([
    defineTool({
      name: 'religion_history.track',
      description: 'Track the development of a religion in an area over a time frame.',
      inputSchema: z.object({ religion: z.string(), area: z.string() }),
      execute: () => null,
    }),
    toTool({
      name: 'map_service.get_directions',
      description: 'Retrieve directions from a start to an end.',
      parameters: {
        type: 'object',
        properties: {
          start: { type: 'string', description: 'Starting location.' },
          avoid: { type: 'array', items: { type: 'string', enum: ['tolls', 'ferries'] } },
        },
      },
      execute: () => null,
    }),
    defineTool({
      name: 'getStockPrice',
      description: 'The latest price of a share.',
      inputSchema: z.object({ ticker: z.string().describe('Exchange symbol, e.g. AAPL') }),
      execute: () => null,
    }),
  ]);

describe('createToolIndex', () => {
  it('finds a tool by the words of its name, its description and its parameters', () => {
    const index = createToolIndex(catalog());
    expect(index.search('history of religions')[0]?.name).toBe('religion_history.track');
    expect(index.search('stock quotes')[0]?.name).toBe('getStockPrice');
    expect(index.search('exchange symbol AAPL')[0]?.name).toBe('getStockPrice');
    // An enum's values are words of the tool: "avoid tolls" finds the route planner.
    expect(index.search('a route that avoids tolls')[0]?.name).toBe('map_service.get_directions');
  });

  it('finds nothing for a text that shares no word with any tool', () => {
    expect(createToolIndex(catalog()).search('Christianity in Egypt')).toEqual([]);
    expect(createToolIndex(catalog()).search('please, could you?')).toEqual([]);
  });

  it('keeps names in the catalog order, each signature as the prompt renders it, and its tokens', () => {
    const tools = catalog();
    const index = createToolIndex(tools);
    expect(index.names).toEqual(tools.names());
    const [tool] = tools.list();
    const signature = renderToolSignature({
      name: 'religion_history.track',
      description: tool?.description ?? '',
      jsonSchema: tool?.inputSchema.jsonSchema ?? {},
    });
    expect(index.signature('religion_history.track')).toBe(signature);
    expect(index.tokens('religion_history.track')).toBe(countTokens(signature) + 1);
    expect(index.totalTokens).toBe(countTokens(tools.renderCompact()) + tools.size);
    expect(index.has('getStockPrice')).toBe(true);
    expect(index.has('nope')).toBe(false);
  });

  it('is built once per catalog: another registry of the same tools shares it', () => {
    expect(createToolIndex(catalog())).toBe(createToolIndex(catalog()));
    const other = createToolRegistry([
      defineTool({
        name: 'only_one',
        description: 'A different catalog.',
        inputSchema: z.object({}),
        execute: () => null,
      }),
    ]);
    expect(createToolIndex(other)).not.toBe(createToolIndex(catalog()));
  });
});

describe('parameterText', () => {
  it('reads names, descriptions and string enum values, through nesting, items and unions', () => {
    const text = parameterText({
      type: 'object',
      properties: {
        unit: { enum: ['celsius', 'fahrenheit', 3] },
        where: {
          type: 'object',
          description: 'The place.',
          properties: { city: { type: 'string', description: 'A city name.' } },
        },
        tags: { type: 'array', items: { anyOf: [{ enum: ['red'] }, { enum: ['blue'] }] } },
      },
    });
    expect(text.split(' ')).toEqual(
      expect.arrayContaining([
        'unit',
        'celsius',
        'fahrenheit',
        'where',
        'city',
        'tags',
        'red',
        'blue',
      ]),
    );
    expect(text).toContain('The place.');
    expect(text).toContain('A city name.');
    expect(text).not.toContain('3');
  });

  it('stops at a bounded depth, whatever the schema', () => {
    let deep: Record<string, unknown> = { type: 'string', description: 'bottom' };
    for (let level = 0; level < 50; level += 1) deep = { type: 'object', properties: { x: deep } };
    expect(parameterText(deep)).not.toContain('bottom');
  });
});
