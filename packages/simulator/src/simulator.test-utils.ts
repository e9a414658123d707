import type { ScriptBook } from './script-book.js';

/** Scenarios shared by the simulator's tests. */
export const WEATHER_QUERY = 'Compare the weather in Boston and NYC on 2024-01-20.';
export const CHAIN_QUERY = 'Summarise the context of user 42.';
export const HELLO_QUERY = 'Say hello.';
export const PLAN_JSON = {
  steps: [
    { id: 'bos', tool: 'weather.get', args: { city: 'Boston', date: '2024-01-20' } },
    { id: 'nyc', tool: 'weather.get', args: { city: 'NYC', date: '2024-01-20' } },
    { id: 'cmp', tool: 'compare_temps', args: { results: ['$bos', '$nyc'] } },
  ],
  answer: 'Warmer: ${cmp.warmer} (${cmp.diff} degrees)',
};
/** `PLAN_JSON` as the simulated model sends it: the wire form, steps as call strings. */
export const PLAN_WIRE = {
  steps: [
    "bos=weather.get(city='Boston',date='2024-01-20')",
    "nyc=weather.get(city='NYC',date='2024-01-20')",
    'cmp=compare_temps(results=[$bos,$nyc])',
  ],
  answer: 'Warmer: ${cmp.warmer} (${cmp.diff} degrees)',
};

export const testScripts: ScriptBook = {
  scenarios: [
    {
      name: 'weather',
      query: WEATHER_QUERY,
      loop: {
        calls: [
          { id: 'bos', tool: 'weather.get', args: { city: 'Boston', date: '2024-01-20' } },
          { id: 'nyc', tool: 'weather.get', args: { city: 'NYC', date: '2024-01-20' } },
          { id: 'cmp', tool: 'compare_temps', args: { results: ['$bos', '$nyc'] } },
        ],
        answer: 'Warmer: ${cmp.warmer} (${cmp.diff} degrees)',
      },
      plan: PLAN_JSON,
      joinAnswer: 'Warmer: ${cmp.warmer} (${cmp.diff} degrees)',
    },
    {
      name: 'chain',
      query: CHAIN_QUERY,
      loop: {
        calls: [
          { id: 'user', tool: 'get_user', args: { userId: 42 } },
          { id: 'prefs', tool: 'get_preferences', args: { userId: '$user.id' } },
        ],
        answer: '${user.name} likes ${prefs.theme}.',
      },
    },
    { name: 'hello', query: HELLO_QUERY, joinAnswer: 'Hello! How can I help you today?' },
  ],
};

/** Tool definitions as a client sends them (OpenAI wire form). */
export function wireTool(name: string, properties: Record<string, unknown> = {}) {
  return {
    type: 'function' as const,
    function: {
      name,
      description: `The ${name} tool.`,
      parameters: { type: 'object', properties, additionalProperties: true },
    },
  };
}

export const weatherTools = [
  wireTool('weather_get', { city: { type: 'string' }, date: { type: 'string' } }),
  wireTool('compare_temps', { results: { type: 'array' } }),
];
export const chainTools = [
  wireTool('get_user', { userId: { type: 'number' } }),
  wireTool('get_preferences', { userId: { type: 'number' } }),
];

/** Deterministic tool results, as a benchmark's tools would return them. */
export function weatherResult(city: string): { city: string; temp: number } {
  return { city, temp: city === 'Boston' ? 28 : 35 };
}
export const compareResult = { warmer: 'NYC', diff: 7 };

/** A system prompt longer than 1,024 tokens, unique per `label` from its first token on. */
export function longSystemPrompt(label: string): string {
  const sentence = 'The simulated provider caches prompt prefixes the way OpenAI does. ';
  return `${label}: ${sentence.repeat(120)}`;
}

/** Fails when `promise` does not reject; returns what it rejected with. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject, but it resolved.');
}
