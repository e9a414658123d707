import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatStepCall } from './format-step-call.js';
import { parseStepCall } from './parse-step-call.js';
import type { PlanStep } from './plan.js';

const stepId = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,5}$/);

/** Strings that mean something in the plan format, beside arbitrary ones. */
const planString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '$w',
    '$u.id',
    '$s[0].url',
    '$p[$index]',
    '$o[$index].orders',
    '$item',
    '${item} news',
    '$$5',
    "it's",
    '\\',
    "\\'",
    '"quoted"',
    '$',
    '$1',
    ' $w',
    'a) for $x',
  ),
);

const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    planString,
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string(), stepId), tie('value'), { maxKeys: 4 }),
  ),
})).value;

const step: fc.Arbitrary<PlanStep> = fc.record(
  {
    id: stepId,
    tool: fc.stringMatching(/^[A-Za-z0-9_.:-]{1,12}$/),
    args: fc.dictionary(fc.oneof(fc.string(), stepId), value, { maxKeys: 5 }),
    after: fc.array(stepId, { minLength: 1, maxLength: 3 }),
    forEach: fc.oneof(planString, fc.array(value, { maxLength: 4 })),
  },
  { requiredKeys: ['id', 'tool', 'args'] },
);

describe('formatStepCall', () => {
  it('writes the examples of the plan format', () => {
    expect(
      formatStepCall({
        id: 'w',
        tool: 'get_weather',
        args: { city: '$item', date: '2024-01-20' },
        forEach: ['Boston', 'New York'],
      }),
    ).toBe("w=get_weather(city=$item,date='2024-01-20') for ['Boston','New York']");
    expect(
      formatStepCall({
        id: 'ctx',
        tool: 'aggregate_context',
        args: { user: '$item', preferences: '$p[$index]', 'odd key': { "it's": [1, null] } },
        forEach: '$u',
        after: ['a', 'b'],
      }),
    ).toBe(
      "ctx=aggregate_context(user=$item,preferences=$p[$index],'odd key'={'it\\'s':[1,null]}) for $u after a,b",
    );
  });

  it('leaves out an empty `after`', () => {
    expect(formatStepCall({ id: 'a', tool: 't', args: {}, after: [] })).toBe('a=t()');
  });

  it.each([
    [{ id: '1a', tool: 't', args: {} }, 'step id'],
    [{ id: 'a', tool: 'has space', args: {} }, 'tool name'],
    [{ id: 'a', tool: 't', args: {}, after: ['b-c'] }, 'in `after`'],
    [{ id: 'a', tool: 't', args: { x: Number.NaN } }, 'NaN'],
    [{ id: 'a', tool: 't', args: { x: undefined } }, 'undefined'],
  ])('refuses what a call string cannot hold: %j', (bad, expected) => {
    expect(() => formatStepCall(bad as PlanStep)).toThrow(TypeError);
    expect(() => formatStepCall(bad as PlanStep)).toThrow(expected);
  });

  it('property: parseStepCall reads back exactly the step it wrote (as JSON would carry it)', () => {
    fc.assert(
      fc.property(step, (original) => {
        const text = formatStepCall(original);
        const result = parseStepCall(text);
        if (!result.ok) throw new Error(`${text}: ${result.issue.message}`);
        expect(result.step).toStrictEqual(JSON.parse(JSON.stringify(original)));
      }),
      { numRuns: 1000 },
    );
  });
});
