import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTool, type Tool } from '../tools/index.js';
import { defineChain } from '../trace/index.js';
import { tryChains } from './try-chains.js';

const calls: string[] = [];
function weatherTool(
  inputSchema: z.ZodType<{ city: string }> = z.object({ city: z.string() }),
): Tool {
  return defineTool({
    name: 'get_weather',
    description: 'Weather for a city',
    inputSchema,
    readOnly: true,
    execute: (input: { city: string }) => {
      calls.push(input.city);
      return { temp: input.city.length };
    },
  }) as Tool;
}

const weather = defineChain({
  name: 'weather',
  params: { cities: 'string[]' },
  match: { patterns: ['weather in (?<cities>.+)'] },
  plan: {
    steps: [{ id: 'w', tool: 'get_weather', forEach: '$params.cities', args: { city: '$item' } }],
    answer: '${params.cities}: ${w[0].temp}, ${w[1].temp}',
  },
});

describe('tryChains', () => {
  it('runs a matched chain with no model call', async () => {
    calls.length = 0;
    const attempt = await tryChains({
      query: 'Weather in Boston and Oslo',
      chains: [weather],
      tools: [weatherTool()],
    });
    expect(attempt.outcome).toBe('ran');
    if (attempt.outcome !== 'ran') return;
    expect(attempt.result.answer).toBe('["Boston","Oslo"]: 6, 4');
    expect(calls).toEqual(['Boston', 'Oslo']);
  });

  it('falls through on no match, and refuses a stale chain without running it', async () => {
    calls.length = 0;
    expect(
      await tryChains({ query: 'tell me a joke', chains: [weather], tools: [weatherTool()] }),
    ).toEqual({ outcome: 'miss' });
    const stale = await tryChains({
      query: 'Weather in Boston',
      chains: [weather],
      tools: [weatherTool(z.object({ city: z.number() }) as never)],
    });
    expect(stale).toMatchObject({ outcome: 'refused', error: { name: 'ChainStaleError' } });
    expect(calls).toEqual([]);
  });
});
