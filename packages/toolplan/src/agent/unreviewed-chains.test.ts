import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTool, type Tool } from '../tools/index.js';
import type { ChainDefinition } from '../trace/index.js';
import { AgentOptionsError } from './agent-options-error.js';
import { createAgent } from './create-agent.js';
import { createChainPromotion } from './create-chain-promotion.js';
import { scriptedModel } from './scripted-model.test-utils.js';

// Issue 18: a mined chain file nobody kept earns the right to answer alone as a learned chain
// does — by agreeing with the planner — while a developer's chain is trusted as written.

function quoteTool(calls: string[]): Tool {
  return defineTool({
    name: 'get_quote',
    description: 'Price of a stock',
    inputSchema: z.object({ symbol: z.string() }),
    readOnly: true,
    execute: ({ symbol }: { symbol: string }) => {
      calls.push(symbol);
      return { symbol, price: symbol.length * 10 };
    },
  }) as Tool;
}

const quotePlan = (symbol: string, extra: Record<string, string> = {}) =>
  JSON.stringify({
    steps: [{ id: 'q', tool: 'get_quote', args: { symbol, ...extra } }],
    answer: '${q.symbol}: ${q.price}',
  });

function quoteChain(kept: boolean): ChainDefinition {
  return {
    version: 1,
    name: 'quote',
    origin: kept ? 'code' : 'mined',
    kept,
    params: { symbol: { type: 'string', entities: ['AAPL', 'MSFT', 'NVDA', 'AMZN'] } },
    match: { patterns: ['stock price of (?<symbol>.+)'] },
    plan: {
      steps: [{ id: 'q', tool: 'get_quote', args: { symbol: '$params.symbol' } }],
      answer: '${q.symbol}: ${q.price}',
    },
  };
}

describe('unreviewed chain files', () => {
  it('answer alone only after agreeing with the planner promoteAfter times', async () => {
    const calls: string[] = [];
    const agent = createAgent({
      model: scriptedModel([quotePlan('AAPL'), quotePlan('MSFT'), quotePlan('NVDA')]),
      tools: [quoteTool(calls)],
      chains: [quoteChain(false)],
      planCache: false,
      learn: { promoteAfter: 3 },
    });
    for (const symbol of ['AAPL', 'MSFT', 'NVDA']) {
      const run = await agent.run(`stock price of ${symbol}`);
      expect(run).toMatchObject({ answeredBy: 'template', fallThrough: { chain: 'shadow' } });
    }
    expect(agent.stats().chains).toEqual({ trusted: 0, promoted: 1, shadow: 0 });
    const run = await agent.run('stock price of AMZN');
    expect(run).toMatchObject({ answeredBy: 'chain', usage: { llmCalls: 0 } });
    // The shadow cost no tool call: each symbol was fetched once, by the plan that answered.
    expect(calls).toEqual(['AAPL', 'MSFT', 'NVDA', 'AMZN']);
  });

  it('start over when the planner disagrees', async () => {
    const agent = createAgent({
      model: scriptedModel([
        quotePlan('AAPL'),
        quotePlan('MSFT', { exchange: 'XNAS' }),
        quotePlan('NVDA'),
        quotePlan('AMZN'),
      ]),
      tools: [
        defineTool({
          name: 'get_quote',
          description: 'Price of a stock',
          inputSchema: z.object({ symbol: z.string(), exchange: z.string().optional() }),
          readOnly: true,
          execute: ({ symbol }: { symbol: string }) => ({ symbol, price: 1 }),
        }) as Tool,
      ],
      chains: [quoteChain(false)],
      planCache: false,
      learn: { promoteAfter: 2 },
    });
    for (const symbol of ['AAPL', 'MSFT', 'NVDA']) await agent.run(`stock price of ${symbol}`);
    // One agreement since the disagreement: still in shadow.
    expect(agent.stats().chains).toEqual({ trusted: 0, promoted: 0, shadow: 1 });
    expect(await agent.run('stock price of AMZN')).toMatchObject({ answeredBy: 'template' });
    expect(agent.stats().chains).toEqual({ trusted: 0, promoted: 1, shadow: 0 });
  });

  it('start from the agreements a trace log showed (chainAgreements)', async () => {
    const agent = createAgent({
      model: scriptedModel([]),
      tools: [quoteTool([])],
      chains: [quoteChain(false)],
      chainAgreements: { quote: 3 },
      planCache: false,
    });
    expect(await agent.run('stock price of AAPL')).toMatchObject({ answeredBy: 'chain' });
  });

  it('a kept chain answers as written, from its first match', async () => {
    const agent = createAgent({
      model: scriptedModel([]),
      tools: [quoteTool([])],
      chains: [quoteChain(true)],
      planCache: false,
    });
    expect(await agent.run('stock price of AAPL')).toMatchObject({ answeredBy: 'chain' });
    expect(agent.stats().chains).toEqual({ trusted: 1, promoted: 0, shadow: 0 });
  });

  it('rejects chainAgreements that are not counts, with every problem at once', () => {
    let error: unknown;
    try {
      createAgent({
        model: scriptedModel([]),
        tools: [quoteTool([])],
        chainAgreements: { quote: -1, other: 1.5 },
        predict: 'yes' as unknown as boolean,
      });
    } catch (caught) {
      error = caught;
    }
    expect(AgentOptionsError.isInstance(error)).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain('Expected `chainAgreements.quote` to be an integer ≥ 0, got `-1`');
    expect(message).toContain('Expected `chainAgreements.other` to be an integer ≥ 0, got `1.5`');
    expect(message).toContain('`predict`');
  });
});

describe('createChainPromotion', () => {
  const chain = quoteChain(false);

  it('promotes after promoteAfter agreements in a row, and a disagreement or reset starts over', () => {
    const promotion = createChainPromotion({ promoteAfter: 2 });
    expect(promotion.isShadow(chain)).toBe(true);
    expect(promotion.confirm(chain, true)).toBe('agreed');
    expect(promotion.confirm(chain, false)).toBe('disagreed');
    expect(promotion.agreements(chain)).toBe(0);
    expect(promotion.confirm(chain, true)).toBe('agreed');
    expect(promotion.confirm(chain, true)).toBe('promoted');
    expect(promotion.isShadow(chain)).toBe(false);
    expect(promotion.confirm(chain, true)).toBe('unchanged');
    expect(promotion.reset(chain)).toBe(true);
    expect(promotion.isShadow(chain)).toBe(true);
    expect(promotion.reset(chain)).toBe(false);
  });

  it('knows a chain by its shape, not its name or object', () => {
    const promotion = createChainPromotion();
    promotion.seed(chain, 3);
    expect(promotion.isShadow({ ...chain, name: 'renamed' })).toBe(false);
    expect(promotion.isShadow({ ...chain, match: { patterns: ['quote for (?<symbol>.+)'] } })).toBe(
      true,
    );
  });

  it('with promoteAfter 0 nothing is in shadow, and a bad value is refused', () => {
    expect(createChainPromotion({ promoteAfter: 0 }).isShadow(chain)).toBe(false);
    expect(() => createChainPromotion({ promoteAfter: -1 })).toThrow(
      'Expected `promoteAfter` to be an integer ≥ 0, got `-1`',
    );
  });
});
