import { describe, expect, it } from 'vitest';
import { uiToolCallId } from './ui-tool-call-id.js';

describe('uiToolCallId', () => {
  it('tells apart the same step id in two plans of a run, and in two runs', () => {
    const ids = [
      uiToolCallId({ runId: 'a', planAttempt: 0, stepId: 'w' }),
      uiToolCallId({ runId: 'a', planAttempt: 1, stepId: 'w' }),
      uiToolCallId({ runId: 'b', planAttempt: 0, stepId: 'w' }),
    ];
    expect(new Set(ids).size).toBe(3);
  });

  it('cannot be forged by a run id holding the separator: a step id has none', () => {
    // Run `a:0`, plan 1, step `w` against run `a`, plan 0, step `1:w` — which no step id can be.
    expect(uiToolCallId({ runId: 'a:0', planAttempt: 1, stepId: 'w' })).toBe('a:0:1:w');
    expect(uiToolCallId({ runId: 'a', planAttempt: 0, stepId: 'w' })).toBe('a:0:w');
  });
});
