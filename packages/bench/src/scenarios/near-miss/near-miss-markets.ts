import { z } from 'zod';
import type { PlanStep } from 'toolplan/internal';
import type { ScenarioContext } from '../bench-scenario.js';
import { simulatedTool } from '../simulated-tool.js';
import { defineNearMissDomain, type Asked } from './define-near-miss-domain.js';
import { YESTERDAY, stableNumber } from './near-miss-calendar.js';
import { EXPORT_JOB, IN_PROCESS, PUBLIC_API, READ_ONLY } from './near-miss-latencies.js';
import { between, listNames, pick, pickDistinct } from '../seeded-draws.js';

/**
 * The markets domain of the near-miss scenario: currency conversion over a fixed set of
 * currencies (a crypto coin or a metal is another tool), stock quotes by ticker (a commodity is
 * another tool — and some commodity names are also tickers: GOLD is Barrick Gold, CORN a corn
 * fund), closes on a past date, price history (at most 30 days listed: more is an export).
 * Illustrative values.
 */

const USD_PER_UNIT = { EUR: 1.09, USD: 1, GBP: 1.27, JPY: 0.0067, CHF: 1.13, CAD: 0.74 } as const;
type Currency = keyof typeof USD_PER_UNIT;
const CURRENCIES = Object.keys(USD_PER_UNIT) as Currency[];
const CRYPTO_USD = { BTC: 68000, ETH: 3500 } as const;
const METAL_USD_PER_OUNCE = { gold: 2160, silver: 25 } as const;
const COMMODITY_USD = { gold: 2160, silver: 25, oil: 81, corn: 4.4, copper: 4.1 } as const;
type Commodity = keyof typeof COMMODITY_USD;

/** Tickers the quote API knows; GOLD and CORN are equities named like commodities. */
const TICKERS = {
  AAPL: 172,
  MSFT: 415,
  GOOG: 141,
  AMZN: 178,
  NVDA: 880,
  TSLA: 170,
  GOLD: 16.2,
  CORN: 21.7,
} as const;
type Ticker = keyof typeof TICKERS;
const EQUITIES: Ticker[] = ['AAPL', 'MSFT', 'GOOG', 'AMZN', 'NVDA', 'TSLA'];
const COMPETITORS: Record<string, Ticker> = {
  AAPL: 'MSFT',
  MSFT: 'GOOG',
  GOOG: 'MSFT',
  AMZN: 'GOOG',
  NVDA: 'AAPL',
  TSLA: 'NVDA',
};
const MAX_HISTORY = 30;

function currency(code: string): Currency {
  const upper = code.toUpperCase();
  if (!(upper in USD_PER_UNIT)) throw new Error(`Unsupported currency ${code}.`);
  return upper as Currency;
}

function conversionSummary(amount: number, from: string, to: string, date?: string): string {
  const source = currency(from);
  const target = currency(to);
  const drift =
    date === undefined ? 1 : 1 + (stableNumber(`${source}${target}${date}`, 21) - 10) / 1000;
  const value = ((amount * USD_PER_UNIT[source]) / USD_PER_UNIT[target]) * drift;
  return `${date === undefined ? '' : `On ${date}, `}${amount} ${source} = ${value.toFixed(2)} ${target}.`;
}

function cryptoSummary(amount: number, from: string, coin: keyof typeof CRYPTO_USD): string {
  const value = (amount * USD_PER_UNIT[currency(from)]) / CRYPTO_USD[coin];
  return `${amount} ${currency(from)} = ${value.toFixed(6)} ${coin}.`;
}

function metalSummary(amount: number, from: string, metal: keyof typeof METAL_USD_PER_OUNCE) {
  const ounces = (amount * USD_PER_UNIT[currency(from)]) / METAL_USD_PER_OUNCE[metal];
  return `${amount} ${currency(from)} buys ${ounces.toFixed(4)} oz of ${metal}.`;
}

function ticker(symbol: string): Ticker {
  const upper = symbol.toUpperCase();
  if (!(upper in TICKERS)) throw new Error(`Unknown symbol ${symbol}.`);
  return upper as Ticker;
}

function price(symbol: Ticker, date: string | undefined): number {
  return date === undefined
    ? TICKERS[symbol]
    : TICKERS[symbol] * (1 + (stableNumber(`${symbol}/${date}`, 41) - 20) / 1000);
}

