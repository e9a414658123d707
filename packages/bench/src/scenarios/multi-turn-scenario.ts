import { z } from 'zod';
import type { Plan } from 'toolplan/internal';
import type { BenchCase } from './bench-scenario.js';
import type { ConversationCase, ConversationScenario } from './conversation-scenario.js';
import { simulatedTool } from './simulated-tool.js';
import type { ToolLatency } from './tool-latency.js';

/**
 * # multi-turn — six questions about headphones, each building on the last
 *
 * A shopper researches noise-cancelling headphones over six turns: a search (ten results of a few
 * KB), the details of the top three, the reviews of the best, where the second is cheapest, which
 * of two reviewers rate higher, and which of the three lasts longest and where to buy it. Every
 * turn after the first refers to what an earlier one found ("the second-best-rated pair"), so a
 * conversation must carry something of its past; how much it carries is what the multi-turn
 * strategies differ in, and what this scenario measures (input tokens per turn).
 *
 * The loop's scripts name earlier results literally (the ids and figures a model reads in the
 * conversation); the session's plans reference them by session id (`$t1_s.results[0].id`) and the
 * model never reads them whole.
 */

/**
 * The catalogue. Invented, like every figure and text here: the benchmark needs deterministic
 * data, not facts (any resemblance to a real product is accidental).
 */
interface Product {
  id: string;
  brand: string;
  model: string;
  priceUsd: number;
  /** The store's star rating over all its ratings. */
  rating: number;
  ratings: number;
  batteryHours: number;
  weightG: number;
  driverMm: number;
  codecs: string[];
  /** Average of the written reviews (fewer than `ratings`). */
  reviewAverage: number;
  reviewCount: number;
}

