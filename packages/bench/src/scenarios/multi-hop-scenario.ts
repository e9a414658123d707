import { z } from 'zod';
import type { Plan } from 'toolplan/internal';
import type { BenchCase, BenchScenario, ScenarioContext } from './bench-scenario.js';
import { simulatedTool } from './simulated-tool.js';
import type { ToolLatency } from './tool-latency.js';

/**
 * # multi-hop — depth 3, fan-out 2
 *
 * Two independent look-ups that each feed a second look-up, then a computation:
 * `get_country(France) → get_city($fr.capital)`, the same for Japan, then `calculate`. The
 * second hop's arguments come from the first hop's results, which the planner has not seen.
 */

/** Illustrative, rounded reference data (recent official estimates, not authoritative). */
const COUNTRIES = [
  { name: 'France', code: 'FR', capital: 'Paris', population: 68_400_000, currency: 'EUR' },
  { name: 'Japan', code: 'JP', capital: 'Tokyo', population: 124_500_000, currency: 'JPY' },
  { name: 'Germany', code: 'DE', capital: 'Berlin', population: 84_500_000, currency: 'EUR' },
  { name: 'Brazil', code: 'BR', capital: 'Brasília', population: 203_100_000, currency: 'BRL' },
] as const;

/** Cities; the second Paris is why `get_city` takes a country code. */
const CITIES = [
  { name: 'Paris', countryCode: 'FR', population: 2_113_705, timezone: 'Europe/Paris' },
  { name: 'Paris', countryCode: 'US', population: 24_476, timezone: 'America/Chicago' },
  { name: 'Tokyo', countryCode: 'JP', population: 14_047_594, timezone: 'Asia/Tokyo' },
  { name: 'Berlin', countryCode: 'DE', population: 3_755_251, timezone: 'Europe/Berlin' },
  { name: 'Brasília', countryCode: 'BR', population: 2_817_068, timezone: 'America/Sao_Paulo' },
] as const;

/** The two countries of the query, with the ids of the loop's calls. */
const HOPS = [
  { country: 'France', countryId: 'fr', cityId: 'par' },
  { country: 'Japan', countryId: 'jp', cityId: 'tok' },
] as const;

/**
 * `get_country` stands for a public reference-data REST API (like REST Countries): small,
 * static, CDN-cacheable responses. Estimate, not a measurement (no network here): an internet
 * round trip plus a cached look-up.
 */
const COUNTRY_API_LATENCY: ToolLatency = {
  p50Ms: 120,
  p95Ms: 350,
  source:
    'estimate: public reference-data REST API over HTTPS (internet round trip + cached look-up); not measured',
};

/**
 * `get_city` stands for a public geodata REST API (like GeoNames): a database look-up behind an
 * internet round trip, a little slower than static reference data. Estimate.
 */
const CITY_API_LATENCY: ToolLatency = {
  p50Ms: 160,
  p95Ms: 450,
  source:
    'estimate: public geodata REST API over HTTPS (internet round trip + database look-up); not measured',
};

/** `calculate` is a pure function run in-process. Estimate. */
const IN_PROCESS_LATENCY: ToolLatency = {
  p50Ms: 0.5,
  p95Ms: 2,
  source: 'estimate: pure in-process computation (dispatch + argument parsing)',
};

const OPERATIONS = {
  add: (values: readonly number[]) => values.reduce((sum, value) => sum + value),
  subtract: (values: readonly number[]) => values.reduce((rest, value) => rest - value),
  multiply: (values: readonly number[]) => values.reduce((product, value) => product * value),
  divide: (values: readonly number[]) => values.reduce((quotient, value) => quotient / value),
} as const;

type Operation = keyof typeof OPERATIONS;

