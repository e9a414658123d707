import { afterEach, describe, expect, it } from 'vitest';
import type { Plan } from '../plan/index.js';
import { executePlan } from './execute-plan.js';
import { createSideEffectLedger, sideEffectKey } from './side-effect-ledger.js';
import { RepeatedSideEffectError } from './step-errors.js';
import { testTool, type CallLog, settleOnClock } from './test-tools.test-utils.js';
import { createVirtualClock, type VirtualClock } from './virtual-clock.js';

let clock: VirtualClock;
let log: CallLog[];

afterEach(() => {
  expect(clock.pendingTimers).toBe(0);
});

function setup() {
  clock = createVirtualClock();
  log = [];
  return [
    testTool({ name: 'send', clock, log }),
    testTool({ name: 'read', clock, log, annotations: { readOnly: true } }),
  ];
}

async function run(
  plan: unknown,
  tools: ReturnType<typeof setup>,
  ledger: ReturnType<typeof createSideEffectLedger>,
) {
  return settleOnClock(executePlan(plan as Plan, tools, { clock, sideEffects: ledger }), clock);
}

describe('the side-effect ledger', () => {
  it('gives a repeated side-effect call the result the earlier run got, calling nothing', async () => {
    const tools = setup();
    const ledger = createSideEffectLedger();
    const first = await run(
      { steps: [{ id: 'a', tool: 'send', args: { to: 'x' } }] },
      tools,
      ledger,
    );
    const second = await run(
      {
        steps: [
          { id: 'b', tool: 'send', args: { to: 'x' } },
          { id: 'c', tool: 'send', args: { to: 'y' } },
        ],
      },
      tools,
      ledger,
    );
    expect(second.status).toBe('ok');
    expect(second.results['b']).toEqual(first.results['a']);
    expect(second.steps.find((step) => step.id === 'b')?.attempts).toBe(0);
    expect(log.map((call) => `${call.tool}:${String((call.input as { to: string }).to)}`)).toEqual([
      'send:x',
      'send:y',
    ]);
  });

  it('refuses a side-effect call an earlier run made without a result to give', async () => {
    const tools = setup();
    const ledger = createSideEffectLedger();
    // Made, but its outcome unknown (it failed, or the process that made it went away).
    ledger.add(sideEffectKey('send', { to: 'x' }));
    const second = await run(
      {
        steps: [
          { id: 'b', tool: 'send', args: { to: 'x' } },
          { id: 'c', tool: 'send', args: { to: 'y' } },
          { id: 'r', tool: 'read', args: { to: 'x' } },
        ],
      },
      tools,
      ledger,
    );
    expect(second.steps.find((step) => step.id === 'b')?.error).toBeInstanceOf(
      RepeatedSideEffectError,
    );
    expect(second.steps.find((step) => step.id === 'c')?.status).toBe('ok');
    expect(log.map((call) => `${call.tool}:${String((call.input as { to: string }).to)}`)).toEqual([
      'send:y',
      'read:x',
    ]);
  });

  it('lets one plan make identical side-effect calls it asked for itself', async () => {
    const tools = setup();
    const result = await run(
      {
        steps: [
          { id: 'a', tool: 'send', args: { to: 'x' } },
          { id: 'b', tool: 'send', args: { to: 'x' } },
        ],
      },
      tools,
      createSideEffectLedger(),
    );
    expect(result.status).toBe('ok');
    expect(log).toHaveLength(2);
  });

  it('fails a forEach step with one repeated item before any of its calls goes out', async () => {
    const tools = setup();
    const ledger = createSideEffectLedger();
    await run({ steps: [{ id: 'a', tool: 'send', args: { to: 'y' } }] }, tools, ledger);
    const result = await run(
      { steps: [{ id: 'e', tool: 'send', forEach: ['x', 'y', 'z'], args: { to: '$item' } }] },
      tools,
      ledger,
    );
    expect(result.steps[0]?.error).toBeInstanceOf(RepeatedSideEffectError);
    expect(log).toHaveLength(1);
  });
});