const PRODUCTS: readonly Product[] = [
  {
    id: 'hp-aur-q7',
    brand: 'Auralis',
    model: 'Quiet 7',
    priceUsd: 329,
    rating: 4.8,
    ratings: 12840,
    batteryHours: 30,
    weightG: 254,
    driverMm: 40,
    codecs: ['SBC', 'AAC', 'LDAC'],
    reviewAverage: 4.6,
    reviewCount: 2411,
  },
  {
    id: 'hp-sen-m4',
    brand: 'Sennova',
    model: 'Momentum 4X',
    priceUsd: 299,
    rating: 4.7,
    ratings: 9310,
    batteryHours: 60,
    weightG: 293,
    driverMm: 42,
    codecs: ['SBC', 'AAC', 'aptX Adaptive'],
    reviewAverage: 4.5,
    reviewCount: 1876,
  },
  {
    id: 'hp-bwx-nc2',
    brand: 'Bowex',
    model: 'NC Two',
    priceUsd: 279,
    rating: 4.6,
    ratings: 15022,
    batteryHours: 24,
    weightG: 238,
    driverMm: 35,
    codecs: ['SBC', 'AAC'],
    reviewAverage: 4.7,
    reviewCount: 3302,
  },
  {
    id: 'hp-jbr-t9',
    brand: 'Jabra Labs',
    model: 'Tune 9',
    priceUsd: 199,
    rating: 4.5,
    ratings: 6120,
    batteryHours: 45,
    weightG: 265,
    driverMm: 40,
    codecs: ['SBC', 'AAC'],
    reviewAverage: 4.3,
    reviewCount: 980,
  },
  {
    id: 'hp-ank-s5',
    brand: 'Anko',
    model: 'Space S5',
    priceUsd: 99,
    rating: 4.4,
    ratings: 21404,
    batteryHours: 40,
    weightG: 263,
    driverMm: 40,
    codecs: ['SBC', 'AAC', 'LDAC'],
    reviewAverage: 4.2,
    reviewCount: 4410,
  },
  {
    id: 'hp-sny-w9',
    brand: 'Sonyx',
    model: 'W-900',
    priceUsd: 249,
    rating: 4.4,
    ratings: 18230,
    batteryHours: 35,
    weightG: 250,
    driverMm: 40,
    codecs: ['SBC', 'AAC', 'LDAC'],
    reviewAverage: 4.4,
    reviewCount: 5120,
  },
  {
    id: 'hp-bnd-h2',
    brand: 'Bando',
    model: 'H2 Pro',
    priceUsd: 339,
    rating: 4.3,
    ratings: 2210,
    batteryHours: 38,
    weightG: 312,
    driverMm: 40,
    codecs: ['SBC', 'AAC', 'aptX'],
    reviewAverage: 4.1,
    reviewCount: 402,
  },
  {
    id: 'hp-skl-c3',
    brand: 'Skylark',
    model: 'Crusher 3',
    priceUsd: 179,
    rating: 4.2,
    ratings: 3380,
    batteryHours: 50,
    weightG: 309,
    driverMm: 40,
    codecs: ['SBC', 'AAC'],
    reviewAverage: 4.0,
    reviewCount: 650,
  },
  {
    id: 'hp-plt-b8',
    brand: 'Plantro',
    model: 'Backbeat 8',
    priceUsd: 149,
    rating: 4.1,
    ratings: 4470,
    batteryHours: 36,
    weightG: 289,
    driverMm: 40,
    codecs: ['SBC', 'AAC', 'aptX'],
    reviewAverage: 3.9,
    reviewCount: 720,
  },
  {
    id: 'hp-mrs-z1',
    brand: 'Marsh',
    model: 'Monitor Z1',
    priceUsd: 229,
    rating: 4.0,
    ratings: 1950,
    batteryHours: 70,
    weightG: 320,
    driverMm: 40,
    codecs: ['SBC', 'AAC', 'aptX'],
    reviewAverage: 3.8,
    reviewCount: 310,
  },
  {
    id: 'hp-apx-mx',
    brand: 'Apex',
    model: 'Max Pro',
    priceUsd: 549,
    rating: 4.7,
    ratings: 30110,
    batteryHours: 20,
    weightG: 385,
    driverMm: 40,
    codecs: ['SBC', 'AAC'],
    reviewAverage: 4.5,
    reviewCount: 8800,
  },
  {
    id: 'hp-ban-ax',
    brand: 'Banner',
    model: 'Aerex 9',
    priceUsd: 499,
    rating: 4.6,
    ratings: 1480,
    batteryHours: 30,
    weightG: 300,
    driverMm: 40,
    codecs: ['SBC', 'AAC', 'aptX Adaptive'],
    reviewAverage: 4.6,
    reviewCount: 290,
  },
];

const STORES = ['Volt Store', 'SoundHub', 'MegaMart', 'AudioDirect', 'ShopRiver', 'Gadget Lane'];

const SEARCH_QUERY = 'noise-cancelling headphones';
const MAX_PRICE_USD = 350;

const title = (product: Product): string =>
  `${product.brand} ${product.model} Wireless Noise Cancelling Headphones`;
const urlOf = (product: Product): string =>
  `https://shop.example/p/${product.id}/${product.brand.toLowerCase().replace(/\s+/g, '-')}-${product.model.toLowerCase().replace(/\s+/g, '-')}`;

/** A small deterministic number per string, for the figures nobody asks about. */
function hash(text: string): number {
  let value = 2166136261;
  for (const char of text) value = Math.imul(value ^ char.charCodeAt(0), 16777619) >>> 0;
  return value;
}

function snippet(product: Product): string {
  return (
    `${product.brand}'s ${product.model} pairs adaptive noise cancelling with ${product.driverMm} mm drivers ` +
    `and up to ${product.batteryHours} hours of battery life. Supports ${product.codecs.join(', ')}; ` +
    `multipoint pairing, a transparency mode and a companion app with a 10-band equaliser. ` +
    `Rated ${product.rating} by ${product.ratings.toLocaleString('en-US')} buyers.`
  );
}

