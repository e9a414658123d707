import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRulePredictor } from '../runtime/index.js';
import { defineTool, type Tool } from '../tools/index.js';
import { matchChain, type ChainDefinition, type RefusedChainMatch } from '../trace/index.js';
import { createAgent } from './create-agent.js';
import { createPlanCache } from './create-plan-cache.js';
import { guessEachSentence } from './guess-each-sentence.js';
import { guessFromRefusedMatch } from './guess-from-refused-match.js';
import { scriptedModel } from './scripted-model.test-utils.js';
import { splitSentences } from './split-sentences.js';

// Issue 20: what the compiled path knows of a query it cannot answer feeds speculation. These
// are the guesses; they are never answers.

const tool = (name: string, shape: z.ZodRawShape): Tool =>
  defineTool({
    name,
    description: name,
    inputSchema: z.object(shape),
    readOnly: true,
    execute: () => ({ ok: true, url: 'u' }),
  }) as Tool;

const tools = [
  tool('geocode', { city: z.string() }),
  tool('get_weather', { city: z.string(), day: z.string().optional() }),
  tool('get_quote', { symbol: z.string() }),
];

const weatherPlan = (city: string) => ({
  steps: [
    { id: 'g', tool: 'geocode', args: { city } },
    { id: 'w', tool: 'get_weather', args: { city: '$g.url' } },
  ],
  answer: '${w.ok}',
});

describe('splitSentences', () => {
  it('splits a message of several requests, and keeps decimals and abbreviations whole', () => {
    expect(splitSentences("What's the weather in Paris? And the price of AAPL.")).toEqual([
      "What's the weather in Paris?",
      'And the price of AAPL.',
    ]);
    expect(splitSentences('Convert 3.5 EUR, e.g. to USD')).toEqual([
      'Convert 3.5 EUR, e.g. to USD',
    ]);
    expect(splitSentences('  ')).toEqual([]);
  });
});

describe('guessFromRefusedMatch', () => {
  const chain: ChainDefinition = {
    version: 1,
    name: 'quote-and-weather',
    origin: 'mined',
    kept: false,
    params: {
      symbol: { type: 'string', slot: { kinds: ['code'] }, entities: ['AAPL'] },
      city: { type: 'string', slot: { kinds: ['name'], words: { min: 1, max: 1 } } },
    },
    match: { patterns: ['price of (?<symbol>\\S+) and weather in (?<city>.+)'] },
    plan: {
      steps: [
        { id: 'q', tool: 'get_quote', args: { symbol: '$params.symbol' } },
        { id: 'g', tool: 'geocode', args: { city: '$params.city' } },
        { id: 'w', tool: 'get_weather', args: { city: '$g.url' } },
      ],
      answer: '${q.ok}',
    },
  };

  it('binds what a refused pattern captured, without the steps that take a refused value or need them', () => {
    const refusals: RefusedChainMatch[] = [];
    const onRefusedMatch = (match: RefusedChainMatch) => refusals.push(match);
    expect(matchChain(chain, 'price of gold and weather in Paris', { onRefusedMatch })).toBe(
      undefined,
    );
    const [gold] = refusals as [RefusedChainMatch];
    expect(gold.refused).toEqual(['symbol']);
    expect(guessFromRefusedMatch(gold).steps).toEqual([
      { id: 'g', tool: 'geocode', args: { city: 'Paris' } },
      { id: 'w', tool: 'get_weather', args: { city: '$g.url' } },
    ]);
    // The city refused instead: its look-up goes, and the weather that needs it.
    matchChain(chain, 'price of AAPL and weather in Paris tomorrow', { onRefusedMatch });
    const [, tomorrow] = refusals as [RefusedChainMatch, RefusedChainMatch];
    expect(tomorrow.refused).toEqual(['city']);
    expect(guessFromRefusedMatch(tomorrow).steps).toEqual([
      { id: 'q', tool: 'get_quote', args: { symbol: 'AAPL' } },
    ]);
  });

  it('is not called without a listener, nor for a query whose words the pattern does not fit', () => {
    let called = false;
    expect(matchChain(chain, 'price of gold and weather in Paris')).toBeUndefined();
    matchChain(chain, 'the weather in Paris', { onRefusedMatch: () => (called = true) });
    expect(called).toBe(false);
  });
});

describe('PlanCache.guess and guessEachSentence', () => {
  it('guesses the plans of learned shapes for each sentence, and changes nothing in the cache', () => {
    const cache = createPlanCache({ promoteAfter: 3 });
    cache.remember('weather in Paris', weatherPlan('Paris'), tools);
    const before = { ...cache.stats };
    const guesses = guessEachSentence({
      query: 'Weather in Rome. Weather in Oslo tomorrow.',
      tools,
      matcher: undefined,
      planCache: cache,
    });
    // Rome fits the learned shape; `Oslo tomorrow` does not, so its plan loses the steps taking it.
    expect(guesses.map((plan) => plan.steps.map((step) => [step.tool, step.args]))).toEqual([
      [
        ['geocode', { city: 'Rome' }],
        ['get_weather', { city: '$g.url' }],
      ],
      [],
    ]);
    expect(cache.stats).toEqual(before);
    expect(
      guessEachSentence({ query: 'Weather in Rome.', tools, matcher: undefined, planCache: cache }),
    ).toEqual([]);
  });
});

describe('createAgent: guesses feed speculation, never answers', () => {
  const quoteCalls: string[] = [];
  const quoteTool = defineTool({
    name: 'get_quote',
    description: 'Price of a stock',
    inputSchema: z.object({ symbol: z.string() }),
    readOnly: true,
    execute: ({ symbol }: { symbol: string }) => {
      quoteCalls.push(symbol);
      return { symbol, price: symbol.length };
    },
  }) as Tool;
  const quotePlan = (symbol: string) =>
    JSON.stringify({
      steps: [{ id: 'q', tool: 'get_quote', args: { symbol } }],
      answer: '${q.symbol}: ${q.price}',
    });
  const noRules = createRulePredictor({ rules: [] });

  it('a cached plan in shadow starts its calls while the planner confirms it', async () => {
    quoteCalls.length = 0;
    const agent = createAgent({
      model: scriptedModel([quotePlan('Acme'), quotePlan('Globex')]),
      tools: [quoteTool],
      predictors: [noRules],
      planCache: createPlanCache({ promoteAfter: 3 }),
      learn: false,
    });
    await agent.run('stock price of Acme');
    const run = await agent.run('stock price of Globex');
    expect(run).toMatchObject({ answeredBy: 'template', fallThrough: { planCache: 'shadow' } });
    expect(run.speculation).toMatchObject({ started: 1, hits: 1, wasted: 0 });
    // The planner's step took the speculative result: Globex was fetched once.
    expect(quoteCalls).toEqual(['Acme', 'Globex']);
  });

  it('nothing is speculated where the pipeline does not predict', async () => {
    quoteCalls.length = 0;
    const agent = createAgent({
      model: scriptedModel([quotePlan('Acme'), quotePlan('Globex')]),
      tools: [quoteTool],
      predict: false,
      planCache: createPlanCache({ promoteAfter: 3 }),
      learn: false,
    });
    await agent.run('stock price of Acme');
    const run = await agent.run('stock price of Globex');
    expect(run).toMatchObject({ fallThrough: { planCache: 'shadow' } });
    expect(run.speculation).toBeUndefined();
    expect(quoteCalls).toEqual(['Acme', 'Globex']);
  });
});
