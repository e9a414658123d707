import { describe, expect, it } from 'vitest';
import { PlanParseError, PlanReferenceError, PlanValidationError } from './plan-errors.js';

describe('PlanValidationError', () => {
  it('lists each issue with its path, for the model to correct', () => {
    const error = new PlanValidationError({
      issues: [
        { code: 'unknown_tool', path: ['steps', 0, 'tool'], message: 'No such tool.' },
        { code: 'too_many_steps', path: ['steps'], message: 'Too many.' },
        { code: 'invalid_structure', path: [], message: 'Bad.' },
      ],
    });
    expect(error.name).toBe('PlanValidationError');
    expect(error.issues).toHaveLength(3);
    expect(error.message).toBe(
      [
        'The plan has 3 problems. Fix each and send the whole corrected plan:',
        '- steps[0].tool: No such tool.',
        '- steps: Too many.',
        '- (root): Bad.',
      ].join('\n'),
    );
  });

  it('says "1 problem" for one issue', () => {
    const error = new PlanValidationError({
      issues: [{ code: 'cycle', path: ['steps', 1], message: 'Cycle.' }],
    });
    expect(error.message.split('\n')[0]).toBe(
      'The plan has 1 problem. Fix each and send the whole corrected plan:',
    );
  });
});

describe('PlanParseError and PlanReferenceError', () => {
  it('keep their fields', () => {
    const parse = new PlanParseError({ message: 'm', text: 'abc', position: 2 });
    expect([parse.name, parse.text, parse.position]).toEqual(['PlanParseError', 'abc', 2]);
    const reference = new PlanReferenceError({
      message: 'm',
      reference: '$a',
      location: ['args'],
      resolvedPrefix: '',
    });
    expect(reference.name).toBe('PlanReferenceError');
    expect(reference.stepId).toBeUndefined();
    expect(reference.location).toEqual(['args']);
  });
});
