import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createOpenAICompatibleModel } from 'toolplan/internal';
import { meterModel } from 'toolplan/internal';
import { createSimulatedProvider, type SimulatedProvider } from '../index.js';
import { defineTool, type Tool } from 'toolplan/internal';
import { createSession } from 'toolplan/internal';

const FIRST = 'What is the status of order 17?';
// Longer than FIRST: the follow-up's task line quotes FIRST, and the simulator picks the longest
// scripted query a message contains.
const SECOND = 'Open a support ticket about that order for the customer, please.';

/** Enough tools that the planner's stable prefix is over the 1,024 tokens OpenAI caches from. */
function manyTools(opened: unknown[]): Tool[] {
  const fillers = Array.from({ length: 40 }, (_, index) =>
    defineTool({
      name: `lookup_${index}`,
      description: `Looks up record kind ${index} in the warehouse system by its identifier and returns its fields.`,
      inputSchema: z.object({ id: z.number(), detail: z.enum(['short', 'full']).optional() }),
      readOnly: true,
      execute: ({ id }) => ({ id }),
    }),
  );
  return [
    ...fillers,
    defineTool({
      name: 'get_order',
      description: 'An order.',
      inputSchema: z.object({ id: z.number() }),
      readOnly: true,
      // The shop's own records: the follow-up that opens a ticket from them is not denied.
      trusted: true,
      reasoningFields: ['status'],
      execute: ({ id }) => ({ id, status: 'shipped', lines: [{ sku: 'A', qty: 2 }] }),
    }),
    defineTool({
      name: 'open_ticket',
      description: 'Opens a support ticket about an order.',
      inputSchema: z.object({ order: z.unknown() }),
      execute: ({ order }) => {
        opened.push(order);
        return { ticket: 99 };
      },
    }),
  ];
}

describe('a session against the simulated provider over HTTP', () => {
  let provider: SimulatedProvider;
  beforeAll(async () => {
    provider = await createSimulatedProvider({
      speed: 1000,
      scripts: {
        scenarios: [
          {
            name: 'order',
            query: FIRST,
            plan: {
              steps: [{ id: 'o', tool: 'get_order', args: { id: 17 } }],
              answer: 'Order 17 is ${o.status}.',
            },
          },
          {
            name: 'ticket',
            query: SECOND,
            plan: {
              steps: [{ id: 't', tool: 'open_ticket', args: { order: '$t1_o' } }],
              answer: 'Opened ticket ${t.ticket}.',
            },
          },
        ],
      },
    });
  });
  afterAll(() => provider.close());

  it('serves the second turn’s stable prefix from the prompt cache', async () => {
    const opened: unknown[] = [];
    const metered = meterModel(
      createOpenAICompatibleModel({ baseURL: provider.url, modelId: 'gpt-4o' }),
    );
    const session = createSession({ model: metered.model, tools: manyTools(opened) });
    const first = await session.ask(FIRST);
    expect(first.answer).toBe('Order 17 is shipped.');
    const second = await session.ask(SECOND);
    expect(second.answer).toBe('Opened ticket 99.');
    // The full order went to the tool, by reference to the first turn.
    expect(opened).toEqual([{ id: 17, status: 'shipped', lines: [{ sku: 'A', qty: 2 }] }]);

    const calls = metered.calls();
    expect(calls).toHaveLength(2);
    expect(first.promptReports[0]?.tokens).toBeGreaterThan(1024);
    expect(calls[0]?.usage?.inputTokens.cacheRead ?? 0).toBe(0);
    const cached = calls[1]?.usage?.inputTokens.cacheRead ?? 0;
    expect(cached).toBeGreaterThanOrEqual(1024);
    expect(metered.totals().cachedInputTokens).toBe(cached);
  });
});
