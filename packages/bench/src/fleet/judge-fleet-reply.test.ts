import { describe, expect, it } from 'vitest';
import type { FleetRunReply } from './fleet-messages.js';
import { fleetTraffic } from './fleet-traffic.js';
import { failureName, judgeFleetReply, requestedEffects } from './judge-fleet-reply.js';

const traffic = fleetTraffic(1);
const balance = traffic.find((each) => each.kind === 'my-balance' && each.tenant === 'tenant-a');
const order = traffic.find((each) => each.kind === 'place-order');
if (balance === undefined || order === undefined) throw new Error('no such query');

const answered = (
  answer: string,
  steps: Array<{ tool: string; status: string; error?: string }> = [],
): FleetRunReply => ({
  type: 'result',
  id: 1,
  answer,
  answeredBy: 'plan-cache',
  llmCalls: 0,
  inputTokens: 0,
  cachedInputTokens: 0,
  outputTokens: 0,
  steps,
});

const judge = (benchCase: typeof balance, reply?: FleetRunReply) =>
  judgeFleetReply({
    benchCase,
    runId: 'run-1',
    position: 0,
    latencyMs: 1,
    attempts: 1,
    ...(reply === undefined ? {} : { reply }),
  });

describe('judgeFleetReply', () => {
  it("counts the caller's own data as right", () => {
    expect(judge(balance, answered('tenant-a: 120 credits.'))).toMatchObject({
      correct: true,
      crossedScope: false,
    });
  });

  it("counts another tenant's data as crossing scopes (a result served across shareScopes)", () => {
    expect(judge(balance, answered('tenant-b: 75 credits.'))).toMatchObject({
      correct: false,
      crossedScope: true,
    });
  });

  it('counts no answer as wrong, crossing nothing', () => {
    expect(judge(balance)).toMatchObject({ correct: false, crossedScope: false });
  });
});

describe('failureName', () => {
  it("names what broke: a failed step's error before the run's own", () => {
    const reply: FleetRunReply = {
      type: 'error',
      id: 1,
      name: 'ModelCallError',
      message: 'the answer failed',
      steps: [
        { tool: 'place_order', status: 'error', error: 'WorkerDiedError: worker died mid-job' },
      ],
    };
    expect(failureName(judge(order, reply))).toBe('WorkerDiedError');
    expect(failureName(judge(order, { ...reply, steps: [] }))).toBe('ModelCallError');
  });

  it('names nothing for a right answer, or for a wrong one that does not say it failed', () => {
    expect(failureName(judge(order, answered(order.expectedAnswer)))).toBeUndefined();
    expect(failureName(judge(order, answered('Done.')))).toBeUndefined();
    expect(
      failureName(
        judge(
          order,
          answered('Done.', [
            { tool: 'place_order', status: 'error', error: 'QueuedCallError: no' },
          ]),
        ),
      ),
    ).toBe('QueuedCallError');
  });
});

describe('requestedEffects', () => {
  it("says how each query's side effect ended: made, failed and said so, or never answered", () => {
    const reference = order.effect?.reference;
    const failedStep = { tool: 'place_order', status: 'error', error: 'WorkerDiedError: died' };
    expect(
      requestedEffects([
        judge(order, answered(order.expectedAnswer, [{ tool: 'place_order', status: 'ok' }])),
        judge(order, answered('Sorry.', [failedStep])),
        judge(order, { type: 'error', id: 1, name: 'ModelCallError', message: 'no' }),
        judge(order),
        judge(balance, answered('tenant-a: 120 credits.')),
      ]),
    ).toEqual([
      { reference, idempotent: false, outcome: 'answered' },
      { reference, idempotent: false, outcome: 'reported-failed' },
      { reference, idempotent: false, outcome: 'reported-failed' },
      { reference, idempotent: false, outcome: 'unanswered' },
    ]);
  });
});
