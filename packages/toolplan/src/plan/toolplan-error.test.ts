import { describe, expect, it } from 'vitest';
import { PlanParseError, PlanReferenceError, PlanValidationError } from './plan-errors.js';
import { toErrorData, ToolplanError } from './toolplan-error.js';

describe('ToolplanError', () => {
  it('sets name, message and cause', () => {
    const cause = new Error('inner');
    const error = new ToolplanError({ name: 'SomeError', message: 'outer', cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('SomeError');
    expect(error.message).toBe('outer');
    expect(error.cause).toBe(cause);
    expect('cause' in new ToolplanError({ name: 'X', message: 'm' })).toBe(false);
  });

  it('recognises its subclasses and a copy from a duplicated package, but not other errors', () => {
    expect(ToolplanError.isInstance(new PlanParseError({ message: 'm', text: '' }))).toBe(true);
    expect(ToolplanError.isInstance(new PlanValidationError({ issues: [] }))).toBe(true);
    const foreign = Object.assign(new Error('from another copy'), {
      [Symbol.for('toolplan.error')]: true,
    });
    expect(ToolplanError.isInstance(foreign)).toBe(true);
    expect(ToolplanError.isInstance(new Error('plain'))).toBe(false);
    expect(ToolplanError.isInstance('PlanParseError')).toBe(false);
    expect(ToolplanError.isInstance(null)).toBe(false);
  });

  it('tells the kinds apart: each class recognises itself and its subclasses only', () => {
    class StepTimeout extends ToolplanError {
      constructor() {
        super({ name: 'StepTimeout', message: 'late' });
      }
    }
    class ChainStale extends ToolplanError {
      constructor() {
        super({ name: 'ChainStale', message: 'stale' });
      }
    }
    class OldChain extends ChainStale {}
    expect(StepTimeout.isInstance(new ChainStale())).toBe(false);
    expect(StepTimeout.isInstance(new StepTimeout())).toBe(true);
    expect(ChainStale.isInstance(new OldChain())).toBe(true);
    expect(OldChain.isInstance(new ChainStale())).toBe(false);
    expect(PlanValidationError.isInstance(new PlanParseError({ message: 'm', text: '' }))).toBe(
      false,
    );
    expect(PlanParseError.isInstance(new PlanParseError({ message: 'm', text: '' }))).toBe(true);
    // A copy from a duplicated package: another class, the same kinds.
    const copy = Object.assign(new Error('from another copy'), {
      [Symbol.for('toolplan.error')]: ['ChainStale', 'ToolplanError'],
    });
    expect(ChainStale.isInstance(copy)).toBe(true);
    expect(StepTimeout.isInstance(copy)).toBe(false);
    expect(ToolplanError.isInstance(copy)).toBe(true);
    const narrowed: unknown = new StepTimeout();
    if (StepTimeout.isInstance(narrowed)) expect(narrowed.message).toBe('late');
  });
});

describe('toErrorData', () => {
  it("copies an error's own data fields, not its stack", () => {
    const error = new PlanReferenceError({
      message: '$a.b: $a has no `b`',
      reference: '$a.b',
      stepId: 'cmp',
      location: ['args', 'x'],
      resolvedPrefix: '$a',
    });
    const data = toErrorData(error);
    expect(data).toEqual({
      name: 'PlanReferenceError',
      message: '$a.b: $a has no `b`',
      reference: '$a.b',
      stepId: 'cmp',
      location: ['args', 'x'],
      resolvedPrefix: '$a',
    });
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it('converts the cause chain too', () => {
    const error = new PlanParseError({
      message: 'outer',
      text: '{',
      cause: new SyntaxError('Unexpected end of JSON input'),
    });
    expect(toErrorData(error)).toEqual({
      name: 'PlanParseError',
      message: 'outer',
      text: '{',
      position: undefined,
      cause: { name: 'SyntaxError', message: 'Unexpected end of JSON input' },
    });
  });

  it('skips function-valued fields', () => {
    const error = Object.assign(new Error('x'), { retry: () => 1, code: 'E1' });
    expect(toErrorData(error)).toEqual({ name: 'Error', message: 'x', code: 'E1' });
  });

  it('describes thrown non-errors', () => {
    expect(toErrorData('boom')).toEqual({ name: 'NonError', message: 'boom' });
    expect(toErrorData(undefined)).toEqual({ name: 'NonError', message: 'undefined' });
  });
});