function search(query: string, maxPriceUsd: number | undefined) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = words.every((word) =>
    'wireless noise-cancelling noise cancelling headphones over-ear'.includes(word),
  )
    ? PRODUCTS.filter((product) => maxPriceUsd === undefined || product.priceUsd <= maxPriceUsd)
    : [];
  const results = [...matches]
    .sort((left, right) => right.rating - left.rating || right.ratings - left.ratings)
    .slice(0, 10)
    .map((product) => ({
      id: product.id,
      title: title(product),
      url: urlOf(product),
      price: product.priceUsd,
      rating: product.rating,
      ratings: product.ratings,
      snippet: snippet(product),
      seller: STORES[hash(product.id) % STORES.length] as string,
      sponsored: false,
    }));
  return { query, total: matches.length, results };
}

function findProduct(id: string): Product {
  const product = PRODUCTS.find((item) => item.id === id.trim());
  if (product === undefined) throw new Error(`No product with id ${id}.`);
  return product;
}

function details(id: string) {
  const product = findProduct(id);
  const seed = hash(product.id);
  return {
    id: product.id,
    title: title(product),
    brand: product.brand,
    url: urlOf(product),
    price: product.priceUsd,
    rating: product.rating,
    specs: {
      batteryHours: product.batteryHours,
      weightG: product.weightG,
      driverMm: product.driverMm,
      codecs: product.codecs,
      bluetooth: seed % 2 === 0 ? '5.3' : '5.2',
      chargingPort: 'USB-C',
      quickChargeMinutesFor5Hours: 5 + (seed % 10),
      foldable: seed % 3 !== 0,
      multipoint: true,
      microphones: 4 + (seed % 5),
    },
    description:
      `The ${product.brand} ${product.model} is an over-ear headphone built for travel and the open office. ` +
      `Its adaptive noise cancelling samples ambient sound ${200 + (seed % 400)} times a second and adjusts to the fit of the ear cups, ` +
      `so engine drone on a plane and chatter in a café are both damped without the pressure feeling some listeners dislike. ` +
      `A transparency mode lets voices through when you need to hear an announcement. ` +
      `The ${product.driverMm} mm dynamic drivers are tuned for a warm, detailed sound, and the companion app offers a 10-band equaliser, ` +
      `presets and a hearing test that personalises the response. ` +
      `Battery life is rated at up to ${product.batteryHours} hours with noise cancelling on; a short charge gives several hours more. ` +
      `At ${product.weightG} g with memory-foam cushions, the headband spreads the weight for long sessions. ` +
      `Calls use beam-forming microphones with wind-noise reduction. ` +
      `In the box: carrying case, USB-C cable, 3.5 mm audio cable and a flight adapter.`,
    highlights: [
      `Adaptive noise cancelling with transparency mode`,
      `Up to ${product.batteryHours} h battery`,
      `${product.weightG} g, memory-foam ear cushions`,
      `${product.codecs.join(' / ')} codecs`,
      `Multipoint: two devices at once`,
      `Two-year warranty`,
    ],
  };
}

const REVIEW_TITLES = [
  'Best noise cancelling I have owned',
  'Great on flights, a little tight at first',
  'Superb battery, average microphones',
  'Comfortable for a full workday',
  'Sound is warm but the app is clunky',
  'Worth it on sale',
  'Returned mine: pressure on the ears',
  'Excellent for commuting',
];

