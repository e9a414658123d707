import { z } from 'zod';
import type { PlanStep } from 'toolplan/internal';
import type { ScenarioContext } from '../bench-scenario.js';
import { simulatedTool } from '../simulated-tool.js';
import { defineNearMissDomain, type Asked } from './define-near-miss-domain.js';
import {
  LAST_WEEK,
  NEXT_MONDAY,
  SATURDAY,
  SUNDAY,
  TODAY,
  TOMORROW,
  YESTERDAY,
  findKnownName,
  stableNumber,
} from './near-miss-calendar.js';
import { LANGUAGES, translate, type Language } from './near-miss-language.js';
import { IN_PROCESS, INTERNAL_SERVICE, PUBLIC_API, READ_ONLY } from './near-miss-latencies.js';
import { PEOPLE, searchPerson, type Person } from './near-miss-people.js';
import { between, listNames, pick, pickDistinct } from '../seeded-draws.js';

/**
 * The weather domain of the near-miss scenario: current weather for a list of cities, history,
 * daily forecasts (at most 14 days; a longer horizon is a seasonal outlook, another tool),
 * mountain summits (another kind of place), air quality. Illustrative values.
 */

export const CITIES = [
  { city: 'Paris', base: 11 },
  { city: 'Bordeaux', base: 14 },
  { city: 'Lyon', base: 12 },
  { city: 'Rome', base: 17 },
  { city: 'Milan', base: 13 },
  { city: 'Berlin', base: 7 },
  { city: 'Madrid', base: 16 },
  { city: 'Vienna', base: 8 },
  { city: 'Oslo', base: 2 },
  { city: 'Lisbon', base: 18 },
] as const;
export const CITY_NAMES = CITIES.map((row) => row.city);

const PEAKS = [
  { peak: 'Mont Blanc', base: -12 },
  { peak: 'Matterhorn', base: -15 },
  { peak: 'Zugspitze', base: -8 },
  { peak: 'Etna', base: 2 },
] as const;

const CONDITIONS = ['sunny', 'cloudy', 'rain', 'windy', 'fog', 'snow'] as const;
/** The daily forecast's horizon: a longer one is a seasonal outlook. */
const FORECAST_DAYS = 14;

type Unit = 'celsius' | 'fahrenheit';

