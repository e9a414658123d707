import { afterEach, describe, expect, it } from 'vitest';
import { executePlan } from './execute-plan.js';
import { createSingleFlight } from './single-flight.js';
import { RunAbortedError } from './step-errors.js';
import { testTool, type CallLog } from './test-tools.test-utils.js';
import { createVirtualClock, type VirtualClock } from './virtual-clock.js';

let clock: VirtualClock;
let log: CallLog[];

function setup() {
  clock = createVirtualClock();
  log = [];
}

afterEach(() => {
  expect(clock.pendingTimers).toBe(0);
});

// Runs share calls only within a scope they name (DESIGN.md, "Isolation").
const shareScope = 'tenant-1';

const plan = (id: string, tool = 'lookup') => ({ steps: [{ id, tool, args: { q: 'same' } }] });

describe('single flight across plans', () => {
  it('runs an identical read-only call of two concurrent plans once', async () => {
    setup();
    const inFlight = createSingleFlight();
    const lookup = testTool({
      name: 'lookup',
      clock,
      log,
      latencyMs: 10,
      annotations: { readOnly: true },
    });
    const first = executePlan(plan('a'), [lookup], { clock, shareScope, inFlight, runId: 'r1' });
    await clock.advance(4);
    const second = executePlan(
      { steps: [...plan('b').steps, { id: 'after', tool: 'lookup', args: { q: '$b.q', n: 2 } }] },
      [lookup],
      { clock, shareScope, inFlight, runId: 'r2' },
    );
    expect(inFlight.size).toBe(1);
    await clock.runAll();
    const [one, two] = await Promise.all([first, second]);
    expect(log.map((call) => [call.stepId, call.startMs])).toEqual([
      ['a', 0],
      ['after', 10],
    ]);
    expect(one.steps[0]).toMatchObject({ status: 'ok', attempts: 1, endMs: 10 });
    expect(two.steps[0]).toMatchObject({
      status: 'ok',
      attempts: 0,
      startMs: 0,
      endMs: 6,
      sharedWith: 'a',
      sharedRunId: 'r1',
    });
    expect(two.results['b']).toEqual({ q: 'same' });
    // The dependent of the shared step started the moment the other plan's call ended.
    expect(two.steps[1]).toMatchObject({ status: 'ok', startMs: 6, endMs: 16 });
    expect(inFlight.size).toBe(0);
  });

  it('never shares a call of a tool with side effects', async () => {
    setup();
    const inFlight = createSingleFlight();
    const write = testTool({ name: 'write', clock, log, latencyMs: 10 });
    const runs = [
      executePlan(plan('a', 'write'), [write], { clock, shareScope, inFlight }),
      executePlan(plan('b', 'write'), [write], { clock, shareScope, inFlight }),
    ];
    await clock.runAll();
    const results = await Promise.all(runs);
    expect(log).toHaveLength(2);
    expect(results.map((result) => result.steps[0]?.sharedWith)).toEqual([undefined, undefined]);
  });

  it('shares through the process-wide registry by default within a scope, and not with inFlight: false', async () => {
    setup();
    const lookup = testTool({ name: 'lookup', clock, log, annotations: { readOnly: true } });
    const shared = [
      executePlan(plan('a'), [lookup], { clock, shareScope }),
      executePlan(plan('b'), [lookup], { clock, shareScope }),
    ];
    await clock.runAll();
    await Promise.all(shared);
    expect(log).toHaveLength(1);
    const apart = [
      executePlan(plan('a'), [lookup], { clock, shareScope, inFlight: false }),
      executePlan(plan('b'), [lookup], { clock, shareScope, inFlight: false }),
    ];
    await clock.runAll();
    await Promise.all(apart);
    expect(log).toHaveLength(3);
  });

  it('does not share between different tool objects of the same name', async () => {
    setup();
    const inFlight = createSingleFlight();
    const make = () => testTool({ name: 'lookup', clock, log, annotations: { readOnly: true } });
    const runs = [
      executePlan(plan('a'), [make()], { clock, shareScope, inFlight }),
      executePlan(plan('b'), [make()], { clock, shareScope, inFlight }),
    ];
    await clock.runAll();
    await Promise.all(runs);
    expect(log).toHaveLength(2);
  });

  it('makes the call itself when the plan it was waiting on is aborted', async () => {
    setup();
    const inFlight = createSingleFlight();
    const lookup = testTool({
      name: 'lookup',
      clock,
      log,
      latencyMs: 10,
      annotations: { readOnly: true },
    });
    const controller = new AbortController();
    const first = executePlan(plan('a'), [lookup], {
      clock,
      shareScope,
      inFlight,
      signal: controller.signal,
    });
    first.catch(() => undefined);
    await clock.advance(2);
    const second = executePlan(plan('b'), [lookup], { clock, shareScope, inFlight });
    await clock.advance(2);
    controller.abort(new Error('user left'));
    await expect(first).rejects.toBeInstanceOf(RunAbortedError);
    await clock.runAll();
    const result = await second;
    expect(log.map((call) => [call.stepId, call.startMs])).toEqual([
      ['a', 0],
      ['b', 4],
    ]);
    expect(result.steps[0]).toMatchObject({ status: 'ok', attempts: 1, startMs: 0, endMs: 12 });
    expect(result.steps[0]?.sharedWith).toBeUndefined();
    expect(result.steps[0]?.sharedRunId).toBeUndefined();
    expect(inFlight.size).toBe(0);
  });

  it('when the owner is aborted, one of its followers makes the call and the others follow it', async () => {
    setup();
    const inFlight = createSingleFlight();
    const lookup = testTool({
      name: 'lookup',
      clock,
      log,
      latencyMs: 10,
      annotations: { readOnly: true },
    });
    const controller = new AbortController();
    const owner = executePlan(plan('a'), [lookup], {
      clock,
      shareScope,
      inFlight,
      signal: controller.signal,
    });
    owner.catch(() => undefined);
    const followers = [
      executePlan(plan('b'), [lookup], { clock, shareScope, inFlight, runId: 'rb' }),
      executePlan(plan('c'), [lookup], { clock, shareScope, inFlight, runId: 'rc' }),
    ];
    await clock.advance(3);
    controller.abort(new Error('user left'));
    await clock.runAll();
    const [b, c] = await Promise.all(followers);
    expect(log.map((call) => [call.stepId, call.startMs])).toEqual([
      ['a', 0],
      ['b', 3],
    ]);
    expect(b?.steps[0]).toMatchObject({ status: 'ok', attempts: 1, endMs: 13 });
    expect(c?.steps[0]).toMatchObject({
      status: 'ok',
      attempts: 0,
      endMs: 13,
      sharedWith: 'b',
      sharedRunId: 'rb',
    });
    expect(inFlight.size).toBe(0);
  });
});
