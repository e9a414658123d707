import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createAgent,
  createOpenAICompatibleModel,
  defineTool,
  renderPlannerPrompt,
  countTokens,
  createToolRegistry,
  renderSelectedPlannerPrompt,
  runPlanned,
  type Tool,
} from 'toolplan/internal';
import { createSimulatedProvider, type SimulatedProvider } from '../index.js';

// Tool selection against the simulated provider over HTTP: the simulated model plans with the tools
// its prompt shows, asks for one it was not shown (`need_tools`), and refuses a plan it could not
// have written.

const CHRISTIANITY = 'How did Christianity spread in Egypt?';
const RELIGION = 'Track the history of Islam in Turkey.';
const RELIGION_STEP = {
  id: 'r',
  tool: 'religion_history.track',
  args: { religion: 'Christianity', area: 'Egypt' },
};
const scripts = {
  scenarios: [
    {
      name: 'christianity',
      query: CHRISTIANITY,
      plan: { steps: [RELIGION_STEP], answer: '${r.summary}' },
    },
    {
      name: 'islam',
      query: RELIGION,
      plan: {
        steps: [{ ...RELIGION_STEP, args: { religion: 'Islam', area: 'Turkey' } }],
        answer: '${r.summary}',
      },
    },
  ],
};

/** 72 tools: past `maxTools` (64), so selection is on by default. */
function catalog(): Tool[] {
  const fillers = Array.from({ length: 71 }, (_, index) =>
    defineTool({
      name: `inventory_item_${index}`,
      description: `Inventory record ${index} of the warehouse.`,
      inputSchema: z.object({ sku: z.string() }),
      readOnly: true,
      execute: () => ({ stock: index }),
    }),
  );
  const religion = defineTool({
    name: 'religion_history.track',
    description: 'Track the development of a religion in an area over a time frame.',
    inputSchema: z.object({ religion: z.string(), area: z.string() }),
    readOnly: true,
    execute: ({ religion: name, area }) => ({ summary: `${name} in ${area}` }),
  });
  return [...fillers, religion];
}

let provider: SimulatedProvider;
beforeAll(async () => {
  provider = await createSimulatedProvider({ speed: 1000, scripts });
});
afterAll(() => provider.close());

const model = () => createOpenAICompatibleModel({ baseURL: provider.url, modelId: 'gpt-4o' });

describe('tool selection over HTTP (simulated provider)', () => {
  it('a tool selection missed is asked for and sent in one extra round, and the run answers', async () => {
    provider.resetStats();
    const run = await runPlanned({ model: model(), tools: catalog(), query: CHRISTIANITY });
    expect(run.answer).toBe('Christianity in Egypt');
    expect(run.toolSelection).toMatchObject({
      catalog: 72,
      selected: [],
      asked: ['religion history track'],
      added: ['religion_history.track'],
      rounds: 1,
    });
    const log = provider.stats().log;
    expect(log.map((entry) => [entry.mode, entry.status])).toEqual([
      ['plan', 200],
      ['plan', 200],
    ]);
  });

  it('a tool selection found is planned with at once, in a prompt of one tool, not 72', async () => {
    provider.resetStats();
    const agent = createAgent({
      model: model(),
      tools: catalog(),
      planCache: false,
      learn: false,
      predict: false,
    });
    const run = await agent.run(RELIGION);
    expect(run.answer).toBe('Islam in Turkey');
    expect(run.toolSelection).toMatchObject({ selected: ['religion_history.track'], rounds: 0 });
    const [request] = provider.stats().log;
    expect(request?.mode).toBe('plan');
    // The request as the server counted it: the instructions, one tool and the query.
    const selected = countTokens(renderSelectedPlannerPrompt(['x']));
    expect(request?.promptTokens).toBeLessThan(selected + 150);
    expect(request?.promptTokens).toBeLessThan(
      countTokens(renderPlannerPrompt(createToolRegistry(catalog()))) / 3,
    );
  });

  it('the simulated model refuses a plan whose tools the prompt neither shows nor lets it ask for', async () => {
    const response = await fetch(`${provider.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'gpt-4o',
        messages: [
          // toolplan's prompt form, listing one tool and without `need_tools`.
          {
            role: 'system',
            content: renderPlannerPrompt(createToolRegistry(catalog().slice(0, 1))),
          },
          { role: 'user', content: CHRISTIANITY },
        ],
      }),
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('tool_not_offered');
    expect(error.message).toContain('`religion_history.track`');
    // The same request in the selected form, which teaches how to ask, gets the request for it.
    const asking = await fetch(`${provider.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'gpt-4o',
        messages: [
          { role: 'system', content: renderSelectedPlannerPrompt([]) },
          { role: 'user', content: CHRISTIANITY },
        ],
      }),
    });
    const body = (await asking.json()) as { choices: Array<{ message: { content: string } }> };
    expect(JSON.parse(body.choices[0]?.message.content ?? '')).toEqual({
      steps: ["n1=need_tools(query='religion history track')"],
      answer: null,
    });
  });
});
