import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ModelRetryEvent } from '../model/call-model-text.js';
import { ModelCallError } from '../model/model-call-error.js';
import { ModelTimeoutError } from '../model/model-timeout-error.js';
import { createVirtualClock, type VirtualClock } from '../runtime/virtual-clock.js';
import { StepTimeoutError } from '../runtime/step-errors.js';
import { createToolRegistry, defineTool } from '../tools/index.js';
import { createAgent } from './create-agent.js';
import { createSession } from './create-session.js';
import { faultyModel, type FaultyReply } from './faulty-model.test-utils.js';
import { DEFAULT_TOOL_TIMEOUT_MS } from './resolve-run-planned-options.js';
import { runPlanned } from './run-planned.js';

// The fault-injection suite of issue 16, on a virtual clock: what a real provider does wrong
// (rate limits, outages, resets, refusals, silence), and what toolplan must do about it.

let clock: VirtualClock;
afterEach(() => {
  // Every timer of a finished run is gone: back-offs, time-outs, tool time-outs.
  expect(clock.pendingTimers).toBe(0);
});

const PLAN =
  '{"steps":[{"id":"w","tool":"get_weather","forEach":["Oslo","Rome"],"args":{"city":"$item"}}],"answer":"${w[0].temp} / ${w[1].temp}"}';

function weather(calls: string[]) {
  return defineTool({
    name: 'get_weather',
    description: 'Weather for a city.',
    inputSchema: z.object({ city: z.string() }),
    readOnly: true,
    execute: ({ city }) => {
      calls.push(city);
      return { city, temp: city.length * 5 };
    },
  });
}

/** Runs `runPlanned` on the virtual clock until it settles. */
async function plan(
  replies: readonly FaultyReply[],
  options: Partial<Parameters<typeof runPlanned>[0]> = {},
) {
  clock = createVirtualClock();
  const model = faultyModel(replies, () => clock.now());
  const calls: string[] = [];
  const retries: ModelRetryEvent[] = [];
  const running = runPlanned({
    model,
    tools: [weather(calls)],
    query: 'Oslo and Rome?',
    execute: { clock },
    onModelRetry: (event) => retries.push(event),
    ...options,
  });
  running.catch(() => undefined);
  await clock.runAll();
  return { running, model, calls, retries };
}

