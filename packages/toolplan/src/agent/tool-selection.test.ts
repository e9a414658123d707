import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { PromptPurpose } from '../context/index.js';
import { renderPlannerPrompt } from '../model/planner-prompt.js';
import { PlanValidationError } from '../plan/index.js';
import { countTokens, createToolRegistry, defineTool, type Tool } from '../tools/index.js';
import { AgentOptionsError } from './agent-options-error.js';
import { createAgent } from './create-agent.js';
import { createPlanner } from './create-planner.js';
import { PlanningError } from './planning-error.js';
import { runPlanned } from './run-planned.js';
import { scriptedModel } from './scripted-model.test-utils.js';
import { checkToolSelection, toolSelectionDefaults } from './tool-selection.js';

const weather = defineTool({
  name: 'get_weather',
  description: 'Current weather for a city.',
  inputSchema: z.object({ city: z.string() }),
  readOnly: true,
  execute: ({ city }) => ({ city, temp: 20 }),
});
const religion = defineTool({
  name: 'religion_history.track',
  description: 'Track the development of a religion in an area over a time frame.',
  inputSchema: z.object({ religion: z.string(), area: z.string() }),
  readOnly: true,
  execute: ({ religion: name, area }) => ({ summary: `${name} in ${area}` }),
});

/** More tools than `maxTools`: tool selection is on by default. */
function bigCatalog(): Tool[] {
  const fillers = Array.from({ length: 70 }, (_, index) =>
    defineTool({
      name: `inventory_item_${index}`,
      description: `Inventory record ${index} of the warehouse.`,
      inputSchema: z.object({ sku: z.string() }),
      readOnly: true,
      execute: () => ({ stock: index }),
    }),
  );
  return [...fillers.slice(0, 35), weather, ...fillers.slice(35), religion];
}

const WEATHER_PLAN = `{"steps":["w=get_weather(city='Oslo')"],"answer":"\${w.temp}"}`;
const NEED_RELIGION = `{"steps":["n=need_tools(query='religion history')"],"answer":null}`;
const RELIGION_PLAN = `{"steps":["r=religion_history.track(religion='Christianity',area='Egypt')"],"answer":"\${r.summary}"}`;
const CHRISTIANITY = 'How did Christianity spread in Egypt?';

function systemOf(prompt: unknown): string {
  const [system] = prompt as Array<{ role: string; content: string }>;
  return system?.role === 'system' ? system.content : '';
}

