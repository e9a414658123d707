import { afterAll, describe, expect, it } from 'vitest';
import { validatePlan } from 'toolplan/internal';
import { createToolRegistry } from 'toolplan/internal';
import { multiHopScenario } from './multi-hop-scenario.js';
import { callTool, describeScenarioChecks, TEST_CONTEXT } from './scenario-checks.test-utils.js';

describeScenarioChecks(multiHopScenario);

describe('multi-hop scenario', async () => {
  const opened = await multiHopScenario.open(TEST_CONTEXT);
  const [benchCase] = opened.cases;
  if (benchCase === undefined) throw new Error('no case');
  const registry = createToolRegistry(opened.toolsFor(benchCase));
  afterAll(() => opened.close());

  it('sums the populations of Paris and Tokyo', () => {
    expect(benchCase.expectedAnswer).toBe('Paris + Tokyo: 16161299 inhabitants.');
  });

  it('has depth 3 and fan-out 2, the second hop fed by references to the first', () => {
    const validated = validatePlan(benchCase.script.plan, { tools: registry });
    const depth = new Map<string, number>();
    for (const step of validated.steps) {
      depth.set(
        step.step.id,
        1 + Math.max(0, ...step.dependencies.map((id) => depth.get(id) ?? 0)),
      );
    }
    expect(Math.max(...depth.values())).toBe(3);
    expect(validated.stepsById.get('c')?.step.forEach).toEqual(['France', 'Japan']);
    expect(validated.stepsById.get('t')?.step).toMatchObject({
      forEach: '$c',
      args: { name: '$item.capital', countryCode: '$item.code' },
    });

    const loop = benchCase.script.loop;
    expect(loop?.calls.filter((call) => call.tool === 'get_city')).toEqual([
      { id: 'par', tool: 'get_city', args: { name: '$fr.capital', countryCode: '$fr.code' } },
      { id: 'tok', tool: 'get_city', args: { name: '$jp.capital', countryCode: '$jp.code' } },
    ]);
  });

  it('get_city tells cities apart by country and refuses unknown ones', async () => {
    await expect(
      callTool(registry, 'get_city', { name: 'Paris', countryCode: 'US' }),
    ).resolves.toMatchObject({ name: 'Paris', countryCode: 'US', population: 24_476 });
    await expect(
      callTool(registry, 'get_city', { name: 'Paris', countryCode: 'JP' }),
    ).rejects.toThrow(/No city named Paris in JP/);
    await expect(callTool(registry, 'get_country', { name: 'Atlantis' })).rejects.toThrow(
      /No country named Atlantis/,
    );
  });

  it('calculate works left to right', async () => {
    await expect(
      callTool(registry, 'calculate', { operation: 'subtract', operands: [10, 3, 2] }),
    ).resolves.toEqual({ operation: 'subtract', result: 5 });
    await expect(
      callTool(registry, 'calculate', { operation: 'divide', operands: [12, 3] }),
    ).resolves.toEqual({ operation: 'divide', result: 4 });
  });
});