describe('model faults (virtual clock)', () => {
  it('429 with Retry-After: waits as long as asked, then plans', async () => {
    const { running, model, retries } = await plan([
      { status: 429, message: 'Rate limit reached', headers: { 'retry-after': '2' } },
      PLAN,
    ]);
    expect((await running).answer).toBe('20 / 20');
    expect(model.callTimes).toEqual([0, 2000]);
    expect(retries).toEqual([
      expect.objectContaining({ purpose: 'plan', attempt: 1, status: 429, delayMs: 2000 }),
    ]);
  });

  it('honours retry-after-ms over retry-after', async () => {
    const { running, model } = await plan([
      { status: 429, headers: { 'retry-after-ms': '350', 'retry-after': '9' } },
      PLAN,
    ]);
    await running;
    expect(model.callTimes).toEqual([0, 350]);
  });

  it('503 twice, then a plan: exponential back-off with jitter between the attempts', async () => {
    const { running, model, retries } = await plan([{ status: 503 }, { status: 503 }, PLAN]);
    expect((await running).answer).toBe('20 / 20');
    expect(model.doStreamCalls).toHaveLength(3);
    const [first, second] = retries.map((retry) => retry.delayMs);
    // 2 s then 4 s, each with half of it random.
    expect(first).toBeGreaterThanOrEqual(1000);
    expect(first).toBeLessThanOrEqual(2000);
    expect(second).toBeGreaterThanOrEqual(2000);
    expect(second).toBeLessThanOrEqual(4000);
  });

  it('gives up after maxRetries with every attempt in the error, naming the query', async () => {
    const { running, model } = await plan([
      { status: 500 },
      { status: 502 },
      { status: 503 },
      PLAN,
    ]);
    const error = await running.then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(ModelCallError.isInstance(error)).toBe(true);
    const failure = error as ModelCallError;
    expect(failure.status).toBe(503);
    expect(failure.attempts).toBe(3);
    expect(failure.history.map((attempt) => attempt.status)).toEqual([500, 502, 503]);
    expect(failure.query).toBe('Oslo and Rome?');
    expect(failure.message).toContain('after 3 attempts');
    expect(failure.message).toContain('"Oslo and Rome?"');
    expect(failure.hint).toMatch(/try again later/);
    expect(model.doStreamCalls).toHaveLength(3);
  });

  it('400: not retried, not resumed — one request, the provider’s message and the query', async () => {
    const { running, model } = await plan([
      { status: 400, message: "Invalid schema for response_format 'toolplan_plan'" },
      PLAN,
    ]);
    const error = (await running.catch((failure: unknown) => failure)) as ModelCallError;
    expect(ModelCallError.isInstance(error)).toBe(true);
    expect(model.doStreamCalls).toHaveLength(1);
    expect(error.status).toBe(400);
    expect(error.providerMessage).toContain('Invalid schema');
    expect(error.attempts).toBe(1);
    expect(error.message).toContain('Oslo and Rome?');
    expect(error.message).not.toContain('cut off');
  });

  it('a reset before any text is retried; a reset mid-plan is resumed, nothing repeated', async () => {
    const reset = await plan([{ resetAfter: '' }, PLAN]);
    expect((await reset.running).answer).toBe('20 / 20');
    expect(reset.model.doStreamCalls).toHaveLength(2);
    expect(reset.retries[0]?.kind).toBe('connection');

    const cut = await plan([
      {
        resetAfter:
          '{"steps":[{"id":"o","tool":"get_weather","args":{"city":"Oslo"}},{"id":"r","tool":"get_we',
      },
      '{"steps":[{"id":"r","tool":"get_weather","args":{"city":"Rome"}}],"answer":"${o.temp} / ${r.temp}"}',
    ]);
    const run = await cut.running;
    expect(run.answer).toBe('20 / 20');
    expect(cut.retries).toEqual([]);
    expect(cut.calls).toEqual(['Oslo', 'Rome']);
    expect(JSON.stringify(cut.model.doStreamCalls[1]?.prompt)).toContain('cut off');
  });

  it('a first token that never comes times out (and is retried within the run budget)', async () => {
    const { running, model } = await plan([{ hang: true }, { hang: true }, PLAN], {
      modelTimeoutMs: { firstToken: 5_000 },
      maxRetries: 1,
    });
    const error = (await running.catch((failure: unknown) => failure)) as ModelCallError;
    expect(ModelCallError.isInstance(error)).toBe(true);
    expect(error.kind).toBe('timeout');
    expect(ModelTimeoutError.isInstance(error.cause)).toBe(true);
    expect(error.attempts).toBe(2);
    expect(model.doStreamCalls).toHaveLength(2);
    expect(model.callTimes[1]).toBeGreaterThanOrEqual(5_000);
  });

  it('the run’s retry budget caps retries over all its calls', async () => {
    const { running, model } = await plan([{ status: 503 }, { status: 503 }, PLAN], {
      maxRetriesPerRun: 1,
    });
    await expect(running).rejects.toThrow(ModelCallError);
    expect(model.doStreamCalls).toHaveLength(2);
  });

  it('a Retry-After longer than a minute is not waited for', async () => {
    const { running, model } = await plan([
      { status: 429, headers: { 'retry-after': '3600' } },
      PLAN,
    ]);
    const error = (await running.catch((failure: unknown) => failure)) as ModelCallError;
    expect(error.retryAfterMs).toBe(3_600_000);
    expect(model.doStreamCalls).toHaveLength(1);
  });

  it('a hanging tool without timeoutMs is timed out by the default', async () => {
    clock = createVirtualClock();
    const hanging = defineTool({
      name: 'hang',
      description: 'Never answers.',
      inputSchema: z.object({}),
      readOnly: true,
      execute: () => new Promise<never>(() => undefined),
    });
    const model = faultyModel(
      ['{"steps":[{"id":"h","tool":"hang","args":{}}],"answer":"${h}"}', 'It did not answer.'],
      () => clock.now(),
    );
    const running = runPlanned({
      model,
      tools: [hanging],
      query: 'Hang?',
      maxReplans: 0,
      execute: { clock },
    });
    running.catch(() => undefined);
    await clock.runAll();
    const run = await running;
    expect(run.answeredBy).toBe('joiner');
    const step = run.steps.find((each) => each.id === 'h');
    expect(StepTimeoutError.isInstance(step?.error)).toBe(true);
    expect(step?.endMs).toBe(DEFAULT_TOOL_TIMEOUT_MS);
  });

  it('a joiner 500 after a side effect: the error carries the results; a retry with its runId sends nothing twice', async () => {
    clock = createVirtualClock();
    const sent: string[] = [];
    const tools = createToolRegistry([
      defineTool({
        name: 'send_email',
        description: 'Sends an e-mail (side effect).',
        inputSchema: z.object({ to: z.string() }),
        execute: ({ to }) => {
          sent.push(to);
          return { messageId: `m-${sent.length}` };
        },
      }),
    ]);
    const sendPlan =
      '{"steps":[{"id":"s","tool":"send_email","args":{"to":"ann@example.com"}}],"needsReasoning":true}';
    const model = faultyModel(
      [sendPlan, { status: 500 }, { status: 500 }, { status: 500 }, sendPlan, 'Sent as m-1.'],
      () => clock.now(),
    );
    const agent = createAgent({
      model,
      tools,
      planCache: false,
      learn: false,
      predict: false,
      execute: { clock },
    });
    const first = agent.run('E-mail Ann');
    first.catch(() => undefined);
    await clock.runAll();
    const error = (await first.catch((failure: unknown) => failure)) as ModelCallError;
    expect(ModelCallError.isInstance(error)).toBe(true);
    expect(error.purpose).toBe('answer');
    expect(error.status).toBe(500);
    expect(error.partial?.results).toEqual({ s: { messageId: 'm-1' } });
    expect(error.partial?.steps.map((step) => [step.id, step.status])).toEqual([['s', 'ok']]);
    expect(error.partial?.plans).toHaveLength(1);
    const runId = error.partial?.runId;
    expect(typeof runId).toBe('string');

    const again = agent.run('E-mail Ann', { runId: runId as string });
    again.catch(() => undefined);
    await clock.runAll();
    const retried = await again;
    expect(retried.runId).toBe(runId);
    expect(retried.answer).toBe('Sent as m-1.');
    expect(retried.results['s']).toEqual({ messageId: 'm-1' });
    expect(sent).toEqual(['ann@example.com']);
  });

  it('counts retries and time-outs in the agent’s usage and timeline', async () => {
    clock = createVirtualClock();
    const model = faultyModel([{ hang: true }, { status: 503 }, PLAN], () => clock.now());
    const heard: ModelRetryEvent[] = [];
    const agent = createAgent({
      model,
      tools: [weather([])],
      planCache: false,
      learn: false,
      predict: false,
      modelTimeoutMs: { firstToken: 1_000 },
      execute: { clock },
      onModelRetry: (event) => heard.push(event),
    });
    const running = agent.run('Oslo and Rome?');
    running.catch(() => undefined);
    await clock.runAll();
    const run = await running;
    expect(run.usage.llmCalls).toBe(3);
    expect(run.usage.modelRetries).toBe(2);
    expect(run.usage.modelTimeouts).toBe(1);
    expect(run.timeline.modelRetries.map((retry) => retry.kind)).toEqual(['timeout', 'http']);
    // The agent's own `onModelRetry` hears them too.
    expect(heard.map((retry) => retry.kind)).toEqual(['timeout', 'http']);
    expect(run.timeline.modelCalls.filter((call) => call.error !== undefined)).toHaveLength(2);
  });

  it('a session tells its onModelRetry of each retry', async () => {
    clock = createVirtualClock();
    const model = faultyModel([{ status: 503 }, PLAN], () => clock.now());
    const heard: ModelRetryEvent[] = [];
    const session = createSession({
      model,
      tools: [weather([])],
      execute: { clock },
      onModelRetry: (event) => heard.push(event),
    });
    const asking = session.ask('Oslo and Rome?');
    asking.catch(() => undefined);
    await clock.runAll();
    expect((await asking).answer).toBe('20 / 20');
    expect(heard).toEqual([expect.objectContaining({ purpose: 'plan', status: 503 })]);
  });

  it('a cancelled run stops waiting at once and makes no further call', async () => {
    clock = createVirtualClock();
    const model = faultyModel([{ status: 503 }, PLAN], () => clock.now());
    const controller = new AbortController();
    const running = runPlanned({
      model,
      tools: [weather([])],
      query: 'Oslo and Rome?',
      execute: { clock },
      signal: controller.signal,
      onModelRetry: () => controller.abort(new Error('user left')),
    });
    running.catch(() => undefined);
    await clock.runAll();
    await expect(running).rejects.toThrow(ModelCallError);
    expect(model.doStreamCalls).toHaveLength(1);
  });
});
