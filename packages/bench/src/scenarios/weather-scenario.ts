import { z } from 'zod';
import { extractQueryEntities } from 'toolplan/internal';
import type { Plan } from 'toolplan/internal';
import { createRulePredictor, type Predictor } from 'toolplan/internal';
import type { BenchCase, BenchScenario, ScenarioContext } from './bench-scenario.js';
import { simulatedTool } from './simulated-tool.js';
import type { ToolLatency } from './tool-latency.js';

/**
 * # weather — the seed article's example
 *
 * Weather for five cities on one date, then a comparison: 5 × `get_weather` + `compare_temps`.
 * The five look-ups are independent, so a plan runs them at once; a one-call-per-turn loop pays
 * a model round trip for each.
 */

const DATE = '2024-01-20';

/**
 * The weather table. Illustrative values for a cold January day (an arctic air mass over the
 * Midwest and Northeast), not observations.
 */
const WEATHER = [
  { id: 'bos', city: 'Boston', temp: 28, condition: 'partly cloudy', windMph: 12 },
  { id: 'nyc', city: 'New York', temp: 31, condition: 'sunny', windMph: 10 },
  { id: 'chi', city: 'Chicago', temp: 14, condition: 'clear and frigid', windMph: 9 },
  { id: 'mia', city: 'Miami', temp: 68, condition: 'mostly sunny', windMph: 8 },
  { id: 'sea', city: 'Seattle', temp: 46, condition: 'light rain', windMph: 6 },
] as const;

/**
 * `get_weather` stands for a public weather REST API (OpenWeatherMap, WeatherAPI, weather.gov)
 * called over HTTPS with a kept-alive connection. Estimate, not a measurement (no network here):
 * one internet round trip (≈ 30–80 ms between regions) plus the provider's own look-up and
 * upstream data fetch puts the median near 200 ms; the tail of shared public APIs is long.
 */
const WEATHER_API_LATENCY: ToolLatency = {
  p50Ms: 200,
  p95Ms: 500,
  source:
    'estimate: public weather REST API over HTTPS (keep-alive): internet round trip + provider look-up; not measured',
};

/**
 * `compare_temps` is a pure function run in-process: its time is dispatch and argument
 * handling, well under a millisecond typically. Estimate.
 */
const IN_PROCESS_LATENCY: ToolLatency = {
  p50Ms: 0.5,
  p95Ms: 2,
  source: 'estimate: pure in-process computation (dispatch + argument parsing)',
};

export interface WeatherReport {
  city: string;
  date: string;
  temp: number;
  condition: string;
  windMph: number;
}

function lookUpWeather(city: string, date: string): WeatherReport {
  const row = WEATHER.find((entry) => entry.city.toLowerCase() === city.trim().toLowerCase());
  if (row === undefined || date !== DATE) {
    throw new Error(`No weather data for ${city} on ${date}.`);
  }
  return {
    city: row.city,
    date,
    temp: row.temp,
    condition: row.condition,
    windMph: row.windMph,
  };
}

export interface Comparison {
  warmest: string;
  high: number;
  coldest: string;
  low: number;
  spread: number;
}

/** Warmest and coldest of the results; on a tie, the first given wins. */
export function compareTemperatures(
  results: ReadonlyArray<{ city: string; temp: number }>,
): Comparison {
  let warmest = results[0];
  let coldest = results[0];
  if (warmest === undefined || coldest === undefined) {
    throw new Error('compare_temps needs at least one result.');
  }
  for (const result of results) {
    if (result.temp > warmest.temp) warmest = result;
    if (result.temp < coldest.temp) coldest = result;
  }
  return {
    warmest: warmest.city,
    high: warmest.temp,
    coldest: coldest.city,
    low: coldest.temp,
    spread: warmest.temp - coldest.temp,
  };
}

/**
 * The scenario's tools, with latencies drawn for `context`. With `batch`, `get_weather` also
 * takes several cities in one request (weather APIs commonly do: a bulk or multi-location
 * endpoint), at one request's latency.
 */
export function weatherTools(
  context: ScenarioContext,
  options: {
    batch?: boolean;
    /** Where the weather comes from. @default the five cities of this scenario's table */
    lookUp?: (city: string, date: string) => WeatherReport;
  } = {},
) {
  const lookUp = options.lookUp ?? lookUpWeather;
  return [
    simulatedTool({
      context,
      name: 'get_weather',
      description: 'Weather for one city on one date: temperature (°F), condition, wind.',
      inputSchema: z.object({
        city: z.string().describe('City name, e.g. "Boston"'),
        date: z.string().describe('YYYY-MM-DD'),
      }),
      latency: WEATHER_API_LATENCY,
      compute: ({ city, date }) => lookUp(city, date),
      annotations: { readOnly: true, idempotent: true },
      ...(options.batch === true ? { batch: true } : {}),
    }),
    simulatedTool({
      context,
      name: 'compare_temps',
      description: 'Compare weather results: the warmest and coldest city and the spread.',
      inputSchema: z.object({
        results: z
          .array(z.object({ city: z.string(), temp: z.number() }))
          .min(1)
          .describe('get_weather results'),
      }),
      latency: IN_PROCESS_LATENCY,
      compute: ({ results }) => compareTemperatures(results),
      annotations: { readOnly: true, idempotent: true },
    }),
  ];
}