function addDays(date: string, days: number): string {
  const day = new Date(`${date}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** Resolves free text to a known city the way a geocoding search does: the first city in it. */
function geocode(text: string): (typeof CITIES)[number] {
  const name = findKnownName(text, CITY_NAMES);
  const row = CITIES.find((each) => each.city === name);
  if (row === undefined) throw new Error(`No place matches "${text}".`);
  return row;
}

function checkDate(date: string): void {
  const offset = (Date.parse(`${date}T12:00:00Z`) - Date.parse(`${TODAY}T12:00:00Z`)) / 86_400_000;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !(Math.abs(offset) <= FORECAST_DAYS)) {
    throw new Error(`No weather data for ${date}: dates within ${FORECAST_DAYS} days of today.`);
  }
}

function celsius(base: number, key: string, hour: number | undefined): number {
  const daily = base + stableNumber(key, 7) - 3;
  return hour === undefined ? daily : daily + (hour >= 11 && hour <= 17 ? 3 : -2);
}

function inUnit(temperature: number, unit: Unit): string {
  return unit === 'fahrenheit' ? `${Math.round((temperature * 9) / 5 + 32)}°F` : `${temperature}°C`;
}

/** `get_weather`'s summary (the flights domain's "weather there" reads it too). */
export function weatherSummary(options: {
  cities: readonly string[];
  date: string;
  unit: Unit;
  lang: Language;
  hour: number | undefined;
}): string {
  const { date, unit, lang, hour } = options;
  const parts = options.cities.map((text) => {
    const row = geocode(text);
    const condition = CONDITIONS[stableNumber(`${date}/${row.city}`, CONDITIONS.length)] as string;
    return `${row.city}: ${inUnit(celsius(row.base, `${row.city}/${date}`, hour), unit)}, ${translate(condition, lang)}`;
  });
  const when = hour === undefined ? date : `${date}, ${String(hour).padStart(2, '0')}:00`;
  return `${parts.join('; ')} (${when}).`;
}

function historySummary(cities: readonly string[], from: string, to: string): string {
  const parts = cities.map((text) => {
    const row = geocode(text);
    let sum = 0;
    let days = 0;
    for (let date = from; date <= to; date = addDays(date, 1)) {
      sum += celsius(row.base, `${row.city}/${date}`, undefined);
      days += 1;
    }
    return `${row.city} averaged ${(sum / days).toFixed(1)}°C`;
  });
  return `${parts.join('; ')} (${from} to ${to}).`;
}

function forecastSummary(city: string, days: number, unit: Unit): string {
  const row = geocode(city);
  const horizon = Math.min(days, FORECAST_DAYS);
  const highs = Array.from({ length: horizon }, (_, index) =>
    celsius(row.base, `${row.city}/${addDays(TODAY, index + 1)}`, 14),
  );
  return `${row.city}, next ${horizon} days: highs from ${inUnit(Math.min(...highs), unit)} to ${inUnit(Math.max(...highs), unit)}.`;
}

function outlookSummary(city: string, days: number): string {
  const row = geocode(city);
  const wetter = stableNumber(`${row.city}/${days}`, 2) === 0;
  return `${row.city}, next ${days} days: seasonal outlook, mean ${row.base + 1}°C, ${wetter ? 'wetter' : 'drier'} than usual.`;
}

function peakSummary(peak: string, date: string): string {
  const row = PEAKS.find((each) => each.peak.toLowerCase() === peak.toLowerCase());
  if (row === undefined) throw new Error(`No summit named ${peak}.`);
  return `${row.peak} summit: ${celsius(row.base, `${row.peak}/${date}`, undefined)}°C.`;
}

function airQualitySummary(cities: readonly string[]): string {
  const parts = cities.map((text) => {
    const row = geocode(text);
    const index = 20 + stableNumber(`air/${row.city}`, 60);
    return `${row.city} ${index} (${index < 50 ? 'good' : 'moderate'})`;
  });
  return `Air quality: ${parts.join('; ')}.`;
}

function warmest(cities: readonly string[], date: string): string {
  const rows = cities.map((text) => geocode(text));
  const temperature = (row: (typeof CITIES)[number]) =>
    celsius(row.base, `${row.city}/${date}`, undefined);
  const best = rows.reduce((left, right) =>
    temperature(right) > temperature(left) ? right : left,
  );
  return `Warmest: ${best.city}.`;
}

export function nearMissWeatherTools(context: ScenarioContext) {
  const unit = z.enum(['celsius', 'fahrenheit']).optional();
  return [
    simulatedTool({
      context,
      name: 'get_weather',
      description:
        'Weather in cities on one date (YYYY-MM-DD, within 14 days of today), optionally at an hour (0–23), in °C unless unit is fahrenheit; the summary in lang (en, de, fr, es; default en). Cities are found by a geocoding search.',
      inputSchema: z.object({
        cities: z.array(z.string()).min(1),
        date: z.string(),
        unit,
        lang: z.enum(LANGUAGES).optional(),
        hour: z.number().int().min(0).max(23).optional(),
      }),
      latency: PUBLIC_API,
      compute: ({ cities, date, unit: chosen, lang, hour }) => {
        checkDate(date);
        const summary = weatherSummary({
          cities,
          date,
          unit: chosen ?? 'celsius',
          lang: lang ?? 'en',
          hour,
        });
        return {
          date,
          reports: cities.map((text) => {
            const row = geocode(text);
            return { city: row.city, temp: celsius(row.base, `${row.city}/${date}`, hour) };
          }),
          summary,
        };
      },
      annotations: READ_ONLY,
    }),
    simulatedTool({
      context,
      name: 'get_weather_history',
      description: 'Average temperature (°C) of cities over past dates, from and to inclusive.',
      inputSchema: z.object({
        cities: z.array(z.string()).min(1),
        from: z.string(),
        to: z.string(),
      }),
      latency: PUBLIC_API,
      compute: ({ cities, from, to }) => {
        checkDate(from);
        checkDate(to);
        return { summary: historySummary(cities, from, to) };
      },
      annotations: READ_ONLY,
    }),
    simulatedTool({
      context,
      name: 'get_daily_forecast',
      description: `Daily highs for one city over the next days; at most ${FORECAST_DAYS} days (a longer horizon is cut to ${FORECAST_DAYS}: use get_seasonal_outlook).`,
      inputSchema: z.object({ city: z.string(), days: z.number().int().min(1), unit }),
      latency: PUBLIC_API,
      compute: ({ city, days, unit: chosen }) => ({
        summary: forecastSummary(city, days, chosen ?? 'celsius'),
      }),
      annotations: READ_ONLY,
    }),
    simulatedTool({
      context,
      name: 'get_seasonal_outlook',
      description: 'A seasonal outlook for one city over more than 14 days: mean temperature.',
      inputSchema: z.object({ city: z.string(), days: z.number().int().min(15) }),
      latency: PUBLIC_API,
      compute: ({ city, days }) => ({ summary: outlookSummary(city, days) }),
      annotations: READ_ONLY,
    }),
    simulatedTool({
      context,
      name: 'get_mountain_weather',
      description: 'Summit weather of a mountain (not a city) on one date.',
      inputSchema: z.object({ peak: z.string(), date: z.string() }),
      latency: PUBLIC_API,
      compute: ({ peak, date }) => ({ summary: peakSummary(peak, date) }),
      annotations: READ_ONLY,
    }),
    simulatedTool({
      context,
      name: 'get_air_quality',
      description: "Today's air-quality index of cities.",
      inputSchema: z.object({ cities: z.array(z.string()).min(1) }),
      latency: PUBLIC_API,
      compute: ({ cities }) => ({ summary: airQualitySummary(cities) }),
      annotations: READ_ONLY,
    }),
    simulatedTool({
      context,
      name: 'compare_temperatures',
      description: 'Which of the reports (city and temp) is warmest.',
      inputSchema: z.object({
        reports: z.array(z.object({ city: z.string(), temp: z.number() })).min(1),
      }),
      latency: IN_PROCESS,
      compute: ({ reports }) => {
        const best = reports.reduce((left, right) => (right.temp > left.temp ? right : left));
        return { warmest: best.city, summary: `Warmest: ${best.city}.` };
      },
      annotations: READ_ONLY,
    }),
    simulatedTool({
      context,
      name: 'get_person',
      description:
        'A person of the company directory by name: manager, assistant, spouse, hometown, team. Found by a directory search.',
      inputSchema: z.object({ name: z.string() }),
      latency: INTERNAL_SERVICE,
      compute: ({ name }) => {
        const person = searchPerson(name);
        return { ...person, team: [...person.team] };
      },
      annotations: READ_ONLY,
    }),
  ];
}

interface WeatherValues {
  cities: string[];
  city: string;
  days: number;
  peak: string;
  /** Someone whose hometown is none of `cities`. */
  person: Person;
}

type WeatherRequest =
  | {
      type: 'weather';
      cities: string[];
      date: string;
      unit?: 'fahrenheit';
      lang?: Exclude<Language, 'en'>;
      hour?: number;
      peak?: string;
      compare?: true;
      airQuality?: true;
      hometownOf?: Person;
      weekend?: true;
    }
  | { type: 'history'; cities: string[] }
  | { type: 'forecast'; city: string; days: number; unit?: 'fahrenheit' };

function solveWeather(request: WeatherRequest): {
  steps: PlanStep[];
  answer: string;
  expected: string;
} {
  if (request.type === 'history') {
    const { from, to } = LAST_WEEK;
    return {
      steps: [{ id: 'h', tool: 'get_weather_history', args: { cities: request.cities, from, to } }],
      answer: '${h.summary}',
      expected: historySummary(request.cities, from, to),
    };
  }
  if (request.type === 'forecast') {
    const unit = request.unit ?? 'celsius';
    if (request.days > FORECAST_DAYS) {
      return {
        steps: [
          {
            id: 'o',
            tool: 'get_seasonal_outlook',
            args: { city: request.city, days: request.days },
          },
        ],
        answer: '${o.summary}',
        expected: outlookSummary(request.city, request.days),
      };
    }
    return {
      steps: [
        {
          id: 'f',
          tool: 'get_daily_forecast',
          args: {
            city: request.city,
            days: request.days,
            ...(request.unit === undefined ? {} : { unit: request.unit }),
          },
        },
      ],
      answer: '${f.summary}',
      expected: forecastSummary(request.city, request.days, unit),
    };
  }
  const steps: PlanStep[] = [];
  const cities: string[] = [...request.cities];
  const resolved: string[] = [...request.cities];
  if (request.hometownOf !== undefined) {
    steps.push({ id: 'p', tool: 'get_person', args: { name: request.hometownOf.name } });
    cities.push('$p.hometown');
    resolved.push(request.hometownOf.hometown);
  }
  const options = {
    ...(request.unit === undefined ? {} : { unit: request.unit }),
    ...(request.lang === undefined ? {} : { lang: request.lang }),
    ...(request.hour === undefined ? {} : { hour: request.hour }),
  };
  const summaryOf = (date: string) =>
    weatherSummary({
      cities: resolved,
      date,
      unit: request.unit ?? 'celsius',
      lang: request.lang ?? 'en',
      hour: request.hour,
    });
  if (request.weekend === true) {
    steps.push(
      { id: 'sat', tool: 'get_weather', args: { cities, date: SATURDAY, ...options } },
      { id: 'sun', tool: 'get_weather', args: { cities, date: SUNDAY, ...options } },
    );
    return {
      steps,
      answer: '${sat.summary} ${sun.summary}',
      expected: `${summaryOf(SATURDAY)} ${summaryOf(SUNDAY)}`,
    };
  }
  steps.push({ id: 'w', tool: 'get_weather', args: { cities, date: request.date, ...options } });
  let answer = '${w.summary}';
  let expected = summaryOf(request.date);
  if (request.peak !== undefined) {
    steps.push({
      id: 'm',
      tool: 'get_mountain_weather',
      args: { peak: request.peak, date: request.date },
    });
    answer += ' ${m.summary}';
    expected += ` ${peakSummary(request.peak, request.date)}`;
  }
  if (request.compare === true) {
    steps.push({ id: 'c', tool: 'compare_temperatures', args: { reports: '$w.reports' } });
    answer += ' ${c.summary}';
    expected += ` ${warmest(resolved, request.date)}`;
  }
  if (request.airQuality === true) {
    steps.push({ id: 'a', tool: 'get_air_quality', args: { cities } });
    answer += ' ${a.summary}';
    expected += ` ${airQualitySummary(resolved)}`;
  }
  return { steps, answer, expected };
}

const now = (cities: string[], extra: Partial<WeatherRequest> = {}): WeatherRequest =>
  ({ type: 'weather', cities, date: TODAY, ...extra }) as WeatherRequest;

/** "A and not B", "A, B and not C": the last city is the one left out. */
function withoutLast(cities: readonly string[], joiner: string): { text: string; kept: string[] } {
  const kept = cities.slice(0, -1);
  return { text: `${listNames(kept)}${joiner}${cities.at(-1) ?? ''}`, kept };
}

const list = (values: WeatherValues) => listNames(values.cities);
const two = (values: WeatherValues) => values.cities.slice(0, 2) as [string, string];

const bases = {
  list: (values: WeatherValues): Asked<WeatherRequest> => ({
    query: `What's the weather in ${list(values)}?`,
    request: now(values.cities),
  }),
  short: (values: WeatherValues): Asked<WeatherRequest> => ({
    query: `Weather for ${list(values)}`,
    request: now(values.cities),
  }),
  forecast: (values: WeatherValues): Asked<WeatherRequest> => ({
    query: `What's the forecast for ${values.city} for the next ${values.days} days?`,
    request: { type: 'forecast', city: values.city, days: values.days },
  }),
};

