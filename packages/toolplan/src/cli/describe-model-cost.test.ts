import { describe, expect, it } from 'vitest';
import { describeModelCost } from './describe-model-cost.js';

const usage = {
  llmCalls: 1,
  inputTokens: 1000,
  cachedInputTokens: 400,
  outputTokens: 100,
  modelRetries: 0,
  modelTimeouts: 0,
};

describe('describeModelCost', async () => {
  it("prices a known model's tokens at its profile's list prices", async () => {
    // gpt-4o: $2.50 per million input, $1.25 cached, $10 output.
    // 600 × 2.5 + 400 × 1.25 + 100 × 10 = 3000 per million = $0.003.
    expect(await describeModelCost(usage, 'gpt-4o')).toBe("$0.00300 at gpt-4o's prices");
    // gpt-4.1-mini: 600 × 0.4 + 400 × 0.1 + 100 × 1.6 = 440 per million.
    expect(await describeModelCost(usage, 'gpt-4.1-mini')).toBe(
      "$0.00044 at gpt-4.1-mini's prices",
    );
  });

  it('says so when the model is unknown, rather than guess', async () => {
    expect(await describeModelCost(usage, 'llama3.1')).toBe('cost unknown for model llama3.1');
    expect(await describeModelCost(usage, 'toString')).toBe('cost unknown for model toString');
  });

  it('costs nothing without a model call', async () => {
    expect(await describeModelCost({ ...usage, llmCalls: 0 }, 'llama3.1')).toBe('$0');
  });
});
