import { z } from 'zod';
import type { PlanStep } from 'toolplan/internal';
import type { ScenarioContext } from '../bench-scenario.js';
import { simulatedTool } from '../simulated-tool.js';
import { defineNearMissDomain, type Asked } from './define-near-miss-domain.js';
import {
  NEXT_MONDAY,
  SATURDAY,
  TODAY,
  TOMORROW,
  findKnownName,
  stableNumber,
} from './near-miss-calendar.js';
import { LANGUAGES, translate, type Language } from './near-miss-language.js';
import { INTERNAL_SERVICE, PUBLIC_API, READ_ONLY } from './near-miss-latencies.js';
import { PEOPLE, type Person } from './near-miss-people.js';
import { between, listNames, pick, pickDistinct } from '../seeded-draws.js';
import { CITY_NAMES, weatherSummary } from './near-miss-weather.js';

/**
 * The flights domain of the near-miss scenario: a flight search over a list of destinations
 * (at most 9 passengers per booking: a larger party is a group fare, another tool), regions
 * that stand for an airport, and the people directory for "Bob's hometown". Illustrative values.
 */

const MAX_PASSENGERS = 9;
const REGIONS = [
  { region: 'Lombardy', city: 'Milan' },
  { region: 'Lazio', city: 'Rome' },
  { region: 'Gironde', city: 'Bordeaux' },
  { region: 'Brandenburg', city: 'Berlin' },
] as const;
const CABINS = ['economy', 'business', 'first'] as const;
type Cabin = (typeof CABINS)[number];
const EUROS_PER_DOLLAR = 0.92;

/** Resolves free text to a known airport city the way a flight search's box does. */
function airport(text: string): string {
  const city = findKnownName(text, CITY_NAMES);
  if (city === undefined) throw new Error(`No airport matches "${text}".`);
  return city;
}

interface Search {
  from: string;
  to: readonly string[];
  date: string;
  passengers: number;
  cabin: Cabin;
  nonstop: boolean;
  currency: 'EUR' | 'USD';
  lang: Language;
}

function flightSummary(search: Search): string {
  const from = airport(search.from);
  const passengers = Math.min(search.passengers, MAX_PASSENGERS);
  const parts = search.to.map((text) => {
    const to = airport(text);
    const key = `${from}>${to}/${search.date}`;
    const count = Math.max(1, 1 + stableNumber(key, 5) - (search.nonstop ? 2 : 0));
    const fare =
      (60 + stableNumber(`fare/${key}`, 140)) *
      { economy: 1, business: 3, first: 5 }[search.cabin] *
      (search.nonstop ? 1.2 : 1);
    const total = fare * passengers * (search.currency === 'USD' ? 1 / EUROS_PER_DOLLAR : 1);
    return `${from}→${to}: ${count} ${translate('flights', search.lang)} from ${Math.round(total)} ${search.currency}`;
  });
  const details = [
    search.date,
    `${passengers} passenger${passengers === 1 ? '' : 's'}`,
    search.cabin,
    ...(search.nonstop ? ['nonstop'] : []),
  ];
  return `${parts.join('; ')} (${details.join(', ')}).`;
}

function groupSummary(from: string, to: readonly string[], date: string, passengers: number) {
  const cities = to.map(airport);
  const fare = 50 + stableNumber(`group/${airport(from)}/${cities.join()}`, 80);
  return `Group fare for ${passengers} passengers from ${airport(from)} to ${listNames(cities)} on ${date}: ${fare * passengers} EUR in all.`;
}

