import { describe, expect, it } from 'vitest';
import { emptyUsage } from '../model/index.js';
import type { PlanStep } from '../plan/index.js';
import { ToolExecutionError } from '../runtime/index.js';
import {
  createUIMessageChunkMapper,
  NOT_RUN_TEXT,
  type UIMessageChunkMapperOptions,
} from './create-ui-message-chunk-mapper.js';
import type { AgentEvent, AgentRun } from './run-optimized.js';

const mapper = (options: Partial<UIMessageChunkMapperOptions> = {}) =>
  createUIMessageChunkMapper({
    runId: 'r',
    messageId: undefined,
    messageMetadata: true,
    stepErrorText: (error) => error.message,
    ...options,
  });

const planStep = (id: string, planAttempt = 0, index = 0): AgentEvent => ({
  type: 'plan-step',
  step: { id, tool: 'get_weather', args: { city: id } } as PlanStep,
  index,
  planAttempt,
});
const stepStart = (stepId: string, planAttempt = 0): AgentEvent => ({
  type: 'step-start',
  stepId,
  tool: 'get_weather',
  atMs: 1,
  planAttempt,
});
const stepEnd = (stepId: string, planAttempt = 0, value: unknown = { temp: 1 }): AgentEvent => ({
  type: 'step-end',
  stepId,
  tool: 'get_weather',
  status: 'ok',
  atMs: 2,
  planAttempt,
  value,
});
const run: AgentRun = {
  runId: 'r',
  query: 'q',
  answer: 'Warm.',
  answeredBy: 'joiner',
  plan: undefined,
  plans: [],
  results: {},
  steps: [],
  usage: emptyUsage(),
  timeline: { modelCalls: [], modelRetries: [], toolCalls: [] },
  wallMs: 3,
};
const finish: AgentEvent = { type: 'finish', result: run };

/** Each chunk as `type` or `type:toolCallId`, to read a sequence at a glance. */
const names = (chunks: readonly { type: string; toolCallId?: string }[]) =>
  chunks.map((chunk) =>
    chunk.toolCallId === undefined ? chunk.type : `${chunk.type}:${chunk.toolCallId}`,
  );

