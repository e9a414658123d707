import { describe, expect, it } from 'vitest';
import { PlanValidationError } from '../plan/index.js';
import { ToolExecutionError, type RunResult } from '../runtime/index.js';
import { runPlanOutputSchema, toInvalidPlanOutput, toRunPlanOutput } from './run-plan-output.js';

const result: RunResult = {
  runId: 'run-1',
  status: 'error',
  plan: { steps: [] },
  results: { a: { n: 1 } },
  steps: [
    { id: 'a', tool: 't', status: 'ok', startMs: 0, endMs: 1, attempts: 1, value: { n: 1 } },
    {
      id: 'b',
      tool: 't',
      status: 'error',
      startMs: 0,
      endMs: 2,
      attempts: 1,
      error: new ToolExecutionError({ stepId: 'b', toolName: 't', attempts: 1, cause: 'down' }),
    },
  ],
  wallMs: 2.345,
};

describe('toRunPlanOutput', () => {
  it('reports the status, results and steps of a run, and its id and wall time', () => {
    expect(toRunPlanOutput(result)).toEqual({
      status: 'error',
      results: { a: { n: 1 } },
      steps: [
        { id: 'a', tool: 't', status: 'ok', startMs: 0, endMs: 1, attempts: 1 },
        {
          id: 'b',
          tool: 't',
          status: 'error',
          startMs: 0,
          endMs: 2,
          attempts: 1,
          error: { name: 'ToolExecutionError', message: 'Step `b`: tool `t` failed: down' },
        },
      ],
      runId: 'run-1',
      wallMs: 2.35,
    });
  });

  it('carries the filled-in answer, or why it could not be filled in', () => {
    expect(toRunPlanOutput({ ...result, answer: 'n is 1' }).answer).toBe('n is 1');
    expect(toRunPlanOutput({ ...result, answerError: new Error('no `$c`') }).answerError).toEqual({
      name: 'Error',
      message: 'no `$c`',
    });
  });

  it('ties a result that is not JSON to its step', () => {
    const output = toRunPlanOutput({ ...result, results: { a: 1n } });
    expect(output.results).toEqual({});
    expect(output.steps[0]?.resultNotJson).toMatch(/BigInt/);
  });

  it('fits the output schema', () => {
    expect(runPlanOutputSchema.safeParse(toRunPlanOutput(result)).success).toBe(true);
  });
});

describe('toInvalidPlanOutput', () => {
  it('lists every issue with its path as text, and says nothing ran', () => {
    const error = new PlanValidationError({
      issues: [
        { code: 'unknown_tool', path: ['steps', 0, 'tool'], message: 'No tool `x`.', stepId: 'a' },
        { code: 'cycle', path: ['steps'], message: 'A cycle.' },
      ],
    });
    const output = toInvalidPlanOutput(error);
    expect(output).toEqual({
      status: 'invalid',
      results: {},
      steps: [],
      issues: [
        { code: 'unknown_tool', path: 'steps[0].tool', message: 'No tool `x`.', stepId: 'a' },
        { code: 'cycle', path: 'steps', message: 'A cycle.' },
      ],
    });
    // A client validates structured content against the output schema even on a tool error.
    expect(runPlanOutputSchema.safeParse(output).success).toBe(true);
  });
});