function reviews(id: string) {
  const product = findProduct(id);
  const seed = hash(product.id);
  const written = REVIEW_TITLES.map((reviewTitle, index) => {
    const stars = Math.max(
      1,
      Math.min(5, Math.round(product.reviewAverage + ((index * 7 + seed) % 5) / 2 - 1)),
    );
    return {
      author: `buyer_${(seed + index * 7919) % 100000}`,
      rating: stars,
      date: `2025-0${1 + ((seed + index) % 9)}-${String(10 + ((seed + index * 3) % 18))}`,
      // Sorted by votes below: the first title is per product (a rotation of the list).
      title: REVIEW_TITLES[(index + seed) % REVIEW_TITLES.length] as string,
      text:
        `${reviewTitle}. I used the ${product.brand} ${product.model} for ${2 + ((seed + index) % 10)} weeks on my commute and on two long flights. ` +
        `The noise cancelling takes out engine drone almost completely; voices are reduced but not gone. ` +
        `Battery life matched the claim of about ${product.batteryHours} hours. ` +
        `The ear cups get warm after a couple of hours, and the touch controls took some getting used to.`,
      helpfulVotes: 400 - index * 37 - ((seed >>> (index % 8)) % 20),
      verifiedPurchase: (seed + index) % 4 !== 0,
    };
  }).sort((left, right) => right.helpfulVotes - left.helpfulVotes);
  return {
    id: product.id,
    averageRating: product.reviewAverage,
    count: product.reviewCount,
    reviews: written,
  };
}

function offers(id: string) {
  const product = findProduct(id);
  const seed = hash(product.id);
  const listed = STORES.map((store, index) => {
    const priceUsd = product.priceUsd - ((seed >>> index) % 40) + 10;
    const shippingUsd = ((seed >>> (index + 3)) % 3) * 4.99;
    return {
      store,
      priceUsd,
      shippingUsd: Math.round(shippingUsd * 100) / 100,
      totalUsd: Math.round((priceUsd + shippingUsd) * 100) / 100,
      inStock: (seed >>> (index + 1)) % 5 !== 0,
      deliveryDays: 1 + ((seed >>> index) % 6),
      url: `https://${store.toLowerCase().replace(/\s+/g, '')}.example/item/${product.id}`,
    };
  }).filter((offer) => offer.inStock);
  return {
    id: product.id,
    // A price comparison service lists the cheapest total first; ties keep the store order.
    offers: listed.sort((left, right) => left.totalUsd - right.totalUsd),
  };
}

interface Compared {
  id: string;
  name: string;
  value: number;
}

function compare(items: readonly Compared[], higherIsBetter: boolean) {
  const ranking = [...items].sort((left, right) =>
    higherIsBetter ? right.value - left.value : left.value - right.value,
  );
  const best = ranking[0];
  if (best === undefined) throw new Error('compare needs at least one item.');
  return { best, ranking };
}

/**
 * `search_products` is a shopping search API (a retailer's or an aggregator's). Estimate, not a
 * measurement: such APIs answer in a few hundred ms; kept short so the six turns fit the bench.
 */
const SEARCH_LATENCY: ToolLatency = {
  p50Ms: 400,
  p95Ms: 900,
  source: 'estimate: product search API (index query + ranking); not measured',
};

/** Product details, reviews and offers: keyed look-ups behind a cache. Estimate. */
const LOOKUP_LATENCY: ToolLatency = {
  p50Ms: 120,
  p95Ms: 300,
  source: 'estimate: keyed product-data REST look-up behind a cache; not measured',
};

/** `compare` is a pure function run in-process. Estimate. */
const IN_PROCESS_LATENCY: ToolLatency = {
  p50Ms: 1,
  p95Ms: 3,
  source: 'estimate: pure in-process computation (dispatch + argument parsing)',
};