const QUERY = `Compare the weather in Boston, New York, Chicago, Miami and Seattle on ${DATE}: which city is warmest, which is coldest, and by how much?`;

/**
 * The answer to the seed's question: the warmest, the coldest and the spread. Every strategy
 * gives the same text (the loop writes it from what it read; a plan fills it in).
 */
const ANSWER_TEMPLATE =
  'Warmest: ${cmp.warmest} (${cmp.high}°F); coldest: ${cmp.coldest} (${cmp.low}°F); spread ${cmp.spread}°F.';

/** The right answer, from the table with plain code. */
function expectedAnswer(): string {
  const byTemperature = [...WEATHER].sort((left, right) => right.temp - left.temp);
  const warmest = byTemperature[0];
  const coldest = byTemperature[byTemperature.length - 1];
  if (warmest === undefined || coldest === undefined) throw new Error('empty weather table');
  return `Warmest: ${warmest.city} (${warmest.temp}°F); coldest: ${coldest.city} (${coldest.temp}°F); spread ${warmest.temp - coldest.temp}°F.`;
}

const planAnswer = ANSWER_TEMPLATE;

const plan = {
  steps: [
    {
      id: 'w',
      tool: 'get_weather',
      forEach: WEATHER.map((row) => row.city),
      args: { city: '$item', date: DATE },
    },
    { id: 'cmp', tool: 'compare_temps', args: { results: '$w' } },
  ],
  answer: planAnswer,
} satisfies Plan;

function weatherCase(scenario: string, query: string): BenchCase {
  return {
    id: 'main',
    query,
    script: {
      name: `${scenario}/main`,
      query,
      loop: {
        // One call per city, then the comparison with the temperatures read from the results.
        calls: [
          ...WEATHER.map((row) => ({
            id: row.id,
            tool: 'get_weather',
            args: { city: row.city, date: DATE },
          })),
          {
            id: 'cmp',
            tool: 'compare_temps',
            args: {
              results: WEATHER.map((row) => ({ city: row.city, temp: `$${row.id}.temp` })),
            },
          },
        ],
        answer: ANSWER_TEMPLATE,
      },
      plan,
      joinAnswer: planAnswer,
    },
    expectedAnswer: expectedAnswer(),
  };
}

/**
 * The seed's own example of a prediction rule: "if 'weather' is in the query, extract the
 * cities" — one `get_weather` per capitalised name, on the query's date.
 */
export const weatherPredictor: Predictor = createRulePredictor({
  name: 'weather-rules',
  rules: [
    {
      when: /\bweather\b|\bwarmest\b/i,
      propose: ({ query }) => {
        const entities = extractQueryEntities(query);
        const date = entities.find((entity) => entity.shape === 'date')?.text;
        if (date === undefined) return [];
        return entities
          .filter((entity) => entity.shape === 'name' && !entity.sentenceInitial)
          .map((entity) => ({
            tool: 'get_weather',
            args: { city: entity.text, date },
            confidence: 0.9,
          }));
      },
    },
  ],
});

export const weatherScenario: BenchScenario = {
  name: 'weather',
  predictors: [weatherPredictor],
  description: 'Weather for five cities on one date, then the warmest and coldest (seed example)',
  open(context) {
    const tools = weatherTools(context);
    return { cases: [weatherCase('weather', QUERY)], toolsFor: () => tools, close() {} };
  },
};

/** The same question in other words: the script book tells scenarios apart by their query. */
const BATCH_QUERY = `Which of Boston, New York, Chicago, Miami and Seattle is warmest on ${DATE}, which is coldest, and by how much?`;

/**
 * # weather-batch — the seed's pattern 5, "design tools that batch"
 *
 * The weather scenario with a batch-capable `get_weather`. The model writes the same plan (one
 * `forEach` step over five cities); the runtime coalesces its five ready calls into one `batch`
 * request, so a plan makes 2 tool requests instead of 6 and waits one weather request's latency
 * rather than the slowest of five. The loops call `get_weather` once per city, as before.
 */
export const weatherBatchScenario: BenchScenario = {
  name: 'weather-batch',
  description: 'The weather scenario with a get_weather that takes many cities per request',
  open(context) {
    const tools = weatherTools(context, { batch: true });
    return {
      cases: [weatherCase('weather-batch', BATCH_QUERY)],
      toolsFor: () => tools,
      close() {},
    };
  },
};