describe('createUIMessageChunkMapper', () => {
  it('starts the message with the run id as metadata, and the message id when given', () => {
    expect(mapper().start()).toEqual([{ type: 'start', messageMetadata: { runId: 'r' } }]);
    expect(mapper({ messageId: 'm1', messageMetadata: false }).start()).toEqual([
      { type: 'start', messageId: 'm1' },
    ]);
  });

  it('shows a step when announced, nothing when it starts, and its output when it ends', () => {
    const map = mapper();
    expect(names(map.map(planStep('w')))).toEqual(['tool-input-available:r:0:w']);
    expect(map.map(stepStart('w'))).toEqual([]);
    expect(map.map(stepEnd('w'))).toMatchObject([
      { type: 'tool-output-available', toolCallId: 'r:0:w', output: { temp: 1 } },
    ]);
    // A step ends once.
    expect(map.map(stepEnd('w'))).toEqual([]);
  });

  it('makes the answer one text part, and ends it before `finish` with the run as metadata', () => {
    const map = mapper();
    expect(map.map({ type: 'answer-delta', delta: 'Wa' })).toEqual([
      { type: 'text-start', id: 'answer' },
      { type: 'text-delta', id: 'answer', delta: 'Wa' },
    ]);
    expect(map.map({ type: 'answer-delta', delta: '' })).toEqual([]);
    expect(map.map({ type: 'answer-delta', delta: 'rm.' })).toEqual([
      { type: 'text-delta', id: 'answer', delta: 'rm.' },
    ]);
    expect(map.map(finish)).toEqual([
      { type: 'text-end', id: 'answer' },
      {
        type: 'finish',
        finishReason: 'stop',
        messageMetadata: { runId: 'r', answeredBy: 'joiner', usage: emptyUsage(), wallMs: 3 },
      },
    ]);
    expect(map.map({ type: 'answer-delta', delta: 'late' })).toEqual([]);
  });

  it('sends the metadata a function makes of the run, or none', () => {
    const own = mapper({
      messageMetadata: (result) => ({ words: result.answer.split(' ').length }),
    });
    expect(own.start()).toEqual([{ type: 'start' }]);
    expect(own.map(finish)).toEqual([
      { type: 'finish', finishReason: 'stop', messageMetadata: { words: 1 } },
    ]);
    expect(mapper({ messageMetadata: false }).map(finish)).toEqual([
      { type: 'finish', finishReason: 'stop' },
    ]);
  });

  it("ends the open parts of a plan given up when the next plan's first step comes, and keeps the same step id apart", () => {
    const map = mapper();
    map.map(planStep('w', 0, 0));
    map.map(planStep('x', 0, 1));
    map.map(stepEnd('w', 0));
    const next = map.map(planStep('w', 1, 0));
    expect(next).toEqual([
      {
        type: 'tool-output-error',
        toolCallId: 'r:0:x',
        errorText: NOT_RUN_TEXT.replaced,
        toolMetadata: { stepId: 'x', planAttempt: 0, status: 'cancelled' },
      },
      expect.objectContaining({ type: 'tool-input-available', toolCallId: 'r:1:w' }),
    ]);
    expect(names(map.map(stepEnd('w', 1)))).toEqual(['tool-output-available:r:1:w']);
  });

  it('keeps the first part of a step id written twice in one plan', () => {
    const map = mapper();
    map.map(planStep('w', 0, 0));
    expect(map.map(planStep('w', 0, 1))).toEqual([]);
  });

  it('shows a step that starts or ends unannounced before its output', () => {
    const map = mapper();
    expect(map.map(stepStart('w'))).toEqual([
      {
        type: 'tool-input-available',
        toolCallId: 'r:0:w',
        toolName: 'get_weather',
        input: {},
        toolMetadata: { stepId: 'w', planAttempt: 0 },
      },
    ]);
    expect(names(map.map(stepEnd('v')))).toEqual([
      'tool-input-available:r:0:v',
      'tool-output-available:r:0:v',
    ]);
  });

  it('ends what is still open when the run finishes without it', () => {
    const map = mapper({ messageMetadata: false });
    map.map(planStep('w'));
    expect(map.map(finish)).toEqual([
      expect.objectContaining({ type: 'tool-output-error', errorText: NOT_RUN_TEXT.finished }),
      { type: 'finish', finishReason: 'stop' },
    ]);
  });

  it('on failure ends the open parts and the text, then sends the error and `finish`', () => {
    const map = mapper();
    map.map(planStep('w'));
    map.map({ type: 'answer-delta', delta: 'Half an ans' });
    expect(map.fail('An error occurred.')).toEqual([
      expect.objectContaining({ type: 'tool-output-error', errorText: NOT_RUN_TEXT.failed }),
      { type: 'text-end', id: 'answer' },
      { type: 'error', errorText: 'An error occurred.' },
      { type: 'finish', finishReason: 'error' },
    ]);
    expect(map.fail('again')).toEqual([]);
    expect(map.abort(undefined)).toEqual([]);
  });

  it('on abort ends the open parts, then sends `abort` with the reason', () => {
    const map = mapper();
    map.map(planStep('w'));
    expect(map.abort('client left')).toEqual([
      expect.objectContaining({ type: 'tool-output-error', errorText: NOT_RUN_TEXT.aborted }),
      { type: 'abort', reason: 'client left' },
    ]);
    expect(map.map(stepEnd('w'))).toEqual([]);
  });

  it("shows a failed step's error as the caller's text makes it", () => {
    const map = mapper({ stepErrorText: (_error, step) => `${step.stepId} failed` });
    map.map(planStep('w'));
    const error = new ToolExecutionError({
      stepId: 'w',
      toolName: 'get_weather',
      attempts: 1,
      cause: new Error('secret host db-7 is down'),
    });
    expect(
      map.map({
        type: 'step-end',
        stepId: 'w',
        tool: 'get_weather',
        status: 'error',
        atMs: 1,
        planAttempt: 0,
        error,
      }),
    ).toMatchObject([{ type: 'tool-output-error', errorText: 'w failed' }]);
  });
});
