import type { Plan } from 'toolplan/internal';
import type { ScriptedCall } from '@toolplan/simulator';
import { createSeededRandom, type Random } from '@toolplan/simulator';
import type { BenchCase, BenchScenario } from './bench-scenario.js';
import { pick, pickDistinct, shuffle } from './seeded-draws.js';
import {
  accountSummary,
  recentOrders,
  repeatTrafficTools,
  stockCount,
  TRAFFIC_CITIES,
  TRAFFIC_DATE,
  TRAFFIC_PRODUCTS,
  TRAFFIC_STORES,
  TRAFFIC_USERS,
} from './repeat-traffic-tools.js';

/**
 * # repeat-traffic — the same kinds of request, again and again
 *
 * A stream of 240 queries in a fixed (seeded) order: 216 from four request kinds with varying
 * entities — the seed's five-city weather comparison, one city's weather, an account summary
 * (the seed's get_user → get_preferences → get_recent_orders → aggregate) and a product check —
 * and a tail of 24 novel queries, each worded in its own way, that no earlier plan fits.
 * Strategies that learn (compiled chains, the plan cache) keep what they learned over the whole
 * stream; the first `warmUp` queries are their warm-up.
 */

const REPEATS_PER_KIND = 54;
const NOVEL_QUERIES = 24;
const WARM_UP = 48;

/** The request kinds of the stream; `novel` marks the tail. Stable: reports name them. */
export const REPEAT_TRAFFIC_KINDS = [
  'weather-5',
  'weather-1',
  'account-summary',
  'product-check',
] as const;

type City = (typeof TRAFFIC_CITIES)[number];

interface Draft {
  kind: string;
  query: string;
  plan: Plan;
  loop: { calls: ScriptedCall[]; answer: string };
  answer: string;
}

const COMPARISON_TEMPLATE =
  'Warmest: ${cmp.warmest} (${cmp.high}°F); coldest: ${cmp.coldest} (${cmp.low}°F); spread ${cmp.spread}°F.';