describe('checkToolSelection', () => {
  const tools = createToolRegistry(bigCatalog());

  it('takes false, true, nothing, or limits, with defaults filled in', () => {
    expect(checkToolSelection(false, tools)).toBe(false);
    expect(checkToolSelection(undefined, tools)).toEqual(toolSelectionDefaults);
    expect(checkToolSelection(true, tools)).toEqual(toolSelectionDefaults);
    expect(checkToolSelection({ maxTools: 8, always: ['get_weather'] }, tools)).toEqual({
      maxTokens: 4_000,
      maxTools: 8,
      always: ['get_weather'],
    });
  });

  it.each([
    [
      'yes',
      'Expected `toolSelection` to be a boolean or { maxTokens, maxTools, always }, got `yes`',
    ],
    [{ maxTokens: 0 }, 'Expected `toolSelection.maxTokens` to be a positive integer, got `0`'],
    [{ maxTools: 1.5 }, 'Expected `toolSelection.maxTools` to be a positive integer, got `1.5`'],
    [{ always: 'get_weather' }, 'Expected `toolSelection.always` to be an array of tool names'],
    [{ always: ['get_wether'] }, '`toolSelection.always` names `get_wether`, which is not a tool'],
    [{ max: 3 }, 'Unknown option `toolSelection.max`'],
  ])('refuses %j, naming the part', (given, message) => {
    expect(() => checkToolSelection(given, tools)).toThrow(message);
  });

  it('is checked with the other options of createAgent and runPlanned, in one error', async () => {
    const model = scriptedModel([]);
    let caught: unknown;
    try {
      createAgent({ model, tools: bigCatalog(), toolSelection: { maxTools: 0 }, maxReplans: -1 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AgentOptionsError);
    expect((caught as AgentOptionsError).problems).toEqual([
      expect.stringContaining('`maxReplans`'),
      '`toolSelection`: Expected `toolSelection.maxTools` to be a positive integer, got `0`',
    ]);
    await expect(
      runPlanned({ model, tools: bigCatalog(), query: 'q', toolSelection: { always: ['x'] } }),
    ).rejects.toThrow('`toolSelection.always` names `x`, which is not a tool');
  });
});

describe('tool selection in the planner', () => {
  it('sends a catalog within the limits whole, as before, and reports no selection', async () => {
    const tools = createToolRegistry([weather, religion]);
    const model = scriptedModel([WEATHER_PLAN]);
    const planner = createPlanner({ model, tools });
    await planner.plan('Weather in Oslo?');
    expect(systemOf(model.doStreamCalls[0]?.prompt)).toBe(renderPlannerPrompt(tools));
    expect(planner.toolSelection()).toBeUndefined();
  });

  it('sends a large catalog whole with `false`', async () => {
    const tools = createToolRegistry(bigCatalog());
    const model = scriptedModel([WEATHER_PLAN]);
    await createPlanner({ model, tools, toolSelection: false, maxPromptTokens: 100_000 }).plan(
      'Weather in Oslo?',
    );
    expect(systemOf(model.doStreamCalls[0]?.prompt)).toBe(renderPlannerPrompt(tools));
  });

  it('sends a large catalog only the tools the query needs, and says how to ask for more', async () => {
    const tools = createToolRegistry(bigCatalog());
    const model = scriptedModel([WEATHER_PLAN]);
    const planner = createPlanner({ model, tools });
    const { plan } = await planner.plan('What is the weather in Oslo?');
    expect(plan.plan.steps[0]?.tool).toBe('get_weather');
    const system = systemOf(model.doStreamCalls[0]?.prompt);
    expect(system).toContain('\nget_weather(city: string) — Current weather for a city.');
    expect(system).toContain("need_tools(query='what it must do')");
    expect(system).not.toContain('inventory_item_');
    expect(system).not.toContain('religion_history.track(');
    expect(planner.systemPrompt).toBe(system);
    expect(planner.systemPromptTokens).toBe(countTokens(system));
    expect(planner.toolSelection()).toEqual({
      catalog: 72,
      selected: ['get_weather'],
      selectedTokens: expect.any(Number) as number,
      asked: [],
      added: [],
      rounds: 0,
    });
  });

  it('sends a tool the plan asked for in one extra round, keeping the system prompt', async () => {
    const tools = createToolRegistry(bigCatalog());
    const model = scriptedModel([NEED_RELIGION, RELIGION_PLAN]);
    const planner = createPlanner({ model, tools });
    const purposes: PromptPurpose[] = [];
    const { plan, attempts } = await planner.plan(CHRISTIANITY, {
      onPrompt: (report) => purposes.push(report.purpose),
    });
    expect(plan.plan.steps[0]?.tool).toBe('religion_history.track');
    expect(attempts).toEqual([NEED_RELIGION, RELIGION_PLAN]);
    expect(purposes).toEqual(['plan', 'tools']);
    const [first, second] = model.doStreamCalls;
    expect(systemOf(second?.prompt)).toBe(systemOf(first?.prompt));
    expect(second?.prompt.at(-2)).toEqual({
      role: 'assistant',
      content: [{ type: 'text', text: NEED_RELIGION }],
    });
    const more = JSON.stringify(second?.prompt.at(-1));
    expect(more).toContain('More tools:');
    expect(more).toContain('religion_history.track(religion: string, area: string)');
    expect(planner.toolSelection()).toMatchObject({
      selected: [],
      asked: ['religion history'],
      added: ['religion_history.track'],
      rounds: 1,
    });
    // The planner's next call (a replan) shows the added tool in its system prompt.
    expect(planner.systemPrompt).toContain('\nreligion_history.track(');
  });

  it('sends a tool of the catalog the plan called without having been sent it', async () => {
    const tools = createToolRegistry(bigCatalog());
    const model = scriptedModel([RELIGION_PLAN, RELIGION_PLAN]);
    const planner = createPlanner({ model, tools });
    await planner.plan(CHRISTIANITY);
    expect(model.doStreamCalls).toHaveLength(2);
    expect(planner.toolSelection()).toMatchObject({ asked: [], added: ['religion_history.track'] });
  });

  it('sends no tools a second time: a second ask is a problem to correct, then a PlanningError', async () => {
    const tools = createToolRegistry(bigCatalog());
    const model = scriptedModel([NEED_RELIGION, NEED_RELIGION, NEED_RELIGION]);
    const planner = createPlanner({ model, tools });
    const error = await planner.plan('Tell me about the spread of it').catch((caught) => caught);
    expect(error).toBeInstanceOf(PlanningError);
    expect((error as PlanningError).cause).toBeInstanceOf(PlanValidationError);
    expect((error as PlanningError).message).toContain('no more tools can be sent');
    expect((error as PlanningError).attempts).toHaveLength(3);
    expect(planner.toolSelection()?.rounds).toBe(1);
  });

  it('says so when nothing matches what was asked for', async () => {
    const tools = createToolRegistry(bigCatalog());
    const asks = `{"steps":["n=need_tools(query='quantum teleportation')"],"answer":null}`;
    const model = scriptedModel([asks, WEATHER_PLAN]);
    await createPlanner({ model, tools }).plan('Weather in Oslo?');
    expect(JSON.stringify(model.doStreamCalls[1]?.prompt.at(-1))).toContain(
      'No other tool matches.',
    );
  });

  it('corrects a plan naming a tool that exists nowhere, as without selection', async () => {
    const tools = createToolRegistry(bigCatalog());
    const wrong = `{"steps":["w=get_wether(city='Oslo')"],"answer":null}`;
    const model = scriptedModel([wrong, WEATHER_PLAN]);
    const planner = createPlanner({ model, tools });
    await planner.plan('What is the weather in Oslo?');
    expect(JSON.stringify(model.doStreamCalls[1]?.prompt.at(-1))).toContain('steps[0].tool');
    expect(planner.toolSelection()?.rounds).toBe(0);
  });

  it('keeps the tools within a small prompt budget, and refuses one with no room for a tool', () => {
    const tools = createToolRegistry(bigCatalog());
    const small = createPlanner({ model: scriptedModel([]), tools, maxPromptTokens: 800 });
    expect(small.systemPromptTokens).toBeLessThan(800);
    expect(() => createPlanner({ model: scriptedModel([]), tools, maxPromptTokens: 300 })).toThrow(
      expect.objectContaining({ name: 'PromptBudgetError' }),
    );
  });
});

describe('tool selection in a run', () => {
  it('runPlanned executes the plan written after the extra round and reports the selection', async () => {
    const model = scriptedModel([NEED_RELIGION, RELIGION_PLAN]);
    const run = await runPlanned({ model, tools: bigCatalog(), query: CHRISTIANITY });
    expect(run.answer).toBe('Christianity in Egypt');
    expect(run.promptReports.map((report) => report.purpose)).toEqual(['plan', 'tools']);
    expect(run.toolSelection).toMatchObject({ rounds: 1, added: ['religion_history.track'] });
  });

  it('an agent reports what it sent on each run', async () => {
    const model = scriptedModel([WEATHER_PLAN]);
    const agent = createAgent({
      model,
      tools: bigCatalog(),
      planCache: false,
      learn: false,
      predict: false,
    });
    const run = await agent.run('What is the weather in Oslo?');
    expect(run.answer).toBe('20');
    expect(run.toolSelection).toMatchObject({ selected: ['get_weather'], rounds: 0 });
  });
});
