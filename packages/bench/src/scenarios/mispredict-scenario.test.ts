import { describe, expect, it } from 'vitest';
import { mispredictScenario } from './mispredict-scenario.js';
import { predictedAndPlannedCalls } from './predicted-calls.test-utils.js';
import { describeScenarioChecks } from './scenario-checks.test-utils.js';

describeScenarioChecks(mispredictScenario);

describe('mispredict scenario', () => {
  it('has a predictor whose every guess misses the plan', async () => {
    const { planned, predicted } = await predictedAndPlannedCalls(mispredictScenario);
    expect(predicted).toHaveLength(3);
    expect(predicted.filter((key) => planned.includes(key))).toEqual([]);
  });
});