const inList = (suffix: string, extra: Partial<WeatherRequest>) => ({
  base: 'list',
  ask: (values: WeatherValues): Asked<WeatherRequest> => ({
    query: `What's the weather in ${list(values)}${suffix}?`,
    request: now(values.cities, extra),
  }),
});

export const weatherDomain = defineNearMissDomain<WeatherValues, WeatherRequest>({
  name: 'weather',
  drawValues(random) {
    const cities = pickDistinct(random, CITY_NAMES, between(random, 2, 3));
    const people = PEOPLE.filter((person) => !cities.includes(person.hometown));
    return {
      cities,
      city: pick(random, CITY_NAMES),
      days: between(random, 3, 7),
      peak: pick(random, PEAKS).peak,
      person: pick(random, people),
    };
  },
  solve: solveWeather,
  bases,
  nearMisses: [
    { kind: 'dates-and-times', ...inList(' tomorrow', { date: TOMORROW }) },
    { kind: 'dates-and-times', ...inList(' yesterday', { date: YESTERDAY }) },
    { kind: 'dates-and-times', ...inList(' on Saturday', { date: SATURDAY }) },
    { kind: 'dates-and-times', ...inList(' next Monday', { date: NEXT_MONDAY }) },
    { kind: 'dates-and-times', ...inList(' this weekend', { weekend: true }) },
    { kind: 'dates-and-times', ...inList(' at noon', { hour: 12 }) },
    { kind: 'dates-and-times', ...inList(' tonight', { hour: 21 }) },
    {
      kind: 'dates-and-times',
      base: 'list',
      ask: (values) => ({
        query: `What's the weather in ${list(values)} last week?`,
        request: { type: 'history', cities: values.cities },
      }),
    },
    { kind: 'units-and-currencies', ...inList(' in Fahrenheit', { unit: 'fahrenheit' }) },
    { kind: 'units-and-currencies', ...inList(' in °F', { unit: 'fahrenheit' }) },
    {
      kind: 'negations',
      base: 'list',
      ask: (values) => {
        const { text, kept } = withoutLast(values.cities, ' and not ');
        return { query: `What's the weather in ${text}?`, request: now(kept) };
      },
    },
    {
      kind: 'negations',
      base: 'list',
      ask: (values) => {
        const { text, kept } = withoutLast(values.cities, ', not ');
        return { query: `What's the weather in ${text}?`, request: now(kept) };
      },
    },
    {
      kind: 'languages',
      base: 'list',
      ask: (values) => ({
        query: `What's the weather in ${two(values).join(' und ')}?`,
        request: now(two(values), { lang: 'de' }),
      }),
    },
    {
      kind: 'languages',
      base: 'list',
      ask: (values) => ({
        query: `What's the weather in ${two(values).join(' y ')}?`,
        request: now(two(values), { lang: 'es' }),
      }),
    },
    {
      kind: 'languages',
      base: 'list',
      ask: (values) => ({
        query: `What's the weather in ${two(values).join(' et ')}?`,
        request: now(two(values), { lang: 'fr' }),
      }),
    },
    { kind: 'languages', ...inList(', por favor', { lang: 'es' }) },
    { kind: 'languages', ...inList(', bitte', { lang: 'de' }) },
    { kind: 'paraphrases-that-keep-the-plan', ...inList(' please', {}) },
    { kind: 'paraphrases-that-keep-the-plan', ...inList(' today', {}) },
    { kind: 'paraphrases-that-keep-the-plan', ...inList(' right now', {}) },
    {
      kind: 'entity-kinds',
      base: 'list',
      ask: (values) => {
        const cities = values.cities.slice(0, -1);
        return {
          query: `What's the weather in ${listNames([...cities, values.peak])}?`,
          request: now(cities, { peak: values.peak }),
        };
      },
    },
    {
      kind: 'relations-and-possessives',
      base: 'list',
      ask: (values) => {
        const cities = values.cities.slice(0, -1);
        return {
          query: `What's the weather in ${listNames([...cities, `${values.person.name}'s hometown`])}?`,
          request: now(cities, { hometownOf: values.person }),
        };
      },
    },
    { kind: 'extra-steps', ...inList(', and which is warmest', { compare: true }) },
    { kind: 'extra-steps', ...inList(' and the air quality', { airQuality: true }) },
    { kind: 'added-constraints', ...inList(' in the morning', { hour: 8 }) },
    {
      kind: 'dates-and-times',
      base: 'short',
      ask: (values) => ({
        query: `Weather for ${list(values)} tomorrow`,
        request: now(values.cities, { date: TOMORROW }),
      }),
    },
    {
      kind: 'units-and-currencies',
      base: 'short',
      ask: (values) => ({
        query: `Weather for ${list(values)} in Fahrenheit`,
        request: now(values.cities, { unit: 'fahrenheit' }),
      }),
    },
    {
      kind: 'languages',
      base: 'short',
      ask: (values) => ({
        query: `Weather for ${two(values).join(' und ')}`,
        request: now(two(values), { lang: 'de' }),
      }),
    },
    {
      kind: 'negations',
      base: 'short',
      ask: (values) => {
        const { text, kept } = withoutLast(values.cities, ' and not ');
        return { query: `Weather for ${text}`, request: now(kept) };
      },
    },
    {
      kind: 'paraphrases-that-keep-the-plan',
      base: 'short',
      ask: (values) => ({
        query: `Weather for ${list(values)} please`,
        request: now(values.cities),
      }),
    },
    // Horizons past the forecast's 14 days, varied with the base's own horizon.
    ...[(days: number) => days + 14, (days: number) => days * 10, (days: number) => days + 20].map(
      (horizonOf) => ({
        kind: 'numbers-that-change-the-tool' as const,
        base: 'forecast',
        ask: (values: WeatherValues): Asked<WeatherRequest> => ({
          query: `What's the forecast for ${values.city} for the next ${horizonOf(values.days)} days?`,
          request: { type: 'forecast', city: values.city, days: horizonOf(values.days) },
        }),
      }),
    ),
    {
      kind: 'units-and-currencies',
      base: 'forecast',
      ask: (values) => ({
        query: `What's the forecast for ${values.city} for the next ${values.days} days in Fahrenheit?`,
        request: { type: 'forecast', city: values.city, days: values.days, unit: 'fahrenheit' },
      }),
    },
  ],
});
