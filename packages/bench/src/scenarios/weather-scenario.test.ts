import { afterAll, describe, expect, it } from 'vitest';
import { createToolRegistry } from 'toolplan/internal';
import {
  callTool,
  describeScenarioChecks,
  TEST_CONTEXT,
  executeScriptedPlan,
} from './scenario-checks.test-utils.js';
import { instrumentTools, type ToolCallRecord } from '../instrument-tools.js';
import { weatherBatchScenario, weatherScenario } from './weather-scenario.js';
import { predictedAndPlannedCalls } from './predicted-calls.test-utils.js';

describeScenarioChecks(weatherScenario);

let weatherQuery = '';
let weatherPlan: unknown;

describe('weather scenario', async () => {
  const opened = await weatherScenario.open(TEST_CONTEXT);
  const [benchCase] = opened.cases;
  if (benchCase === undefined) throw new Error('no case');
  weatherQuery = benchCase.query;
  weatherPlan = benchCase.script.plan;
  const registry = createToolRegistry(opened.toolsFor(benchCase));
  afterAll(() => opened.close());

  it('answers with the warmest, the coldest and the spread', () => {
    expect(benchCase.expectedAnswer).toBe(
      'Warmest: Miami (68°F); coldest: Chicago (14°F); spread 54°F.',
    );
  });

  it('plans five weather calls as one forEach step and a comparison', () => {
    expect(benchCase.script.plan).toMatchObject({
      steps: [
        {
          id: 'w',
          tool: 'get_weather',
          forEach: ['Boston', 'New York', 'Chicago', 'Miami', 'Seattle'],
        },
        { id: 'cmp', tool: 'compare_temps', args: { results: '$w' } },
      ],
    });
    expect(benchCase.script.loop?.calls.map((call) => call.tool)).toEqual([
      ...Array<string>(5).fill('get_weather'),
      'compare_temps',
    ]);
  });

  it('get_weather returns the table row and refuses an unknown city or date', async () => {
    await expect(
      callTool(registry, 'get_weather', { city: 'boston', date: '2024-01-20' }),
    ).resolves.toEqual({
      city: 'Boston',
      date: '2024-01-20',
      temp: 28,
      condition: 'partly cloudy',
      windMph: 12,
    });
    await expect(
      callTool(registry, 'get_weather', { city: 'Atlantis', date: '2024-01-20' }),
    ).rejects.toThrow(/No weather data for Atlantis/);
    await expect(
      callTool(registry, 'get_weather', { city: 'Boston', date: '2024-01-21' }),
    ).rejects.toThrow(/No weather data/);
  });
});

describeScenarioChecks(weatherBatchScenario);

describe('weather-batch scenario', async () => {
  const opened = await weatherBatchScenario.open(TEST_CONTEXT);
  const [benchCase] = opened.cases;
  if (benchCase === undefined) throw new Error('no case');
  afterAll(() => opened.close());

  it('asks the weather question in other words, with the same plan and answer', () => {
    expect(benchCase.query).not.toBe(weatherQuery);
    expect(benchCase.script.plan).toEqual(weatherPlan);
    expect(benchCase.expectedAnswer).toBe(
      'Warmest: Miami (68°F); coldest: Chicago (14°F); spread 54°F.',
    );
  });

  it("the plan's five weather look-ups go out as one batch request", async () => {
    const calls: ToolCallRecord[] = [];
    const tools = instrumentTools(createToolRegistry(opened.toolsFor(benchCase)), {
      origin: performance.now(),
      record: (call) => calls.push(call),
    });
    const result = await executeScriptedPlan(benchCase.script.plan, tools);
    expect(result.answer).toBe(benchCase.expectedAnswer);
    expect(calls.map((call) => [call.tool, call.batchSize])).toEqual([
      ['get_weather', 5],
      ['compare_temps', undefined],
    ]);
    expect(result.batches?.map((batch) => batch.stepIds)).toEqual([['w']]);
  });
});

describe('weather predictor', () => {
  it('guesses exactly the get_weather calls of the plan', async () => {
    const { planned, predicted } = await predictedAndPlannedCalls(weatherScenario);
    expect(predicted).toHaveLength(5);
    expect(predicted).toEqual(planned);
  });
});