export function nearMissFlightTools(context: ScenarioContext) {
  return [
    simulatedTool({
      context,
      name: 'search_flights',
      description: `Flights from a city to each of the destinations on a date (YYYY-MM-DD). passengers: at most ${MAX_PASSENGERS} per booking (more are cut to ${MAX_PASSENGERS}: use request_group_fare); cabin economy (default), business or first; nonstop only; prices in EUR (default) or USD; summary in lang (en, de, fr, es).`,
      inputSchema: z.object({
        from: z.string(),
        to: z.array(z.string()).min(1),
        date: z.string(),
        passengers: z.number().int().min(1).optional(),
        cabin: z.enum(CABINS).optional(),
        nonstop: z.boolean().optional(),
        currency: z.enum(['EUR', 'USD']).optional(),
        lang: z.enum(LANGUAGES).optional(),
      }),
      latency: PUBLIC_API,
      compute: (input) => ({
        summary: flightSummary({
          from: input.from,
          to: input.to,
          date: input.date,
          passengers: input.passengers ?? 1,
          cabin: input.cabin ?? 'economy',
          nonstop: input.nonstop ?? false,
          currency: input.currency ?? 'EUR',
          lang: input.lang ?? 'en',
        }),
      }),
      annotations: READ_ONLY,
    }),
    simulatedTool({
      context,
      name: 'request_group_fare',
      description: `A group fare quote for ${MAX_PASSENGERS + 1} or more passengers (read-only: nothing is booked).`,
      inputSchema: z.object({
        from: z.string(),
        to: z.array(z.string()).min(1),
        date: z.string(),
        passengers: z
          .number()
          .int()
          .min(MAX_PASSENGERS + 1),
      }),
      latency: PUBLIC_API,
      compute: ({ from, to, date, passengers }) => ({
        summary: groupSummary(from, to, date, passengers),
      }),
      annotations: READ_ONLY,
    }),
    simulatedTool({
      context,
      name: 'find_region_airport',
      description: 'The main airport city of a region (a region is not a city).',
      inputSchema: z.object({ region: z.string() }),
      latency: INTERNAL_SERVICE,
      compute: ({ region }) => {
        const row = REGIONS.find((each) => each.region.toLowerCase() === region.toLowerCase());
        if (row === undefined) throw new Error(`No region named ${region}.`);
        return { city: row.city };
      },
      annotations: READ_ONLY,
    }),
  ];
}

interface FlightValues {
  from: string;
  to: string[];
  passengers: number;
  person: Person;
  region: (typeof REGIONS)[number];
}

interface FlightRequest {
  from: string;
  to: string[];
  date?: string;
  passengers?: number;
  cabin?: Exclude<Cabin, 'economy'>;
  nonstop?: true;
  currency?: 'USD';
  lang?: Exclude<Language, 'en'>;
  hometownOf?: Person;
  region?: (typeof REGIONS)[number];
  weatherThere?: true;
}

function solveFlights(request: FlightRequest): {
  steps: PlanStep[];
  answer: string;
  expected: string;
} {
  const date = request.date ?? TODAY;
  const steps: PlanStep[] = [];
  const to: string[] = [...request.to];
  const resolved: string[] = [...request.to];
  if (request.hometownOf !== undefined) {
    steps.push({ id: 'p', tool: 'get_person', args: { name: request.hometownOf.name } });
    to.push('$p.hometown');
    resolved.push(request.hometownOf.hometown);
  }
  if (request.region !== undefined) {
    steps.push({ id: 'r', tool: 'find_region_airport', args: { region: request.region.region } });
    to.push('$r.city');
    resolved.push(request.region.city);
  }
  const passengers = request.passengers ?? 1;
  if (passengers > MAX_PASSENGERS) {
    steps.push({
      id: 'g',
      tool: 'request_group_fare',
      args: { from: request.from, to, date, passengers },
    });
    return {
      steps,
      answer: '${g.summary}',
      expected: groupSummary(request.from, resolved, date, passengers),
    };
  }
  steps.push({
    id: 'f',
    tool: 'search_flights',
    args: {
      from: request.from,
      to,
      date,
      ...(request.passengers === undefined ? {} : { passengers: request.passengers }),
      ...(request.cabin === undefined ? {} : { cabin: request.cabin }),
      ...(request.nonstop === undefined ? {} : { nonstop: true }),
      ...(request.currency === undefined ? {} : { currency: request.currency }),
      ...(request.lang === undefined ? {} : { lang: request.lang }),
    },
  });
  let answer = '${f.summary}';
  let expected = flightSummary({
    from: request.from,
    to: resolved,
    date,
    passengers,
    cabin: request.cabin ?? 'economy',
    nonstop: request.nonstop ?? false,
    currency: request.currency ?? 'EUR',
    lang: request.lang ?? 'en',
  });
  if (request.weatherThere === true) {
    steps.push({ id: 'w', tool: 'get_weather', args: { cities: to, date } });
    answer += ' ${w.summary}';
    expected += ` ${weatherSummary({ cities: resolved, date, unit: 'celsius', lang: 'en', hour: undefined })}`;
  }
  return { steps, answer, expected };
}

