import { afterEach, describe, expect, it } from 'vitest';
import { PlanValidationError } from '../plan/index.js';
import { RunAbortedError } from './step-errors.js';
import { startStreamingExecution } from './start-streaming-execution.js';
import { testTool, type CallLog } from './test-tools.test-utils.js';
import { createVirtualClock, type VirtualClock } from './virtual-clock.js';

let clock: VirtualClock;
let log: CallLog[];

function tools() {
  return [
    testTool({ name: 'search', clock, log, latencyMs: 100, annotations: { readOnly: true } }),
    testTool({ name: 'send_email', clock, log, latencyMs: 10 }),
  ];
}

function setup() {
  clock = createVirtualClock();
  log = [];
}

afterEach(() => {
  expect(clock.pendingTimers).toBe(0);
});

const search = { id: 's', tool: 'search', args: { q: 'flights' } };
const reuse = { id: 'r', tool: 'search', args: { q: '${s.q} deals' } };
const mail = { id: 'm', tool: 'send_email', args: { body: '${s.q}' } };
const afterMail = { id: 'a', tool: 'search', args: { q: 'after' }, after: ['m'] };

describe('startStreamingExecution', () => {
  it('starts a read-only step the moment it arrives, and a side-effect step only once the plan is valid', async () => {
    setup();
    const execution = startStreamingExecution(tools(), { clock });
    expect(execution.offer(search, 0)).toBe('dispatched');
    await clock.advance(30); // the model is still writing the plan
    expect(execution.offer(reuse, 1)).toBe('dispatched');
    expect(execution.offer(mail, 2)).toBe('held');
    expect(execution.offer(afterMail, 3)).toBe('held'); // depends on a held step
    await clock.advance(50);
    expect(log.map((call) => `${call.stepId}@${call.startMs}`)).toEqual(['s@0']);
    const done = execution.finish({ steps: [search, reuse, mail, afterMail] });
    await clock.runAll();
    const result = await done;
    expect(result.status).toBe('ok');
    expect(log.map((call) => `${call.stepId}@${call.startMs}`)).toEqual([
      's@0',
      'r@100',
      'm@100',
      'a@110',
    ]);
    expect(execution.dispatched).toEqual(['s', 'r']);
    expect(execution.arrivals.get('r')).toBe(30);
  });

  it('holds a read-only step whose tool has a policy until the plan is valid, then asks it', async () => {
    setup();
    const asked: string[] = [];
    const guarded = testTool({
      name: 'fetch_page',
      clock,
      log,
      annotations: {
        readOnly: true,
        policy: (request) => {
          asked.push(request.stepId);
          return 'allow';
        },
      },
    });
    const execution = startStreamingExecution([...tools(), guarded], { clock });
    const fetch = { id: 'f', tool: 'fetch_page', args: { url: 'https://example.test' } };
    expect(execution.offer(fetch, 0)).toBe('held');
    expect(execution.offer(search, 1)).toBe('dispatched');
    await clock.advance(30);
    expect(asked).toEqual([]);
    const done = execution.finish({ steps: [fetch, search] });
    await clock.runAll();
    expect((await done).status).toBe('ok');
    expect(asked).toEqual(['f']);
  });

  it('holds steps that do not validate on their own or reference steps not yet known', async () => {
    setup();
    const execution = startStreamingExecution(tools(), { clock });
    expect(execution.offer({ id: 'x', tool: 'search', args: { q: '$later.q' } }, 0)).toBe('held');
    expect(execution.offer({ id: 'y', tool: 'serch', args: {} }, 1)).toBe('held');
    expect(execution.offer({ id: 'z', tool: 'search', args: { q: 'ok' }, oops: 1 }, 2)).toBe(
      'held',
    );
    execution.cancel(new Error('test over'));
    await clock.runAll();
    expect(log).toHaveLength(0);
  });

  it('cancels early steps and drops their results when the finished plan is invalid', async () => {
    setup();
    const execution = startStreamingExecution(tools(), { clock });
    expect(execution.offer(search, 0)).toBe('dispatched');
    await clock.advance(20);
    const finished = execution.finish({
      steps: [search, mail, { id: 'bad', tool: 'nope', args: {} }],
    });
    await expect(finished).rejects.toBeInstanceOf(PlanValidationError);
    await clock.runAll();
    expect(log.map((call) => call.stepId)).toEqual(['s']);
    expect(log[0]?.signal.aborted).toBe(true);
  });

  it('keeps what finished when the plan breaks off, and starts nothing more', async () => {
    setup();
    const execution = startStreamingExecution(tools(), { clock });
    execution.offer(search, 0);
    execution.offer(mail, 1);
    const salvaged = execution.salvage();
    expect(execution.offer(reuse, 2)).toBe('held');
    await clock.runAll();
    expect(await salvaged).toEqual({ s: { q: 'flights' } });
    expect(log.map((call) => call.stepId)).toEqual(['s']);
  });

  it('lets a later plan reference results kept from before', async () => {
    setup();
    const execution = startStreamingExecution(tools(), { clock, results: { s: { q: 'kept' } } });
    expect(execution.offer(reuse, 0)).toBe('dispatched');
    const done = execution.finish({ steps: [reuse] });
    await clock.runAll();
    expect((await done).results).toEqual({ r: { q: 'kept deals' } });
  });

  it('rejects with RunAbortedError when cancelled while running', async () => {
    setup();
    const execution = startStreamingExecution(tools(), { clock });
    execution.offer(search, 0);
    const done = execution.finish({ steps: [search] });
    await clock.advance(10);
    execution.cancel(new Error('stop'));
    await expect(done).rejects.toBeInstanceOf(RunAbortedError);
    await clock.runAll();
  });
});