function listCities(cities: readonly City[]): string {
  const names = cities.map((row) => row.city);
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

function weatherFive(random: Random): Draft {
  const cities = pickDistinct(random, TRAFFIC_CITIES, 5);
  const query = `Compare the weather in ${listCities(cities)} on ${TRAFFIC_DATE}: which city is warmest, which is coldest, and by how much?`;
  const ids = cities.map((_, index) => `c${index + 1}`);
  const byTemperature = [...cities].sort((left, right) => right.temp - left.temp);
  const warmest = byTemperature[0] as City;
  const coldest = byTemperature[byTemperature.length - 1] as City;
  return {
    kind: 'weather-5',
    query,
    plan: {
      steps: [
        {
          id: 'w',
          tool: 'get_weather',
          forEach: cities.map((row) => row.city),
          args: { city: '$item', date: TRAFFIC_DATE },
        },
        { id: 'cmp', tool: 'compare_temps', args: { results: '$w' } },
      ],
      answer: COMPARISON_TEMPLATE,
    },
    loop: {
      calls: [
        ...cities.map((row, index) => ({
          id: ids[index] as string,
          tool: 'get_weather',
          args: { city: row.city, date: TRAFFIC_DATE },
        })),
        {
          id: 'cmp',
          tool: 'compare_temps',
          args: {
            results: cities.map((row, index) => ({ city: row.city, temp: `$${ids[index]}.temp` })),
          },
        },
      ],
      answer: COMPARISON_TEMPLATE,
    },
    answer: `Warmest: ${warmest.city} (${warmest.temp}°F); coldest: ${coldest.city} (${coldest.temp}°F); spread ${warmest.temp - coldest.temp}°F.`,
  };
}

const ONE_CITY_TEMPLATE =
  '${w.city} on ${w.date}: ${w.temp}°F, ${w.condition}, wind ${w.windMph} mph.';

function weatherOne(random: Random): Draft {
  const row = pick(random, TRAFFIC_CITIES);
  const call = { id: 'w', tool: 'get_weather', args: { city: row.city, date: TRAFFIC_DATE } };
  return {
    kind: 'weather-1',
    query: `What's the weather in ${row.city} on ${TRAFFIC_DATE}?`,
    plan: { steps: [call], answer: ONE_CITY_TEMPLATE },
    loop: { calls: [call], answer: ONE_CITY_TEMPLATE },
    answer: `${row.city} on ${TRAFFIC_DATE}: ${row.temp}°F, ${row.condition}, wind ${row.windMph} mph.`,
  };
}

function accountSummaryDraft(random: Random): Draft {
  const index = Math.floor(random() * TRAFFIC_USERS.length);
  const user = TRAFFIC_USERS[index] as (typeof TRAFFIC_USERS)[number];
  const limit = 2 + Math.floor(random() * 3);
  const steps = [
    { id: 'u', tool: 'get_user', args: { username: user.username } },
    { id: 'p', tool: 'get_preferences', args: { userId: '$u.id' } },
    { id: 'o', tool: 'get_recent_orders', args: { userId: '$u.id', limit } },
    {
      id: 'a',
      tool: 'summarize_account',
      args: { user: '$u', preferences: '$p', orders: '$o' },
    },
  ];
  return {
    kind: 'account-summary',
    query: `Summarise the account of user ${user.username}: preferences and last ${limit} orders.`,
    plan: { steps, answer: '${a.text}' },
    loop: { calls: steps, answer: '${a.text}' },
    answer: accountSummary({
      name: user.name,
      tier: user.tier,
      categories: user.categories,
      orders: recentOrders(index, limit),
    }),
  };
}

const PRODUCT_TEMPLATE =
  '${p.name} costs $$${p.price}; ${s.count} in stock at the ${s.store} store.';

function productCheck(random: Random): Draft {
  const product = pick(random, TRAFFIC_PRODUCTS);
  const store = pick(random, TRAFFIC_STORES);
  const steps = [
    { id: 'p', tool: 'find_product', args: { name: product.name } },
    { id: 's', tool: 'get_stock', args: { sku: '$p.sku', store } },
  ];
  return {
    kind: 'product-check',
    query: `Is the ${product.name} in stock at the ${store} store, and what does it cost?`,
    plan: { steps, answer: PRODUCT_TEMPLATE },
    loop: { calls: steps, answer: PRODUCT_TEMPLATE },
    answer: `${product.name} costs $${product.price}; ${stockCount(product.sku, store)} in stock at the ${store} store.`,
  };
}

/** One half of a novel query: a phrase, the call that answers it, and its part of the answer. */
interface Part {
  phrase: string;
  call: (id: string) => { id: string; tool: string; args: Record<string, unknown> };
  template: (id: string) => string;
  answer: string;
}

const PART_KINDS: ReadonlyArray<{
  phrasings: readonly string[];
  draw: (random: Random) => Part[];
}> = [
  {
    phrasings: [
      'how cold it is in {} on {date}',
      'the temperature in {} on {date}',
      'what {} feels like on {date}',
    ],
    draw: (random) =>
      [pick(random, TRAFFIC_CITIES)].map((row) => ({
        phrase: row.city,
        call: (id) => ({
          id,
          tool: 'get_weather',
          args: { city: row.city, date: TRAFFIC_DATE },
        }),
        template: (id) => `\${${id}.city}: \${${id}.temp}°F`,
        answer: `${row.city}: ${row.temp}°F`,
      })),
  },
  {
    phrasings: ['what the {} costs', 'the price of the {}', 'how much one {} is'],
    draw: (random) =>
      [pick(random, TRAFFIC_PRODUCTS)].map((row) => ({
        phrase: row.name,
        call: (id) => ({ id, tool: 'find_product', args: { name: row.name } }),
        template: (id) => `\${${id}.name}: $$\${${id}.price}`,
        answer: `${row.name}: $${row.price}`,
      })),
  },
  {
    phrasings: [
      'which tier user {} is on',
      'the membership tier of user {}',
      'what tier the account {} has',
    ],
    draw: (random) =>
      [pick(random, TRAFFIC_USERS)].map((row) => ({
        phrase: row.username,
        call: (id) => ({ id, tool: 'get_user', args: { username: row.username } }),
        template: (id) => `\${${id}.name}: \${${id}.tier} tier`,
        answer: `${row.name}: ${row.tier} tier`,
      })),
  },
];

const CONNECTORS = [
  'Tell me {A} and {B}.',
  'I need {A}, and also {B}.',
  'Quick check: {A}; {B}.',
  'Can you find {A} as well as {B}?',
] as const;

/** Novel queries: two different questions joined, each shape (wording) used once. */
function novelDrafts(random: Random, count: number): Draft[] {
  const shapes: Array<[number, number, number, number, number]> = [];
  PART_KINDS.forEach((first, firstKind) =>
    PART_KINDS.forEach((second, secondKind) => {
      if (firstKind === secondKind) return;
      first.phrasings.forEach((_, firstPhrasing) =>
        second.phrasings.forEach((__, secondPhrasing) =>
          CONNECTORS.forEach((___, connector) =>
            shapes.push([firstKind, firstPhrasing, secondKind, secondPhrasing, connector]),
          ),
        ),
      );
    }),
  );
  return pickDistinct(random, shapes, count).map(
    ([firstKind, firstPhrasing, secondKind, secondPhrasing, connector]) => {
      const parts = [
        [firstKind, firstPhrasing],
        [secondKind, secondPhrasing],
      ].map(([kind, phrasing]) => {
        const partKind = PART_KINDS[kind as number];
        const [part] = partKind?.draw(random) ?? [];
        if (partKind === undefined || part === undefined) throw new Error('no such part');
        const wording = partKind.phrasings[phrasing as number] as string;
        return {
          ...part,
          text: wording.replace('{}', part.phrase).replace('{date}', TRAFFIC_DATE),
        };
      });
      const [first, second] = parts as [Part & { text: string }, Part & { text: string }];
      const query = (CONNECTORS[connector] as string)
        .replace('{A}', first.text)
        .replace('{B}', second.text);
      const calls = [first.call('a'), second.call('b')];
      const template = `${first.template('a')}; ${second.template('b')}.`;
      return {
        kind: 'novel',
        query,
        plan: { steps: calls, answer: template },
        loop: { calls, answer: template },
        answer: `${first.answer}; ${second.answer}.`,
      };
    },
  );
}

/** The stream of queries, in arrival order; the same seed gives the same stream. */
export function repeatTrafficStream(seed: number): Draft[] {
  const random = createSeededRandom(seed * 7919 + 17);
  const kinds = [weatherFive, weatherOne, accountSummaryDraft, productCheck];
  const drafts = kinds.flatMap((draw) =>
    Array.from({ length: REPEATS_PER_KIND }, () => draw(random)),
  );
  drafts.push(...novelDrafts(random, NOVEL_QUERIES));
  return shuffle(random, drafts);
}

function toCase(draft: Draft, index: number): BenchCase {
  return {
    id: `q${String(index + 1).padStart(3, '0')}`,
    kind: draft.kind,
    query: draft.query,
    script: {
      name: `repeat-traffic/${draft.query}`,
      query: draft.query,
      loop: draft.loop,
      plan: { ...draft.plan },
      joinAnswer: draft.plan.answer ?? draft.answer,
    },
    expectedAnswer: draft.answer,
  };
}

export const repeatTrafficScenario: BenchScenario = {
  name: 'repeat-traffic',
  description:
    '240 queries from four request kinds with varying entities plus 24 novel ones, in one stream',
  stream: { warmUp: WARM_UP, concurrency: 24 },
  open(context) {
    const tools = repeatTrafficTools(context);
    return {
      cases: repeatTrafficStream(context.seed).map(toCase),
      toolsFor: () => tools,
      close() {},
    };
  },
};
