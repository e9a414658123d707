import { afterAll, describe, expect, it } from 'vitest';
import { validatePlan } from 'toolplan/internal';
import { countTokens, createToolRegistry } from 'toolplan/internal';
import { researchScenario } from './research-scenario.js';
import { callTool, describeScenarioChecks, TEST_CONTEXT } from './scenario-checks.test-utils.js';
import { predictedAndPlannedCalls } from './predicted-calls.test-utils.js';

describeScenarioChecks(researchScenario);

describe('research scenario', async () => {
  const opened = await researchScenario.open(TEST_CONTEXT);
  const [benchCase] = opened.cases;
  if (benchCase === undefined) throw new Error('no case');
  const registry = createToolRegistry(opened.toolsFor(benchCase));
  afterAll(() => opened.close());

  it('answers with the news, the report, the most funded and the largest company', () => {
    expect(benchCase.expectedAnswer).toBe(
      'Latest news. ' +
        'Ionforge (2025-06-03): B-samples of its 60 Ah sulfide cell went to two automakers for validation. ' +
        'Solvane (2025-06-12): A $250M Series D will equip a 1 GWh pilot line for its oxide cells. ' +
        'Cellora (2025-05-21): Its polymer cells will power a pilot run of 5,000 cargo e-bikes. ' +
        'Industry report: "Solid-State Battery Outlook 2025" (Voltmark Research): Pilot capacity is set ' +
        'to reach 12 GWh by 2027, up from about 2 GWh in 2024; sulfide electrolytes lead, oxide and polymer ' +
        'designs follow. Most funded: Solvane ($655M raised); most employees: Ionforge (520).',
    );
  });

  it('opens a plan of at least 8 steps with the slow searches, whose results feed the page fetches', () => {
    const validated = validatePlan(benchCase.script.plan, { tools: registry });
    expect(validated.steps.length).toBeGreaterThanOrEqual(8);
    expect(validated.steps.slice(0, 2).map((step) => step.step.tool)).toEqual([
      'web_search',
      'web_search',
    ]);
    expect(validated.stepsById.get('a')?.step).toMatchObject({
      tool: 'fetch_page',
      forEach: '$s',
      args: { url: '$item.results[0].url' },
    });
    expect(validated.stepsById.get('a')?.dependencies).toEqual(['s']);
    expect(validated.stepsById.get('b')?.dependencies).toEqual(['r']);
  });

  it('closes the first search early in the plan text, well before its end', () => {
    const text = JSON.stringify(benchCase.script.plan);
    const firstStepEnd = text.indexOf('}}') + 2;
    expect(countTokens(text.slice(0, firstStepEnd))).toBeLessThan(countTokens(text) / 5);
  });

  it('the loop makes one call at a time: each page fetch after its search', () => {
    const calls = benchCase.script.loop?.calls ?? [];
    expect(calls.map((call) => call.tool)).toEqual([
      ...Array<string>(4).fill('web_search'),
      ...Array<string>(4).fill('fetch_page'),
      ...Array<string>(3).fill('get_funding'),
      ...Array<string>(3).fill('get_company_profile'),
      'rank',
      'rank',
    ]);
    expect(calls.find((call) => call.id === 'aion')).toEqual({
      id: 'aion',
      tool: 'fetch_page',
      args: { url: '$sion.results[0].url' },
    });
  });

  it('web_search finds nothing for an unknown query; fetch_page refuses an unknown URL', async () => {
    await expect(callTool(registry, 'web_search', { query: 'perpetual motion' })).resolves.toEqual({
      query: 'perpetual motion',
      results: [],
    });
    await expect(
      callTool(registry, 'web_search', { query: '  SOLVANE solid-state battery  news ' }),
    ).resolves.toMatchObject({
      results: [{ url: 'https://batterytechnews.example/2025/06/solvane-series-d' }, {}],
    });
    await expect(
      callTool(registry, 'fetch_page', { url: 'https://nowhere.example/' }),
    ).rejects.toThrow(/404/);
  });

  it('the look-ups refuse unknown companies; rank orders by the field asked for', async () => {
    await expect(callTool(registry, 'get_funding', { company: 'Acme' })).rejects.toThrow(
      /No funding data for Acme/,
    );
    await expect(callTool(registry, 'get_company_profile', { company: 'Acme' })).rejects.toThrow(
      /No company profile for Acme/,
    );
    await expect(
      callTool(registry, 'rank', {
        items: [
          { company: 'X', employees: 3 },
          { company: 'Y', employees: 7 },
        ],
        by: 'employees',
      }),
    ).resolves.toEqual({
      by: 'employees',
      top: { company: 'Y', value: 7 },
      ranking: [
        { company: 'Y', value: 7 },
        { company: 'X', value: 3 },
      ],
    });
    await expect(
      callTool(registry, 'rank', { items: [{ company: 'X' }], by: 'employees' }),
    ).rejects.toThrow(/X has no `employees`/);
  });
});

describe('research predictor', () => {
  it('guesses the plan’s four searches and nothing else', async () => {
    const { planned, predicted } = await predictedAndPlannedCalls(researchScenario);
    expect(predicted).toHaveLength(4);
    expect(predicted.every((key) => planned.includes(key))).toBe(true);
  });
});
