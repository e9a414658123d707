import { describe, expect, it } from 'vitest';
import { newsSearchScenario } from './news-search-scenario.js';
import { predictedAndPlannedCalls } from './predicted-calls.test-utils.js';
import { describeScenarioChecks } from './scenario-checks.test-utils.js';

describeScenarioChecks(newsSearchScenario);

describe('news-search scenario', () => {
  it('has a predictor whose every guess is a call of the plan', async () => {
    const { planned, predicted } = await predictedAndPlannedCalls(newsSearchScenario);
    expect(predicted).toHaveLength(3);
    expect(predicted).toEqual(planned);
  });
});
