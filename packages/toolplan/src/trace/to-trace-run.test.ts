import { describe, expect, it } from 'vitest';
import { canonicalJson, toTraceRun } from './to-trace-run.js';

// Shaped like the runtime's StepRecord and the agent's PlannedRun, without importing them.
const plans = [
  {
    steps: [
      { id: 'u', tool: 'get_user', args: { name: 'Ada' } },
      { id: 'p', tool: 'get_preferences', args: { userId: '$u.id' } },
    ],
  },
];
const steps = [
  {
    id: 'u',
    tool: 'get_user',
    status: 'ok' as const,
    startMs: 1,
    endMs: 21,
    attempts: 1,
    value: { id: 7, name: 'Ada', bio: 'x'.repeat(5000) },
  },
  {
    id: 'p',
    tool: 'get_preferences',
    status: 'error' as const,
    startMs: 21,
    endMs: 30,
    attempts: 2,
    error: Object.assign(new Error('timed out'), { name: 'StepTimeoutError' }),
    args: { userId: 7 },
  },
];

describe('toTraceRun', () => {
  it('maps a planned run to a trace record: canonical args, summaries, errors, usage', () => {
    const run = toTraceRun({
      runId: 'r1',
      strategy: 'plan',
      query: 'Context for Ada',
      startedAt: new Date('2026-01-01T00:00:00Z'),
      wallMs: 31,
      plans,
      steps,
      answer: 'Ada likes tea',
      usage: { llmCalls: 1, inputTokens: 900, cachedInputTokens: 0, outputTokens: 60 },
    });
    expect(run).toEqual({
      runId: 'r1',
      strategy: 'plan',
      query: 'Context for Ada',
      startedAt: '2026-01-01T00:00:00.000Z',
      wallMs: 31,
      status: 'error',
      plan: plans[0],
      answer: 'Ada likes tea',
      usage: { llmCalls: 1, inputTokens: 900, cachedInputTokens: 0, outputTokens: 60 },
      steps: [
        {
          stepId: 'u',
          tool: 'get_user',
          // From the plan: the caller did not keep the arguments as called.
          args: '{"name":"Ada"}',
          status: 'ok',
          startMs: 1,
          endMs: 21,
          attempts: 1,
          resultSummary: expect.any(String) as string,
        },
        {
          stepId: 'p',
          tool: 'get_preferences',
          args: '{"userId":7}',
          status: 'error',
          startMs: 21,
          endMs: 30,
          attempts: 2,
          error: 'StepTimeoutError: timed out',
        },
      ],
    });
    const summary = run.steps[0]?.resultSummary ?? '';
    expect(summary.length).toBeLessThan(240);
    expect(JSON.parse(summary)).toMatchObject({ id: 7, name: 'Ada' });
  });

  it('derives ok, keeps replans, and records a thrown error', () => {
    const ok = toTraceRun({
      runId: 'r2',
      strategy: 'plan',
      query: 'q',
      startedAt: '2026-01-01T01:00:00+01:00',
      wallMs: 1,
      plans: [...plans, { steps: [] }],
      steps: steps.slice(0, 1),
    });
    expect(ok.status).toBe('ok');
    expect(ok.startedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(ok.replans).toEqual([{ steps: [] }]);
    const thrown = toTraceRun({
      runId: 'r3',
      strategy: 'loop-sequential',
      query: 'q',
      startedAt: '2026-01-01T00:00:00.000Z',
      wallMs: 1,
      steps: [],
      error: new TypeError('boom'),
    });
    expect(thrown).toMatchObject({ status: 'error', error: 'TypeError: boom', steps: [] });
    expect(thrown).not.toHaveProperty('plan');
  });

  it('keeps speculation’s counts, not its call log', () => {
    const run = toTraceRun({
      runId: 'r',
      strategy: 'plan+predict',
      query: 'q',
      startedAt: '2025-01-01T00:00:00.000Z',
      wallMs: 1,
      steps: [],
      speculation: Object.assign(
        { proposals: 2, started: 2, hits: 1, joins: 1, wasted: 1, cancelled: 0, savedMs: 40 },
        { calls: [{ tool: 't' }] },
      ),
    });
    expect(run.speculation).toEqual({
      proposals: 2,
      started: 2,
      hits: 1,
      joins: 1,
      wasted: 1,
      cancelled: 0,
      savedMs: 40,
    });
  });

  it('writes canonical JSON: equal arguments, equal text', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(
      canonicalJson({ a: { c: 3, d: 2 }, b: 1 }),
    );
  });
});
