import { describe, expect, it } from 'vitest';
import { checkPlanBounds } from './check-plan-bounds.js';
import { PlanValidationError } from './plan-errors.js';
import { defaultPlanLimits } from './plan-limits.js';
import { resolveValue } from './resolve-value.js';
import type { ToolCatalog } from './tool-catalog.js';
import { validatePlan, validatePlanStep } from './validate-plan.js';

const tools: ToolCatalog = {
  has: (name) => name === 'echo',
  names: () => ['echo'],
  checkArguments: () => [],
};

function rejection(run: () => unknown): PlanValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof PlanValidationError) return error;
    throw error;
  }
  throw new Error('expected a PlanValidationError');
}

/** The 12 KB plan of the issue: one argument nested 6,000 arrays deep, as the model would send it. */
function deepPlanText(depth: number): string {
  return `{"steps":[{"id":"a","tool":"echo","args":{"x":${'['.repeat(depth)}1${']'.repeat(depth)}}}]}`;
}

describe('plan bounds', () => {
  it('rejects a 12 KB plan nested 6,000 deep as a validation issue, not a stack overflow', () => {
    const text = deepPlanText(6_000);
    expect(text.length).toBeGreaterThan(12_000);
    const error = rejection(() => validatePlan(JSON.parse(text), { tools }));
    expect(error.issues).toEqual([
      expect.objectContaining({
        code: 'too_deep',
        path: ['steps', 0, 'args', 'x', ...Array.from({ length: 60 }, () => 0)],
      }),
    ]);
    expect(error.message).toMatch(/more than 64 levels deep/);
  });

  it('rejects the same depth in the seed form and in the answer, before normalizing', () => {
    const deep = JSON.parse(`${'['.repeat(6_000)}1${']'.repeat(6_000)}`) as unknown;
    const seed = { parallel_groups: [{ group: 1, calls: [{ tool: 'echo', args: { x: deep } }] }] };
    expect(rejection(() => validatePlan(seed, { tools })).issues[0]?.code).toBe('too_deep');
    const step = { id: 'a', tool: 'echo', args: { x: deep } };
    expect(validatePlanStep(step, { tools, index: 2, knownIds: new Set() })).toEqual({
      ok: false,
      issues: [
        expect.objectContaining({ code: 'too_deep', path: expect.arrayContaining(['steps', 2]) }),
      ],
    });
  });

  it('accepts a plan exactly as deep as the limit', () => {
    // plan, steps, step, args, then the arrays: 64 levels in all.
    const text = deepPlanText(60);
    expect(validatePlan(JSON.parse(text), { tools }).steps).toHaveLength(1);
    const error = rejection(() => validatePlan(JSON.parse(deepPlanText(61)), { tools }));
    expect(error.issues[0]?.code).toBe('too_deep');
    const wider = { maxValueDepth: 65 };
    expect(validatePlan(JSON.parse(deepPlanText(61)), { tools, limits: wider }).steps).toHaveLength(
      1,
    );
  });

  it('rejects a plan with a million references before compiling them', () => {
    const plan = {
      steps: [{ id: 'a', tool: 'echo', args: {} }],
      answer: '${a.text}'.repeat(1_000_000),
    };
    const error = rejection(() => validatePlan(plan, { tools }));
    expect(error.issues).toEqual([
      expect.objectContaining({ code: 'too_many_references', path: ['answer'] }),
    ]);
    expect(error.message).toMatch(/more than 10,000 references/);
  });

  it('counts references across the plan, not counting escaped dollars', () => {
    const limits = { ...defaultPlanLimits, maxReferences: 3 };
    const step = (id: string, text: string) => ({ id, tool: 'echo', args: { text } });
    const three = { steps: [step('a', 'x'), step('b', '$a ${a.x}'), step('c', '$$5 and $$$a')] };
    expect(checkPlanBounds(three, { limits })).toBeUndefined();
    const four = { ...three, answer: '${b}' };
    expect(checkPlanBounds(four, { limits })).toMatchObject({
      code: 'too_many_references',
      path: ['answer'],
    });
    expect(validatePlan(three, { tools, limits }).steps).toHaveLength(3);
  });

  it('accepts a 1 MB plan of plain data', () => {
    const rows = Array.from({ length: 10_000 }, (_, index) => ({
      id: index,
      name: `row ${index}`,
    }));
    const plan = { steps: [{ id: 'a', tool: 'echo', args: { rows } }], answer: 'Done: ${a.n}' };
    expect(JSON.stringify(plan).length).toBeGreaterThan(250_000);
    expect(validatePlan(plan, { tools }).steps[0]?.step.args).toEqual({ rows });
  });
});

describe('resolving references into a result 10,000 deep', () => {
  it('passes the result whole, and refuses to write it into text', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 10_000; level += 1) deep = [deep];
    const plan = validatePlan(
      {
        steps: [
          { id: 'a', tool: 'echo', args: {} },
          { id: 'b', tool: 'echo', args: { whole: '$a', text: 'is ${a}' } },
        ],
      },
      { tools },
    );
    const args = plan.stepsById.get('b')?.args;
    if (args === undefined || args.kind !== 'object') throw new Error('expected compiled args');
    const scope = { results: new Map([['a', deep]]), stepId: 'b' };
    const [whole, text] = args.entries;
    expect(resolveValue(whole?.[1] ?? args, scope)).toBe(deep);
    expect(() => resolveValue(text?.[1] ?? args, scope)).toThrow(
      /nested more than 1000 levels deep, too deep to insert into text/,
    );
  });
});