/** The scenario's tools, with latencies drawn for `context`. */
export function multiTurnTools(context: { speed: number; seed: number }) {
  const id = z.string().describe('Product id from search_products, e.g. "hp-aur-q7"');
  return [
    simulatedTool({
      context,
      name: 'search_products',
      description:
        'Search the shop: up to 10 products, best rated first (id, title, url, price, rating, snippet).',
      inputSchema: z.object({
        query: z.string().min(1).describe('What to search for'),
        maxPriceUsd: z.number().positive().optional().describe('Highest price, USD'),
      }),
      latency: SEARCH_LATENCY,
      compute: ({ query, maxPriceUsd }) => search(query, maxPriceUsd),
      annotations: { readOnly: true, idempotent: true },
    }),
    simulatedTool({
      context,
      name: 'get_product',
      description: "A product's page: specs (battery, weight, codecs…), description, highlights.",
      inputSchema: z.object({ id }),
      latency: LOOKUP_LATENCY,
      compute: ({ id: productId }) => details(productId),
      annotations: { readOnly: true, idempotent: true },
    }),
    simulatedTool({
      context,
      name: 'get_reviews',
      description:
        "A product's written reviews: average rating, count, and the most helpful reviews first.",
      inputSchema: z.object({ id }),
      latency: LOOKUP_LATENCY,
      compute: ({ id: productId }) => reviews(productId),
      annotations: { readOnly: true, idempotent: true },
    }),
    simulatedTool({
      context,
      name: 'get_offers',
      description: 'Stores selling a product, in stock, cheapest total (price + shipping) first.',
      inputSchema: z.object({ id }),
      latency: LOOKUP_LATENCY,
      compute: ({ id: productId }) => offers(productId),
      annotations: { readOnly: true, idempotent: true },
    }),
    simulatedTool({
      context,
      name: 'compare',
      description:
        'Rank items by a number: the best first (highest, or lowest if higherIsBetter is false).',
      inputSchema: z.object({
        items: z.array(z.object({ id: z.string(), name: z.string(), value: z.number() })).min(1),
        higherIsBetter: z.boolean().optional().describe('Default true'),
      }),
      latency: IN_PROCESS_LATENCY,
      compute: ({ items, higherIsBetter }) => compare(items, higherIsBetter ?? true),
      annotations: { readOnly: true, idempotent: true },
    }),
  ];
}

/** The user's six questions; none contains another, so each request is matched to its own. */
export const MULTI_TURN_QUERIES = [
  "I'm shopping for noise-cancelling headphones. Search for noise-cancelling headphones under $350 and list the three best-rated with their prices.",
  'Get the full product details of those three: battery life and weight of each.',
  'What do reviewers say about the top-rated pair? Give its average review score and the title of the most helpful review.',
  'Where is the second-best-rated pair cheapest, shipping included?',
  'Compare the review scores of the second and third pairs: which one do reviewers rate higher?',
  'Of the three, which lasts longest on one charge, and what is its cheapest offer?',
] as const;

const query = (turn: number): string => MULTI_TURN_QUERIES[turn - 1] as string;

/** What the data says, with plain code: the expected answers are written from these. */
function facts() {
  const found = search(SEARCH_QUERY, MAX_PRICE_USD).results;
  const top = found.slice(0, 3);
  if (top.length < 3) throw new Error('the search finds fewer than three products');
  const [first, second, third] = top as [(typeof top)[0], (typeof top)[0], (typeof top)[0]];
  const pages = top.map((result) => details(result.id));
  return { top, first, second, third, pages };
}

/** The answer templates, shared by the loop and the plan where their ids are the same. */
const ANSWERS = {
  t1: (s: string) =>
    [0, 1, 2]
      .map(
        (index) =>
          `${index + 1}. \${${s}.results[${index}].title} ($$\${${s}.results[${index}].price}, rated \${${s}.results[${index}].rating})`,
      )
      .join('; '),
  t2: (ids: readonly string[]) =>
    ids
      .map((d) => `\${${d}.title}: \${${d}.specs.batteryHours} h, \${${d}.specs.weightG} g`)
      .join('; '),
  t3: 'Average review score ${r.averageRating} out of 5 from ${r.count} reviews; the most helpful review: "${r.reviews[0].title}".',
  t4: 'Cheapest at ${o.offers[0].store}: $$${o.offers[0].totalUsd} including shipping (delivery in ${o.offers[0].deliveryDays} days).',
  t5: 'Reviewers rate ${c.best.name} higher (${c.ranking[0].value} vs ${c.ranking[1].value}).',
  t6: 'Longest battery: ${c.best.name} (${c.best.value} h); cheapest offer at ${o.offers[0].store} for $$${o.offers[0].totalUsd}.',
};

