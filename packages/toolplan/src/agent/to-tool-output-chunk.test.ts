import { describe, expect, it } from 'vitest';
import { DependencyFailedError, ToolExecutionError } from '../runtime/index.js';
import { toToolOutputChunk, type StepEndEvent } from './to-tool-output-chunk.js';

const end = (fields: Partial<StepEndEvent>): StepEndEvent => ({
  type: 'step-end',
  stepId: 'w',
  tool: 'get_weather',
  status: 'ok',
  atMs: 5,
  planAttempt: 0,
  ...fields,
});

const options = {
  toolCallId: 'run:0:w',
  toolMetadata: { stepId: 'w', planAttempt: 0 },
  errorText: (error: Error) => error.message,
};

describe('toToolOutputChunk', () => {
  it("gives a step that succeeded its result (a forEach step's list) as the output", () => {
    expect(toToolOutputChunk(end({ value: [{ temp: 28 }, { temp: 20 }] }), options)).toEqual({
      type: 'tool-output-available',
      toolCallId: 'run:0:w',
      output: [{ temp: 28 }, { temp: 20 }],
      toolMetadata: { stepId: 'w', planAttempt: 0, status: 'ok' },
    });
  });

  it('gives a failed step the text of its error, as the caller chooses', () => {
    const error = new ToolExecutionError({
      stepId: 'w',
      toolName: 'get_weather',
      cause: new Error('No weather for Atlantis'),
      attempts: 1,
    });
    expect(toToolOutputChunk(end({ status: 'error', error }), options)).toMatchObject({
      type: 'tool-output-error',
      errorText: error.message,
      toolMetadata: { status: 'error' },
    });
    expect(
      toToolOutputChunk(end({ status: 'error', error }), {
        ...options,
        errorText: (_error, step) => `${step.tool} is unavailable`,
      }),
    ).toMatchObject({ errorText: 'get_weather is unavailable' });
  });

  it('gives a skipped step an error part naming why, told apart by its status', () => {
    const error = new DependencyFailedError({ stepId: 'c', failedStepId: 'w' });
    expect(
      toToolOutputChunk(end({ stepId: 'c', status: 'skipped', error }), {
        ...options,
        toolCallId: 'run:0:c',
        toolMetadata: { stepId: 'c', planAttempt: 0, forEach: '$w' },
      }),
    ).toEqual({
      type: 'tool-output-error',
      toolCallId: 'run:0:c',
      errorText: 'Step `c` was skipped because step `w` did not succeed.',
      toolMetadata: { stepId: 'c', planAttempt: 0, forEach: '$w', status: 'skipped' },
    });
  });

  it('names the status of a step that ended badly without an error', () => {
    expect(toToolOutputChunk(end({ status: 'skipped' }), options)).toMatchObject({
      errorText: 'Step `w` (get_weather) ended: skipped.',
    });
  });
});
