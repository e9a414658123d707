import { describe, expect, it } from 'vitest';
import type { ModelCallRecord } from 'toolplan/internal';
import type { Plan } from 'toolplan/internal';
import type { StepRecord } from 'toolplan/internal';
import {
  criticalPathMs,
  modelCallFloorMs,
  planLowerBoundMs,
  streamingPlanCompleteBoundMs,
  streamingPlanLowerBoundMs,
} from './lower-bound.js';

// a (100 ms) and b (300 ms) in parallel; c (50 ms) uses a; d (10 ms) uses c and b.
const plan: Plan = {
  steps: [
    { id: 'a', tool: 't', args: {} },
    { id: 'b', tool: 't', args: {} },
    { id: 'c', tool: 't', args: { x: '$a.v' } },
    { id: 'd', tool: 't', args: { y: '${c.v}', z: '$b' } },
  ],
};
const step = (id: string, startMs: number, endMs: number): StepRecord => ({
  id,
  tool: 't',
  status: 'ok',
  startMs,
  endMs,
  attempts: 1,
});
const steps = [step('a', 0, 100), step('b', 0, 300), step('c', 100, 150), step('d', 300, 310)];
const call = (startMs: number, firstTokenMs: number, outputTokens: number): ModelCallRecord => ({
  kind: 'stream',
  startMs,
  firstTokenMs,
  endMs: firstTokenMs + outputTokens * 10,
  usage: {
    inputTokens: { total: 100, noCache: 100, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: outputTokens, text: outputTokens, reasoning: 0 },
  },
});

describe('lower bounds', () => {
  it('takes the longest chain of step durations through the DAG', () => {
    expect(criticalPathMs(plan, steps)).toBe(310); // b → d
  });

  it('starts each step no earlier than given (streaming: when its JSON closed)', () => {
    // a arrives at 500: a → c → d = 500 + 100 + 50 + 10.
    expect(criticalPathMs(plan, steps, { a: 500, b: 0, c: 0, d: 0 })).toBe(660);
  });

  it('counts a model call as its time to first token plus its tokens at the decode rate', () => {
    expect(modelCallFloorMs(call(0, 400, 51), { msPerOutputToken: 10 })).toBe(900);
  });

  it('adds the plan call and the critical path for a plan executed once complete', () => {
    expect(
      planLowerBoundMs({
        modelCalls: [call(0, 400, 51)],
        plans: [plan],
        steps,
        msPerOutputToken: 10,
      }),
    ).toBe(1210);
  });

  it('overlaps generation and tools when streaming, and can also wait for the whole plan', () => {
    const options = {
      plan,
      steps,
      arrivals: { a: 450, b: 500, c: 550, d: 600 },
      planCall: call(0, 400, 51),
      laterModelCalls: [call(1000, 1300, 11)],
      msPerOutputToken: 10,
    };
    // b arrives at 500 and takes 300; d waits for it: 800 + 10, then the joiner's 300 + 100.
    expect(streamingPlanLowerBoundMs(options)).toBe(810 + 400);
    // The plan itself takes 900 to write, later than the tools' 810.
    expect(streamingPlanCompleteBoundMs(options)).toBe(900 + 400);
  });
});
