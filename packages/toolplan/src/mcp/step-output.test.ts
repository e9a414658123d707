import { describe, expect, it } from 'vitest';
import {
  DependencyFailedError,
  PolicyDeniedError,
  StepTimeoutError,
  ToolExecutionError,
  ToolInputError,
  type StepRecord,
} from '../runtime/index.js';
import { stepOutputSchema, toErrorOutput, toStepOutput } from './step-output.js';

const base: StepRecord = {
  id: 's',
  tool: 't',
  status: 'ok',
  startMs: 1.234,
  endMs: 5.678,
  attempts: 1,
};

describe('toStepOutput', () => {
  it('keeps id, tool, status and attempts, with times rounded to 0.01 ms', () => {
    expect(toStepOutput({ ...base, value: { big: 'value' } })).toEqual({
      id: 's',
      tool: 't',
      status: 'ok',
      startMs: 1.23,
      endMs: 5.68,
      attempts: 1,
    });
  });

  it('reports a step a policy refused as denied, not as a failure of its tool', () => {
    const error = new PolicyDeniedError({
      stepId: 's',
      toolName: 't',
      deniedBy: 'run-policy',
      decision: 'deny',
      reason: 'untrusted',
    });
    expect(toStepOutput({ ...base, status: 'error', attempts: 0, error })).toMatchObject({
      status: 'denied',
      error: {
        name: 'PolicyDeniedError',
        deniedBy: 'run-policy',
        decision: 'deny',
        reason: 'untrusted',
      },
    });
  });

  it('marks a cached step and one whose result could not be sent', () => {
    expect(toStepOutput({ ...base, cached: true }, 'cycle')).toMatchObject({
      cached: true,
      resultNotJson: 'cycle',
    });
  });

  it('fits the output schema clients validate against', () => {
    const error = new DependencyFailedError({ stepId: 's', failedStepId: 'a' });
    const output = toStepOutput({ ...base, status: 'skipped', error }, 'x');
    expect(stepOutputSchema.safeParse(output).success).toBe(true);
  });
});

describe('toErrorOutput', () => {
  it("keeps the fields that say what to do, and drops the cause's own fields", () => {
    const cause = Object.assign(new Error('HTTP 500'), {
      config: { headers: { Authorization: 'Bearer secret' } },
    });
    const error = new ToolExecutionError({ stepId: 's', toolName: 't', attempts: 3, cause });
    const output = toErrorOutput(error);
    expect(output).toEqual({
      name: 'ToolExecutionError',
      message: 'Step `s`: tool `t` failed after 3 attempts: HTTP 500',
    });
    expect(JSON.stringify(output)).not.toContain('secret');
  });

  it('keeps a time-out, a skip and argument issues', () => {
    expect(
      toErrorOutput(new StepTimeoutError({ stepId: 's', toolName: 't', timeoutMs: 50 })),
    ).toMatchObject({
      timeoutMs: 50,
    });
    expect(
      toErrorOutput(new DependencyFailedError({ stepId: 's', failedStepId: 'a' })),
    ).toMatchObject({
      failedStepId: 'a',
    });
    const issues = [{ path: ['amount'], message: 'Expected number' }];
    expect(
      toErrorOutput(new ToolInputError({ stepId: 's', toolName: 't', issues: issues as never })),
    ).toMatchObject({ issues });
  });

  it('keeps name and message only of an error that is not toolplan’s', () => {
    expect(toErrorOutput(Object.assign(new TypeError('bad'), { reason: 42 }))).toEqual({
      name: 'TypeError',
      message: 'bad',
    });
  });
});