function conversation(): ConversationCase {
  const { top, first, second, third, pages } = facts();
  const firstReviews = reviews(first.id);
  const secondOffers = offers(second.id);
  const rated = compare(
    [second, third].map((result) => ({
      id: result.id,
      name: result.title,
      value: reviews(result.id).averageRating,
    })),
    true,
  );
  const lasting = compare(
    pages.map((page) => ({ id: page.id, name: page.title, value: page.specs.batteryHours })),
    true,
  );
  const lastingOffers = offers(lasting.best.id);
  const cheapest = (list: ReturnType<typeof offers>) => {
    const offer = list.offers[0];
    if (offer === undefined) throw new Error(`no offers for ${list.id}`);
    return offer;
  };
  const [firstReview] = firstReviews.reviews;
  if (firstReview === undefined) throw new Error('no reviews');
  const [lower] = rated.ranking.slice(1);
  if (lower === undefined) throw new Error('compare ranked one item');

  const search1 = {
    tool: 'search_products',
    args: { query: SEARCH_QUERY, maxPriceUsd: MAX_PRICE_USD },
  };
  const turns: BenchCase[] = [
    {
      id: 'turn-1',
      query: query(1),
      expectedAnswer: top
        .map(
          (result, index) =>
            `${index + 1}. ${result.title} ($${result.price}, rated ${result.rating})`,
        )
        .join('; '),
      script: {
        name: 'multi-turn/turn-1',
        query: query(1),
        loop: { calls: [{ id: 's', ...search1 }], answer: ANSWERS.t1('s') },
        plan: { steps: [{ id: 's', ...search1 }], answer: ANSWERS.t1('s') } satisfies Plan,
        joinAnswer: ANSWERS.t1('s'),
      },
    },
    {
      id: 'turn-2',
      query: query(2),
      expectedAnswer: pages
        .map((page) => `${page.title}: ${page.specs.batteryHours} h, ${page.specs.weightG} g`)
        .join('; '),
      script: {
        name: 'multi-turn/turn-2',
        query: query(2),
        loop: {
          calls: top.map((result, index) => ({
            id: `d${index + 1}`,
            tool: 'get_product',
            args: { id: result.id },
          })),
          answer: ANSWERS.t2(['d1', 'd2', 'd3']),
        },
        // The session's plan reads the ids from turn 1's full search result, by reference.
        plan: {
          steps: [0, 1, 2].map((index) => ({
            id: `d${index + 1}`,
            tool: 'get_product',
            args: { id: `$t1_s.results[${index}].id` },
          })),
          answer: ANSWERS.t2(['d1', 'd2', 'd3']),
        } satisfies Plan,
        joinAnswer: ANSWERS.t2(['d1', 'd2', 'd3']),
      },
    },
    {
      id: 'turn-3',
      query: query(3),
      expectedAnswer: `Average review score ${firstReviews.averageRating} out of 5 from ${firstReviews.count} reviews; the most helpful review: "${firstReview.title}".`,
      script: {
        name: 'multi-turn/turn-3',
        query: query(3),
        loop: {
          calls: [{ id: 'r', tool: 'get_reviews', args: { id: first.id } }],
          answer: ANSWERS.t3,
        },
        plan: {
          steps: [{ id: 'r', tool: 'get_reviews', args: { id: '$t1_s.results[0].id' } }],
          answer: ANSWERS.t3,
        } satisfies Plan,
        joinAnswer: ANSWERS.t3,
      },
    },
    {
      id: 'turn-4',
      query: query(4),
      expectedAnswer: `Cheapest at ${cheapest(secondOffers).store}: $${cheapest(secondOffers).totalUsd} including shipping (delivery in ${cheapest(secondOffers).deliveryDays} days).`,
      script: {
        name: 'multi-turn/turn-4',
        query: query(4),
        loop: {
          calls: [{ id: 'o', tool: 'get_offers', args: { id: second.id } }],
          answer: ANSWERS.t4,
        },
        plan: {
          steps: [{ id: 'o', tool: 'get_offers', args: { id: '$t1_s.results[1].id' } }],
          answer: ANSWERS.t4,
        } satisfies Plan,
        joinAnswer: ANSWERS.t4,
      },
    },
    {
      id: 'turn-5',
      query: query(5),
      expectedAnswer: `Reviewers rate ${rated.best.name} higher (${rated.best.value} vs ${lower.value}).`,
      script: {
        name: 'multi-turn/turn-5',
        query: query(5),
        loop: {
          calls: [
            { id: 'ra', tool: 'get_reviews', args: { id: second.id } },
            { id: 'rb', tool: 'get_reviews', args: { id: third.id } },
            {
              id: 'c',
              tool: 'compare',
              args: {
                items: [
                  { id: second.id, name: second.title, value: '$ra.averageRating' },
                  { id: third.id, name: third.title, value: '$rb.averageRating' },
                ],
              },
            },
          ],
          answer: ANSWERS.t5,
        },
        plan: {
          steps: [
            { id: 'ra', tool: 'get_reviews', args: { id: '$t1_s.results[1].id' } },
            { id: 'rb', tool: 'get_reviews', args: { id: '$t1_s.results[2].id' } },
            {
              id: 'c',
              tool: 'compare',
              args: {
                items: [
                  {
                    id: '$t1_s.results[1].id',
                    name: '$t1_s.results[1].title',
                    value: '$ra.averageRating',
                  },
                  {
                    id: '$t1_s.results[2].id',
                    name: '$t1_s.results[2].title',
                    value: '$rb.averageRating',
                  },
                ],
              },
            },
          ],
          answer: ANSWERS.t5,
        } satisfies Plan,
        joinAnswer: ANSWERS.t5,
      },
    },
    {
      id: 'turn-6',
      query: query(6),
      expectedAnswer: `Longest battery: ${lasting.best.name} (${lasting.best.value} h); cheapest offer at ${cheapest(lastingOffers).store} for $${cheapest(lastingOffers).totalUsd}.`,
      script: {
        name: 'multi-turn/turn-6',
        query: query(6),
        loop: {
          // The battery figures were read in turn 2; the loop passes them as it read them.
          calls: [
            {
              id: 'c',
              tool: 'compare',
              args: {
                items: pages.map((page) => ({
                  id: page.id,
                  name: page.title,
                  value: page.specs.batteryHours,
                })),
              },
            },
            { id: 'o', tool: 'get_offers', args: { id: '$c.best.id' } },
          ],
          answer: ANSWERS.t6,
        },
        plan: {
          steps: [
            {
              id: 'c',
              tool: 'compare',
              args: {
                items: [1, 2, 3].map((index) => ({
                  id: `$t2_d${index}.id`,
                  name: `$t2_d${index}.title`,
                  value: `$t2_d${index}.specs.batteryHours`,
                })),
              },
            },
            { id: 'o', tool: 'get_offers', args: { id: '$c.best.id' } },
          ],
          answer: ANSWERS.t6,
        } satisfies Plan,
        joinAnswer: ANSWERS.t6,
      },
    },
  ];
  return { id: 'headphones', turns };
}

export const multiTurnScenario: ConversationScenario = {
  name: 'multi-turn',
  description:
    'Six follow-up questions on one shopping task (search results of a few KB, product pages, reviews, offers)',
  open(context) {
    const tools = multiTurnTools(context);
    return { cases: [conversation()], toolsFor: () => tools, close() {} };
  },
};