/** The scenario's tools, with latencies drawn for `context`. */
export function multiHopTools(context: ScenarioContext) {
  return [
    simulatedTool({
      context,
      name: 'get_country',
      description: 'Facts about a country: ISO code, capital, population, currency.',
      inputSchema: z.object({ name: z.string().describe('Country name, e.g. "France"') }),
      latency: COUNTRY_API_LATENCY,
      compute: ({ name }) => {
        const country = COUNTRIES.find(
          (entry) => entry.name.toLowerCase() === name.trim().toLowerCase(),
        );
        if (country === undefined) throw new Error(`No country named ${name}.`);
        return { ...country };
      },
      annotations: { readOnly: true, idempotent: true },
    }),
    simulatedTool({
      context,
      name: 'get_city',
      description: 'Facts about a city: population, timezone.',
      inputSchema: z.object({
        name: z.string().describe('City name'),
        countryCode: z.string().length(2).describe('ISO 3166-1 alpha-2 code of its country'),
      }),
      latency: CITY_API_LATENCY,
      compute: ({ name, countryCode }) => {
        const city = CITIES.find(
          (entry) =>
            entry.name.toLowerCase() === name.trim().toLowerCase() &&
            entry.countryCode === countryCode.toUpperCase(),
        );
        if (city === undefined) throw new Error(`No city named ${name} in ${countryCode}.`);
        return { ...city };
      },
      annotations: { readOnly: true, idempotent: true },
    }),
    simulatedTool({
      context,
      name: 'calculate',
      description: 'Arithmetic over numbers, left to right: add, subtract, multiply or divide.',
      inputSchema: z.object({
        operation: z.enum(['add', 'subtract', 'multiply', 'divide'] satisfies Operation[]),
        operands: z.array(z.number()).min(2),
      }),
      latency: IN_PROCESS_LATENCY,
      compute: ({ operation, operands }) => ({
        operation,
        result: OPERATIONS[operation](operands),
      }),
      annotations: { readOnly: true, idempotent: true },
    }),
  ];
}

const QUERY = 'What is the combined population of the capitals of France and Japan?';

/** The answer, written from references: `cityOf(index)` names the city of `HOPS[index]`. */
function answerTemplate(cityOf: (index: number) => string, sumId: string): string {
  return `\${${cityOf(0)}.name} + \${${cityOf(1)}.name}: \${${sumId}.result} inhabitants.`;
}

/** The capital of a country, from the tables with plain code. */
function capitalOf(countryName: string): (typeof CITIES)[number] {
  const country = COUNTRIES.find((entry) => entry.name === countryName);
  const city = CITIES.find(
    (entry) => entry.name === country?.capital && entry.countryCode === country.code,
  );
  if (city === undefined) throw new Error(`no capital of ${countryName} in the tables`);
  return city;
}

/** The right answer, from the tables with plain code. */
function expectedAnswer(): string {
  const france = capitalOf('France');
  const japan = capitalOf('Japan');
  return `${france.name} + ${japan.name}: ${france.population + japan.population} inhabitants.`;
}

const planAnswer = answerTemplate((index) => `t[${index}]`, 's');

/**
 * Two `forEach` steps: the countries over a literal list, their capitals over the countries'
 * results (`$item` is one country). The capitals wait for both countries, which costs at most
 * the difference between the two first hops; it saves writing four steps.
 */
const plan = {
  steps: [
    {
      id: 'c',
      tool: 'get_country',
      forEach: HOPS.map((hop) => hop.country),
      args: { name: '$item' },
    },
    {
      id: 't',
      tool: 'get_city',
      forEach: '$c',
      args: { name: '$item.capital', countryCode: '$item.code' },
    },
    {
      id: 's',
      tool: 'calculate',
      args: { operation: 'add', operands: ['$t[0].population', '$t[1].population'] },
    },
  ],
  answer: planAnswer,
} satisfies Plan;

const multiHopCase: BenchCase = {
  id: 'main',
  query: QUERY,
  script: {
    name: 'multi-hop/main',
    query: QUERY,
    loop: {
      // One at a time: France, its capital, Japan, its capital, then the sum.
      calls: [
        ...HOPS.flatMap((hop) => [
          { id: hop.countryId, tool: 'get_country', args: { name: hop.country } },
          {
            id: hop.cityId,
            tool: 'get_city',
            args: { name: `$${hop.countryId}.capital`, countryCode: `$${hop.countryId}.code` },
          },
        ]),
        {
          id: 'sum',
          tool: 'calculate',
          args: {
            operation: 'add',
            operands: HOPS.map((hop) => `$${hop.cityId}.population`),
          },
        },
      ],
      answer: answerTemplate((index) => HOPS[index]?.cityId ?? '', 'sum'),
    },
    plan,
    joinAnswer: planAnswer,
  },
  expectedAnswer: expectedAnswer(),
};

export const multiHopScenario: BenchScenario = {
  name: 'multi-hop',
  description: 'Two look-ups that each feed a second look-up, then a sum (depth 3, fan-out 2)',
  open(context) {
    const tools = multiHopTools(context);
    return { cases: [multiHopCase], toolsFor: () => tools, close() {} };
  },
};