const list = (values: FlightValues) => listNames(values.to);
const search = (values: FlightValues, extra: Partial<FlightRequest> = {}): FlightRequest => ({
  from: values.from,
  to: values.to,
  ...extra,
});
const onList = (suffix: string, extra: Partial<FlightRequest>) => ({
  base: 'list',
  ask: (values: FlightValues): Asked<FlightRequest> => ({
    query: `Find flights from ${values.from} to ${list(values)}${suffix}`,
    request: search(values, extra),
  }),
});
const withLast = (values: FlightValues, last: string) =>
  `Find flights from ${values.from} to ${values.to[0] ?? ''} and ${last}`;

export const flightDomain = defineNearMissDomain<FlightValues, FlightRequest>({
  name: 'flights',
  drawValues(random) {
    const [from, ...to] = pickDistinct(random, CITY_NAMES, 3) as [string, string, string];
    const people = PEOPLE.filter(
      (person) => person.hometown !== from && !to.includes(person.hometown),
    );
    const regions = REGIONS.filter((row) => row.city !== from && !to.includes(row.city));
    return {
      from,
      to,
      passengers: between(random, 2, 4),
      person: pick(random, people),
      region: pick(random, regions.length > 0 ? regions : REGIONS),
    };
  },
  solve: solveFlights,
  bases: {
    list: (values) => ({
      query: `Find flights from ${values.from} to ${list(values)}`,
      request: search(values),
    }),
    passengers: (values) => ({
      query: `Find flights from ${values.from} to ${list(values)} for ${values.passengers} passengers`,
      request: search(values, { passengers: values.passengers }),
    }),
  },
  nearMisses: [
    { kind: 'dates-and-times', ...onList(' tomorrow', { date: TOMORROW }) },
    { kind: 'dates-and-times', ...onList(' on Saturday', { date: SATURDAY }) },
    { kind: 'dates-and-times', ...onList(' next Monday', { date: NEXT_MONDAY }) },
    {
      kind: 'negations',
      base: 'list',
      ask: (values) => ({
        query: withLast(values, `not ${values.to[1] ?? ''}`),
        request: search(values, { to: values.to.slice(0, 1) }),
      }),
    },
    {
      kind: 'negations',
      base: 'list',
      ask: (values) => ({
        query: `Find flights from ${values.from} to ${values.to[0] ?? ''}, not ${values.to[1] ?? ''}`,
        request: search(values, { to: values.to.slice(0, 1) }),
      }),
    },
    { kind: 'added-constraints', ...onList(' nonstop', { nonstop: true }) },
    { kind: 'added-constraints', ...onList(' business class', { cabin: 'business' }) },
    { kind: 'added-constraints', ...onList(' in first class', { cabin: 'first' }) },
    { kind: 'units-and-currencies', ...onList(' in dollars', { currency: 'USD' }) },
    { kind: 'units-and-currencies', ...onList(' priced in USD', { currency: 'USD' }) },
    ...[12, 30].map((passengers) => ({
      kind: 'numbers-that-change-the-tool' as const,
      base: 'passengers',
      ask: (values: FlightValues): Asked<FlightRequest> => ({
        query: `Find flights from ${values.from} to ${list(values)} for ${passengers} passengers`,
        request: search(values, { passengers }),
      }),
    })),
    {
      kind: 'relations-and-possessives',
      base: 'list',
      ask: (values) => ({
        query: withLast(values, `${values.person.name}'s hometown`),
        request: search(values, { to: values.to.slice(0, 1), hometownOf: values.person }),
      }),
    },
    {
      kind: 'entity-kinds',
      base: 'list',
      ask: (values) => ({
        query: withLast(values, values.region.region),
        request: search(values, { to: values.to.slice(0, 1), region: values.region }),
      }),
    },
    { kind: 'extra-steps', ...onList(', and the weather there', { weatherThere: true }) },
    { kind: 'paraphrases-that-keep-the-plan', ...onList(' please', {}) },
    { kind: 'paraphrases-that-keep-the-plan', ...onList(' today', {}) },
    {
      kind: 'languages',
      base: 'list',
      ask: (values) => ({
        query: `Find flights from ${values.from} to ${values.to.join(' y ')}`,
        request: search(values, { lang: 'es' }),
      }),
    },
    {
      kind: 'languages',
      base: 'list',
      ask: (values) => ({
        query: `Find flights from ${values.from} to ${values.to.join(' und ')}`,
        request: search(values, { lang: 'de' }),
      }),
    },
    {
      kind: 'dates-and-times',
      base: 'passengers',
      ask: (values) => ({
        query: `Find flights from ${values.from} to ${list(values)} for ${values.passengers} passengers tomorrow`,
        request: search(values, { passengers: values.passengers, date: TOMORROW }),
      }),
    },
  ],
});
