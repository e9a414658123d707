import { describe, expect, it } from 'vitest';
import { defaultPlanLimits, resolvePlanLimits } from './plan-limits.js';

describe('resolvePlanLimits', () => {
  it('fills in the defaults', () => {
    expect(resolvePlanLimits()).toEqual({
      maxSteps: 100,
      maxForEachItems: 100,
      maxStepCallDepth: 64,
      maxValueDepth: 64,
      maxReferences: 10_000,
    });
    expect(resolvePlanLimits({ maxSteps: 5 })).toEqual({
      maxSteps: 5,
      maxForEachItems: 100,
      maxStepCallDepth: 64,
      maxValueDepth: 64,
      maxReferences: 10_000,
    });
  });

  it('returns a new object, leaving the defaults frozen', () => {
    const resolved = resolvePlanLimits();
    expect(resolved).not.toBe(defaultPlanLimits);
    expect(Object.isFrozen(defaultPlanLimits)).toBe(true);
  });

  it.each([
    ['maxSteps', 0, '0'],
    ['maxSteps', -3, '-3'],
    ['maxForEachItems', 1.5, '1.5'],
    ['maxForEachItems', Number.NaN, 'NaN'],
    ['maxSteps', '10', '10'],
    ['maxStepCallDepth', 0, '0'],
    ['maxValueDepth', 0.5, '0.5'],
    ['maxReferences', -1, '-1'],
  ])('rejects %s = %j', (key, value, shown) => {
    expect(() => resolvePlanLimits({ [key]: value })).toThrow(
      new TypeError(`Expected \`${key}\` to be a positive integer, got \`${shown}\``),
    );
  });
});