function quoteSummary(symbols: readonly string[], currencyCode: Currency, date?: string): string {
  const parts = symbols.map((symbol) => {
    const known = ticker(symbol);
    const value = price(known, date) / USD_PER_UNIT[currencyCode];
    return `${known} ${value.toFixed(2)} ${currencyCode}`;
  });
  return `${date === undefined ? 'Quotes' : `Closes on ${date}`}: ${parts.join('; ')}.`;
}

function commoditySummary(names: readonly string[]): string {
  const parts = names.map((name) => {
    const key = name.toLowerCase() as Commodity;
    if (!(key in COMMODITY_USD)) throw new Error(`Unknown commodity ${name}.`);
    return `${key} ${COMMODITY_USD[key].toFixed(2)} USD`;
  });
  return `Commodities: ${parts.join('; ')}.`;
}

function historySummary(symbol: string, days: number, exported: boolean): string {
  const known = ticker(symbol);
  const shown = exported ? days : Math.min(days, MAX_HISTORY);
  let low = Infinity;
  let high = -Infinity;
  for (let day = 1; day <= shown; day += 1) {
    const value = price(known, `day-${day}`);
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  return `${exported ? 'Export: ' : ''}${known}, last ${shown} closes: ${low.toFixed(2)}–${high.toFixed(2)} USD.`;
}

function biggestMover(symbols: readonly string[]): string {
  const change = (symbol: Ticker) => price(symbol, undefined) / price(symbol, YESTERDAY);
  const best = symbols
    .map(ticker)
    .reduce((left, right) => (change(right) > change(left) ? right : left));
  return `Biggest gain since yesterday: ${best}.`;
}

export function nearMissMarketTools(context: ScenarioContext) {
  const currencyCode = z.string();
  return [
    simulatedTool({
      context,
      name: 'convert_currency',
      description: `Converts an amount between currencies: ${CURRENCIES.join(', ')} only (not crypto coins or metals).`,
      inputSchema: z.object({ amount: z.number(), from: currencyCode, to: currencyCode }),
      latency: PUBLIC_API,
      compute: ({ amount, from, to }) => ({ summary: conversionSummary(amount, from, to) }),
      annotations: READ_ONLY,
    }),
    simulatedTool({
      context,
      name: 'get_historical_rate',
      description: 'Converts an amount at the exchange rate of a past date (YYYY-MM-DD).',
      inputSchema: z.object({
        amount: z.number(),
        from: currencyCode,
        to: currencyCode,
        date: z.string(),
      }),
      latency: PUBLIC_API,
      compute: ({ amount, from, to, date }) => ({
        summary: conversionSummary(amount, from, to, date),
      }),
      annotations: READ_ONLY,
    }),
    simulatedTool({
      context,
      name: 'convert_to_crypto',
      description: 'How much of a crypto coin (BTC, ETH) an amount of a currency buys.',
      inputSchema: z.object({
        amount: z.number(),
        from: currencyCode,
        coin: z.enum(['BTC', 'ETH']),
      }),
      latency: PUBLIC_API,
      compute: ({ amount, from, coin }) => ({ summary: cryptoSummary(amount, from, coin) }),
      annotations: READ_ONLY,
    }),
    simulatedTool({
      context,
      name: 'convert_to_metal',
      description: 'How many troy ounces of a metal (gold, silver) an amount of a currency buys.',
      inputSchema: z.object({
        amount: z.number(),
        from: currencyCode,
        metal: z.enum(['gold', 'silver']),
      }),
      latency: PUBLIC_API,
      compute: ({ amount, from, metal }) => ({ summary: metalSummary(amount, from, metal) }),
      annotations: READ_ONLY,
    }),
    simulatedTool({
      context,
      name: 'get_quotes',
      description:
        'Latest stock prices by ticker symbol (case-insensitive), in USD unless currency is given; with date (YYYY-MM-DD), the close of that day. Tickers only: a commodity is get_commodity_prices.',
      inputSchema: z.object({
        symbols: z.array(z.string()).min(1),
        currency: z.enum(['USD', 'EUR', 'GBP']).optional(),
        date: z.string().optional(),
      }),
      latency: PUBLIC_API,
      compute: ({ symbols, currency: code, date }) => ({
        summary: quoteSummary(symbols, code ?? 'USD', date),
      }),
      annotations: READ_ONLY,
    }),
    simulatedTool({
      context,
      name: 'get_commodity_prices',
      description: 'Spot prices of commodities (gold, silver, oil, corn, copper) in USD.',
      inputSchema: z.object({ commodities: z.array(z.string()).min(1) }),
      latency: PUBLIC_API,
      compute: ({ commodities }) => ({ summary: commoditySummary(commodities) }),
      annotations: READ_ONLY,
    }),
    simulatedTool({
      context,
      name: 'get_competitor',
      description: "A listed company's biggest competitor, by ticker.",
      inputSchema: z.object({ symbol: z.string() }),
      latency: PUBLIC_API,
      compute: ({ symbol }) => {
        const competitor = COMPETITORS[ticker(symbol)];
        if (competitor === undefined) throw new Error(`No competitor known for ${symbol}.`);
        return { symbol: competitor };
      },
      annotations: READ_ONLY,
    }),
    simulatedTool({
      context,
      name: 'find_biggest_gain',
      description: 'Of some tickers, the one that rose most since yesterday.',
      inputSchema: z.object({ symbols: z.array(z.string()).min(1) }),
      latency: IN_PROCESS,
      compute: ({ symbols }) => ({ summary: biggestMover(symbols) }),
      annotations: READ_ONLY,
    }),
    simulatedTool({
      context,
      name: 'get_price_history',
      description: `Daily closes of a ticker over the last days, at most ${MAX_HISTORY} (a longer span is cut to ${MAX_HISTORY}: use export_price_history).`,
      inputSchema: z.object({ symbol: z.string(), days: z.number().int().min(1) }),
      latency: PUBLIC_API,
      compute: ({ symbol, days }) => ({ summary: historySummary(symbol, days, false) }),
      annotations: READ_ONLY,
    }),
    simulatedTool({
      context,
      name: 'export_price_history',
      description: `Daily closes of a ticker over any number of days (an export; for more than ${MAX_HISTORY}).`,
      inputSchema: z.object({ symbol: z.string(), days: z.number().int().min(1) }),
      latency: EXPORT_JOB,
      compute: ({ symbol, days }) => ({ summary: historySummary(symbol, days, true) }),
      annotations: READ_ONLY,
    }),
  ];
}

interface MarketValues {
  amount: number;
  from: Currency;
  to: Currency;
  symbols: Ticker[];
  symbol: Ticker;
  days: number;
}

type MarketRequest =
  | { type: 'convert'; amount: number; from: Currency; to: Currency; date?: string }
  | { type: 'crypto'; amount: number; from: Currency; coin: keyof typeof CRYPTO_USD }
  | { type: 'metal'; amount: number; from: Currency; metal: keyof typeof METAL_USD_PER_OUNCE }
  | {
      type: 'quotes';
      symbols: Ticker[];
      currency?: 'EUR' | 'GBP';
      date?: string;
      commodity?: Commodity;
      competitorOf?: Ticker;
      biggestGain?: true;
    }
  | { type: 'history'; symbol: Ticker; days: number };

function solveMarkets(request: MarketRequest): {
  steps: PlanStep[];
  answer: string;
  expected: string;
} {
  switch (request.type) {
    case 'convert': {
      const { amount, from, to, date } = request;
      return {
        steps: [
          date === undefined
            ? { id: 'x', tool: 'convert_currency', args: { amount, from, to } }
            : { id: 'x', tool: 'get_historical_rate', args: { amount, from, to, date } },
        ],
        answer: '${x.summary}',
        expected: conversionSummary(amount, from, to, date),
      };
    }
    case 'crypto':
      return {
        steps: [
          {
            id: 'x',
            tool: 'convert_to_crypto',
            args: { amount: request.amount, from: request.from, coin: request.coin },
          },
        ],
        answer: '${x.summary}',
        expected: cryptoSummary(request.amount, request.from, request.coin),
      };
    case 'metal':
      return {
        steps: [
          {
            id: 'x',
            tool: 'convert_to_metal',
            args: { amount: request.amount, from: request.from, metal: request.metal },
          },
        ],
        answer: '${x.summary}',
        expected: metalSummary(request.amount, request.from, request.metal),
      };
    case 'history': {
      const exported = request.days > MAX_HISTORY;
      return {
        steps: [
          {
            id: 'h',
            tool: exported ? 'export_price_history' : 'get_price_history',
            args: { symbol: request.symbol, days: request.days },
          },
        ],
        answer: '${h.summary}',
        expected: historySummary(request.symbol, request.days, exported),
      };
    }
    case 'quotes': {
      const steps: PlanStep[] = [];
      const symbols: string[] = [...request.symbols];
      const resolved: Ticker[] = [...request.symbols];
      if (request.competitorOf !== undefined) {
        steps.push({ id: 'k', tool: 'get_competitor', args: { symbol: request.competitorOf } });
        symbols.push('$k.symbol');
        resolved.push(COMPETITORS[request.competitorOf] as Ticker);
      }
      steps.push({
        id: 'q',
        tool: 'get_quotes',
        args: {
          symbols,
          ...(request.currency === undefined ? {} : { currency: request.currency }),
          ...(request.date === undefined ? {} : { date: request.date }),
        },
      });
      let answer = '${q.summary}';
      let expected = quoteSummary(resolved, request.currency ?? 'USD', request.date);
      if (request.commodity !== undefined) {
        steps.push({
          id: 'c',
          tool: 'get_commodity_prices',
          args: { commodities: [request.commodity] },
        });
        answer += ' ${c.summary}';
        expected += ` ${commoditySummary([request.commodity])}`;
      }
      if (request.biggestGain === true) {
        steps.push({ id: 'g', tool: 'find_biggest_gain', args: { symbols } });
        answer += ' ${g.summary}';
        expected += ` ${biggestMover(resolved)}`;
      }
      return { steps, answer, expected };
    }
  }
}

const quotes = (values: MarketValues, extra: Partial<MarketRequest> = {}): MarketRequest =>
  ({ type: 'quotes', symbols: values.symbols, ...extra }) as MarketRequest;
const tickers = (values: MarketValues) => listNames(values.symbols);
const quoteOf = (suffix: string, extra: Partial<MarketRequest>) => ({
  base: 'quotes',
  ask: (values: MarketValues): Asked<MarketRequest> => ({
    query: `What's the stock price of ${tickers(values)}${suffix}?`,
    request: quotes(values, extra),
  }),
});
const firstAnd = (values: MarketValues, last: string) =>
  `What's the stock price of ${listNames([...values.symbols.slice(0, -1), last])}?`;
const convert = (values: MarketValues): MarketRequest => ({
  type: 'convert',
  amount: values.amount,
  from: values.from,
  to: values.to,
});

export const marketDomain = defineNearMissDomain<MarketValues, MarketRequest>({
  name: 'markets',
  drawValues(random) {
    const [from, to] = pickDistinct(random, CURRENCIES, 2) as [Currency, Currency];
    return {
      amount: pick(random, [5, 10, 20, 50, 75, 120, 250, 500, 1000, 2500]),
      from,
      to,
      symbols: pickDistinct(random, EQUITIES, between(random, 2, 3)),
      symbol: pick(random, EQUITIES),
      days: between(random, 5, 20),
    };
  },
  solve: solveMarkets,
  bases: {
    convert: (values) => ({
      query: `Convert ${values.amount} ${values.from} to ${values.to}`,
      request: convert(values),
    }),
    howMuch: (values) => ({
      query: `How much is ${values.amount} ${values.from} in ${values.to}?`,
      request: convert(values),
    }),
    quotes: (values) => ({
      query: `What's the stock price of ${tickers(values)}?`,
      request: quotes(values),
    }),
    history: (values) => ({
      query: `Show the last ${values.days} daily closes of ${values.symbol}`,
      request: { type: 'history', symbol: values.symbol, days: values.days },
    }),
  },
  nearMisses: [
    ...(['BTC', 'ETH'] as const).map((coin) => ({
      kind: 'entity-kinds' as const,
      base: 'convert',
      ask: (values: MarketValues): Asked<MarketRequest> => ({
        query: `Convert ${values.amount} ${values.from} to ${coin}`,
        request: { type: 'crypto', amount: values.amount, from: values.from, coin },
      }),
    })),
    ...(['gold', 'silver'] as const).map((metal) => ({
      kind: 'entity-kinds' as const,
      base: 'convert',
      ask: (values: MarketValues): Asked<MarketRequest> => ({
        query: `Convert ${values.amount} ${values.from} to ${metal}`,
        request: { type: 'metal', amount: values.amount, from: values.from, metal },
      }),
    })),
    {
      kind: 'entity-kinds',
      base: 'howMuch',
      ask: (values) => ({
        query: `How much is ${values.amount} ${values.from} in gold?`,
        request: { type: 'metal', amount: values.amount, from: values.from, metal: 'gold' },
      }),
    },
    {
      kind: 'entity-kinds',
      base: 'howMuch',
      ask: (values) => ({
        query: `How much is ${values.amount} ${values.from} in BTC?`,
        request: { type: 'crypto', amount: values.amount, from: values.from, coin: 'BTC' },
      }),
    },
    {
      kind: 'dates-and-times',
      base: 'convert',
      ask: (values) => ({
        query: `Convert ${values.amount} ${values.from} to ${values.to} at yesterday's rate`,
        request: { ...(convert(values) as object), date: YESTERDAY } as MarketRequest,
      }),
    },
    {
      kind: 'dates-and-times',
      base: 'howMuch',
      ask: (values) => ({
        query: `How much was ${values.amount} ${values.from} in ${values.to} yesterday?`,
        request: { ...(convert(values) as object), date: YESTERDAY } as MarketRequest,
      }),
    },
    {
      kind: 'units-and-currencies',
      base: 'convert',
      ask: (values) => ({
        query: `Convert ${values.amount} ${values.from} cents to ${values.to}`,
        request: { ...(convert(values) as object), amount: values.amount / 100 } as MarketRequest,
      }),
    },
    {
      kind: 'numbers-that-change-the-tool',
      base: 'convert',
      ask: (values) => ({
        query: `Convert ${values.amount} ${values.from} to ${values.to} in 2023`,
        request: { ...(convert(values) as object), date: '2023-12-29' } as MarketRequest,
      }),
    },
    {
      kind: 'paraphrases-that-keep-the-plan',
      base: 'convert',
      ask: (values) => ({
        query: `Convert ${values.amount} ${values.from} to ${values.to} please`,
        request: convert(values),
      }),
    },
    ...(['gold', 'corn', 'silver', 'oil'] as const).map((commodity) => ({
      kind: 'entity-kinds' as const,
      base: 'quotes',
      ask: (values: MarketValues): Asked<MarketRequest> => ({
        query: firstAnd(values, commodity),
        request: quotes(values, { symbols: values.symbols.slice(0, -1), commodity }),
      }),
    })),
    { kind: 'dates-and-times', ...quoteOf(' yesterday', { date: YESTERDAY }) },
    { kind: 'dates-and-times', ...quoteOf(' at yesterday’s close', { date: YESTERDAY }) },
    { kind: 'units-and-currencies', ...quoteOf(' in euros', { currency: 'EUR' }) },
    { kind: 'units-and-currencies', ...quoteOf(' in GBP', { currency: 'GBP' }) },
    {
      kind: 'negations',
      base: 'quotes',
      ask: (values) => ({
        query: `What's the stock price of ${listNames(values.symbols.slice(0, -1))} and not ${values.symbols.at(-1) ?? ''}?`,
        request: quotes(values, { symbols: values.symbols.slice(0, -1) }),
      }),
    },
    { kind: 'paraphrases-that-keep-the-plan', ...quoteOf(' today', {}) },
    { kind: 'paraphrases-that-keep-the-plan', ...quoteOf(' right now', {}) },
    { kind: 'extra-steps', ...quoteOf(', and which rose most', { biggestGain: true }) },
    {
      kind: 'relations-and-possessives',
      base: 'quotes',
      ask: (values) => {
        const last = values.symbols.at(-1) as Ticker;
        return {
          query: firstAnd(values, `${last}'s biggest competitor`),
          request: quotes(values, { symbols: values.symbols.slice(0, -1), competitorOf: last }),
        };
      },
    },
    // Spans past the list's 30 days, varied with the base's own span.
    ...[(days: number) => days * 25, (days: number) => days + 30].map((spanOf) => ({
      kind: 'numbers-that-change-the-tool' as const,
      base: 'history',
      ask: (values: MarketValues): Asked<MarketRequest> => ({
        query: `Show the last ${spanOf(values.days)} daily closes of ${values.symbol}`,
        request: { type: 'history', symbol: values.symbol, days: spanOf(values.days) },
      }),
    })),
  ],
});
