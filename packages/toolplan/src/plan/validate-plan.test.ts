import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createToolRegistry, defineTool } from '../tools/index.js';
import { PlanValidationError } from './plan-errors.js';
import type { PlanIssue, PlanIssueCode } from './plan-issue.js';
import { defaultPlanLimits, type PlanLimits } from './plan-limits.js';
import { isValidatedPlan, validatePlan } from './validate-plan.js';

const tools = createToolRegistry([
  defineTool({
    name: 'get_weather',
    description: 'Current weather for a city.',
    inputSchema: z.object({ city: z.string(), unit: z.enum(['c', 'f']).optional() }),
    readOnly: true,
    execute: ({ city }) => ({ city, temp: 20 }),
  }),
  defineTool({
    name: 'compare_temps',
    description: 'Compares temperatures.',
    inputSchema: z.object({ results: z.array(z.object({ temp: z.number() })) }),
    execute: ({ results }) => ({ warmer: results.length }),
  }),
  defineTool({
    name: 'search',
    description: 'Searches the web.',
    inputSchema: z.object({ query: z.string(), limit: z.number().int().optional() }),
    execute: () => ({ items: [] as string[] }),
  }),
  defineTool({
    name: 'now',
    description: 'The current time.',
    inputSchema: z.object({}),
    execute: () => new Date(0).toISOString(),
  }),
  defineTool({
    name: 'send_email',
    description: 'Sends an e-mail.',
    inputSchema: z.object({ to: z.string(), body: z.string() }),
    execute: () => ({ sent: true }),
  }),
]);

function validate(raw: unknown, limits?: Partial<PlanLimits>) {
  return validatePlan(raw, limits === undefined ? { tools } : { tools, limits });
}

/** The issues of the PlanValidationError that validating `raw` throws. */
function issuesOf(raw: unknown, limits?: Partial<PlanLimits>): readonly PlanIssue[] {
  try {
    validate(raw, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(PlanValidationError);
    return (error as PlanValidationError).issues;
  }
  throw new Error('expected a PlanValidationError, but the plan validated');
}

/** The one issue validating `raw` yields; fails when there are more or fewer. */
function onlyIssue(raw: unknown, limits?: Partial<PlanLimits>): PlanIssue {
  const issues = issuesOf(raw, limits);
  expect(issues).toHaveLength(1);
  return issues[0] as PlanIssue;
}

function codes(issues: readonly PlanIssue[]): PlanIssueCode[] {
  return issues.map((issue) => issue.code);
}

const weatherStep = (id: string, city = 'Boston') => ({
  id,
  tool: 'get_weather',
  args: { city },
});

describe('validatePlan: a valid plan', () => {
  const raw = {
    steps: [
      weatherStep('bos'),
      weatherStep('nyc', 'NYC'),
      {
        id: 'cmp',
        tool: 'compare_temps',
        args: { results: ['$bos', '$nyc', '$bos'] },
      },
      {
        id: 'mail',
        tool: 'send_email',
        args: { to: 'me@example.com', body: 'Warmer: ${cmp.warmer}' },
        after: ['nyc', 'bos'],
      },
    ],
    answer: 'Warmer: ${cmp.warmer}',
    needsReasoning: false,
  };

  it('returns the steps with dependencies from references and `after`, deduplicated', () => {
    const validated = validate(raw);
    expect(validated.steps.map(({ step, dependencies }) => [step.id, dependencies])).toEqual([
      ['bos', []],
      ['nyc', []],
      ['cmp', ['bos', 'nyc']],
      ['mail', ['cmp', 'nyc', 'bos']],
    ]);
    expect(validated.steps.map(({ index }) => index)).toEqual([0, 1, 2, 3]);
  });

  it('locates argument references relative to `args`', () => {
    const cmp = validate(raw).stepsById.get('cmp');
    expect(
      cmp?.argumentReferences.map(({ reference, location, interpolated }) => [
        reference.text,
        location,
        interpolated,
      ]),
    ).toEqual([
      ['$bos', ['results', 0], false],
      ['$nyc', ['results', 1], false],
      ['$bos', ['results', 2], false],
    ]);
    const mail = validate(raw).stepsById.get('mail');
    expect(
      mail?.argumentReferences.map(({ location, interpolated }) => [location, interpolated]),
    ).toEqual([[['body'], true]]);
  });

  it('keeps the plan, the compiled answer and the limits', () => {
    const validated = validate(raw, { maxSteps: 10 });
    expect(validated.plan).toEqual(raw);
    expect(validated.answer).toEqual({
      kind: 'template',
      parts: ['Warmer: ', { root: 'cmp', path: ['warmer'], text: '${cmp.warmer}' }],
    });
    expect(validated.stepsById.get('bos')?.args).toEqual({
      kind: 'literal',
      value: { city: 'Boston' },
    });
    expect(validated.limits).toEqual({ ...defaultPlanLimits, maxSteps: 10 });
    expect(validated.tools).toBe(tools);
  });

  it('marks the result as validated, and a copy as not', () => {
    const validated = validate(raw);
    expect(isValidatedPlan(validated)).toBe(true);
    expect(isValidatedPlan({ ...validated })).toBe(false);
    expect(isValidatedPlan(null)).toBe(false);
  });

  it('fills in missing `args` as {}, and checks them as such', () => {
    const validated = validate({ steps: [{ id: 't', tool: 'now' }] });
    expect(validated.plan.steps[0]?.args).toEqual({});
    expect(validated.steps[0]?.args).toEqual({ kind: 'literal', value: {} });
    expect(onlyIssue({ steps: [{ id: 'w', tool: 'get_weather' }] })).toMatchObject({
      code: 'invalid_arguments',
      path: ['steps', 0, 'args', 'city'],
    });
  });

  it('accepts a forEach over a reference, with $item and $index in args', () => {
    const validated = validate({
      steps: [
        { id: 'find', tool: 'search', args: { query: 'cities' } },
        {
          id: 'each',
          tool: 'get_weather',
          forEach: '$find.items',
          args: { city: '$item', unit: 'c' },
        },
        {
          id: 'log',
          tool: 'search',
          forEach: ['a', 'b'],
          args: { query: '#${index}: ${item}' },
        },
      ],
    });
    const each = validated.stepsById.get('each');
    expect(each?.dependencies).toEqual(['find']);
    expect(each?.forEach).toEqual({
      kind: 'reference',
      reference: { root: 'find', path: ['items'], text: '$find.items' },
    });
    expect(validated.stepsById.get('log')?.forEach).toEqual({ kind: 'literal', value: ['a', 'b'] });
    expect(validated.stepsById.get('log')?.dependencies).toEqual([]);
  });

  it('takes dependencies from references inside a literal forEach array', () => {
    const validated = validate({
      steps: [
        weatherStep('home'),
        {
          id: 'each',
          tool: 'get_weather',
          forEach: ['$home.city', 'NYC'],
          args: { city: '$item' },
        },
      ],
    });
    expect(validated.stepsById.get('each')?.dependencies).toEqual(['home']);
  });

  it("accepts the seed's parallel_groups form", () => {
    const validated = validate({
      parallel_groups: [
        {
          group: 1,
          calls: [
            { tool: 'get_weather', args: { city: 'Boston' } },
            { tool: 'get_weather', args: { city: 'NYC' } },
          ],
        },
        { group: 2, calls: [{ tool: 'compare_temps', args: { results: '$group1.results' } }] },
      ],
    });
    expect(validated.steps.map(({ step }) => step.id)).toEqual([
      'group1_0',
      'group1_1',
      'group2_0',
    ]);
    expect(validated.stepsById.get('group2_0')?.dependencies).toEqual(['group1_0', 'group1_1']);
  });

  it('validates a 10,000-step chain without overflowing the stack', () => {
    const steps = Array.from({ length: 10_000 }, (_, index) => ({
      id: `s${index}`,
      tool: 'search',
      args: { query: index === 0 ? 'start' : `$s${index - 1}.next` },
    }));
    const validated = validatePlan({ steps }, { tools, limits: { maxSteps: 20_000 } });
    expect(validated.steps).toHaveLength(10_000);
    expect(validated.stepsById.get('s9999')?.dependencies).toEqual(['s9998']);
    expect(validated.stepsById.get('s0')?.dependencies).toEqual([]);
  });

  it('finds the cycle of a 10,000-step ring without overflowing the stack', () => {
    const steps = Array.from({ length: 10_000 }, (_, index) => ({
      id: `s${index}`,
      tool: 'search',
      args: { query: `$s${(index + 1) % 10_000}.next` },
    }));
    const issues = issuesOf({ steps }, { maxSteps: 20_000 });
    expect(codes(issues)).toEqual(['cycle']);
    expect(issues[0]?.message).toContain('s0 → s1 → s2 → ');
    expect(issues[0]?.message).toContain(' → s9999 → s0.');
  });
});

describe('validatePlan: one issue per code', () => {
  it('invalid_structure: steps is not an array', () => {
    const issue = onlyIssue({ steps: 'get the weather' });
    expect(issue.code).toBe('invalid_structure');
    expect(issue.path).toEqual(['steps']);
    expect(issue.message).toContain('A plan is {"steps"');
  });

  it('invalid_structure: not an object, or an unknown top-level key', () => {
    expect(onlyIssue('a plan').code).toBe('invalid_structure');
    const issue = onlyIssue({ steps: [], notes: 'x' });
    expect(issue).toMatchObject({ code: 'invalid_structure', path: [] });
    expect(issue.message).toContain('notes');
  });

  it('invalid_structure: a misspelt step key is reported, not ignored', () => {
    const issue = onlyIssue({
      steps: [weatherStep('a'), { ...weatherStep('b'), depends_on: ['a'] }],
    });
    expect(issue).toMatchObject({ code: 'invalid_structure', path: ['steps', 1], stepId: 'b' });
    expect(issue.message).toContain('depends_on');
    expect(issue.message).toContain('{"id", "tool", "args", "after"?, "forEach"?}');
  });

  it('invalid_structure: a step that is not an object, or lacks its tool', () => {
    const issues = issuesOf({ steps: [42, { id: 'b', args: {} }] });
    expect(codes(issues)).toEqual(['invalid_structure', 'invalid_structure']);
    expect(issues[0]?.path).toEqual(['steps', 0]);
    expect(issues[0]?.stepId).toBeUndefined();
    expect(issues[1]).toMatchObject({ path: ['steps', 1, 'tool'], stepId: 'b' });
  });

  it('invalid_step_id', () => {
    const issue = onlyIssue({ steps: [weatherStep('2nd-step')] });
    expect(issue).toMatchObject({
      code: 'invalid_step_id',
      path: ['steps', 0, 'id'],
      stepId: '2nd-step',
    });
    expect(issue.message).toContain('[A-Za-z_][A-Za-z0-9_]*');
  });

  it.each(['item', 'index'])('reserved_step_id: %s', (id) => {
    const issue = onlyIssue({ steps: [weatherStep(id)] });
    expect(issue).toMatchObject({ code: 'reserved_step_id', path: ['steps', 0, 'id'], stepId: id });
    expect(issue.message).toContain(`\`${id}\` is reserved for \`forEach\``);
  });

  it('duplicate_step_id', () => {
    const issue = onlyIssue({
      steps: [weatherStep('w'), weatherStep('x'), weatherStep('w', 'NYC')],
    });
    expect(issue).toMatchObject({
      code: 'duplicate_step_id',
      path: ['steps', 2, 'id'],
      stepId: 'w',
    });
    expect(issue.message).toBe(
      'Step id `w` is already used by steps[0]; every step needs its own id.',
    );
  });

  it('unknown_tool, with a "Did you mean" suggestion', () => {
    const issue = onlyIssue({ steps: [{ id: 'a', tool: 'get_wether', args: { city: 5 } }] });
    expect(issue).toMatchObject({ code: 'unknown_tool', path: ['steps', 0, 'tool'], stepId: 'a' });
    expect(issue.message).toBe(
      'Step `a` calls `get_wether`, which is not an available tool. Did you mean `get_weather`?',
    );
  });

  it('unknown_tool, with several suggestions and with none', () => {
    const catalog = createToolRegistry(
      ['search_web', 'search_news', 'translate'].map((name) =>
        defineTool({ name, description: '', inputSchema: z.object({}), execute: () => null }),
      ),
    );
    const several = (() => {
      try {
        validatePlan({ steps: [{ id: 'a', tool: 'search', args: {} }] }, { tools: catalog });
      } catch (error) {
        return (error as PlanValidationError).issues[0];
      }
      return undefined;
    })();
    expect(several?.message).toContain('Did you mean `search_news` or `search_web`?');
    const none = onlyIssue({ steps: [{ id: 'a', tool: 'launch_rocket', args: {} }] });
    expect(none.message).toBe('Step `a` calls `launch_rocket`, which is not an available tool.');
  });

  it('invalid_arguments: a literal argument fails the tool schema', () => {
    const issue = onlyIssue({ steps: [{ id: 'a', tool: 'get_weather', args: { city: 5 } }] });
    expect(issue).toMatchObject({
      code: 'invalid_arguments',
      path: ['steps', 0, 'args', 'city'],
      stepId: 'a',
    });
    expect(issue.message).toMatch(/^Step `a` \(get_weather\): `city`: /);
  });

  it('invalid_arguments: missing, wrong enum, and nested literal values', () => {
    const issues = issuesOf({
      steps: [
        { id: 'a', tool: 'get_weather', args: { unit: 'kelvin' } },
        { id: 'b', tool: 'compare_temps', args: { results: [{ temp: 'warm' }] } },
      ],
    });
    expect(issues.map(({ code, path }) => [code, path])).toEqual([
      ['invalid_arguments', ['steps', 0, 'args', 'city']],
      ['invalid_arguments', ['steps', 0, 'args', 'unit']],
      ['invalid_arguments', ['steps', 1, 'args', 'results', 0, 'temp']],
    ]);
  });

  it('does not check arguments that hold references at validation', () => {
    const validated = validate({
      steps: [
        { id: 'find', tool: 'search', args: { query: 'x' } },
        { id: 'cmp', tool: 'compare_temps', args: { results: '$find.items' } },
        { id: 'cmp2', tool: 'compare_temps', args: { results: ['$find', { temp: '$find.n' }] } },
        { id: 'more', tool: 'search', args: { query: 'y', limit: '$find.count' } },
      ],
    });
    expect(validated.stepsById.get('cmp')?.dependencies).toEqual(['find']);
  });

  it('still checks literal arguments beside a reference', () => {
    const issues = issuesOf({
      steps: [
        { id: 'find', tool: 'search', args: { query: 'x' } },
        { id: 'cmp', tool: 'compare_temps', args: { results: ['$find', { temp: 'hot' }] } },
        { id: 'mail', tool: 'send_email', args: { to: '$find.owner' } },
      ],
    });
    expect(issues.map(({ code, path }) => [code, path])).toEqual([
      ['invalid_arguments', ['steps', 1, 'args', 'results', 1, 'temp']],
      ['invalid_arguments', ['steps', 2, 'args', 'body']],
    ]);
  });

  it('invalid_reference: an unclosed ${ in args and in the answer', () => {
    const issues = issuesOf({
      steps: [weatherStep('a'), { id: 'b', tool: 'search', args: { query: 'near ${a.city' } }],
      answer: 'It is ${a.temp',
    });
    expect(issues.map(({ code, path }) => [code, path])).toEqual([
      ['invalid_reference', ['steps', 1, 'args', 'query']],
      ['invalid_reference', ['answer']],
    ]);
    expect(issues[0]?.stepId).toBe('b');
    expect(issues[0]?.message).toContain('Unclosed `${`');
  });

  it('invalid_reference: ${…} that is not a reference', () => {
    const issue = onlyIssue({ steps: [{ id: 'a', tool: 'search', args: { query: '${1 + 1}' } }] });
    expect(issue.code).toBe('invalid_reference');
    expect(issue.message).toContain('is not a reference');
  });

  it('unknown_reference, with a suggestion among the step ids', () => {
    const issue = onlyIssue({
      steps: [weatherStep('bos'), { id: 'lookup', tool: 'search', args: { query: '$bso.city' } }],
    });
    expect(issue).toMatchObject({
      code: 'unknown_reference',
      path: ['steps', 1, 'args', 'query'],
      stepId: 'lookup',
    });
    expect(issue.message).toBe(
      '$bso.city names step `bso`, but the plan has no step with that id. Did you mean `bos`?',
    );
  });

  it('unknown_reference in the answer and in forEach', () => {
    const issues = issuesOf({
      steps: [
        { id: 'each', tool: 'get_weather', forEach: '$cities.list', args: { city: '$item' } },
      ],
      answer: 'Done: ${nope.x}',
    });
    expect(issues.map(({ code, path }) => [code, path])).toEqual([
      ['unknown_reference', ['steps', 0, 'forEach']],
      ['unknown_reference', ['answer']],
    ]);
    expect(issues[1]?.message).toBe('The answer uses ${nope.x}, but no step has the id `nope`.');
  });

  it('self_reference in args and in after', () => {
    const issues = issuesOf({
      steps: [{ id: 'a', tool: 'search', args: { query: '${a.q}' }, after: ['a'] }],
    });
    expect(issues.map(({ code, path }) => [code, path])).toEqual([
      ['self_reference', ['steps', 0, 'args', 'query']],
      ['self_reference', ['steps', 0, 'after', 0]],
    ]);
    expect(issues[0]?.message).toContain('Step `a` uses its own result (${a.q})');
  });

  it('item_outside_for_each: $item and $index without forEach, and inside forEach itself', () => {
    const issues = issuesOf({
      steps: [
        { id: 'a', tool: 'get_weather', args: { city: '$item' } },
        { id: 'b', tool: 'search', args: { query: 'n=${index}' } },
        { id: 'c', tool: 'get_weather', forEach: '$item.list', args: { city: '$item' } },
      ],
    });
    expect(issues.map(({ code, path }) => [code, path])).toEqual([
      ['item_outside_for_each', ['steps', 0, 'args', 'city']],
      ['item_outside_for_each', ['steps', 1, 'args', 'query']],
      ['item_outside_for_each', ['steps', 2, 'forEach']],
    ]);
    expect(issues[0]?.message).toBe(
      '$item is only defined inside the `args` of a step with `forEach`.',
    );
  });

  it('unknown_after', () => {
    const issue = onlyIssue({
      steps: [weatherStep('nyc'), { ...weatherStep('b'), after: ['nyk'] }],
    });
    expect(issue).toMatchObject({
      code: 'unknown_after',
      path: ['steps', 1, 'after', 0],
      stepId: 'b',
    });
    expect(issue.message).toBe(
      '`after` names `nyk`, but the plan has no step with that id. Did you mean `nyc`?',
    );
  });

  it.each([
    ['a bare name', 'cities'],
    ['an interpolation', '${a.list}'],
    ['an escaped dollar', '$$a'],
  ])('invalid_for_each: %s', (_label, forEach) => {
    const issue = onlyIssue({
      steps: [weatherStep('a'), { id: 'b', tool: 'get_weather', forEach, args: { city: '$item' } }],
    });
    expect(issue).toMatchObject({ code: 'invalid_for_each', path: ['steps', 1, 'forEach'] });
    expect(issue.message).toContain(JSON.stringify(forEach));
  });

  it('cycle: names the cycle in dependency order', () => {
    const issue = onlyIssue({
      steps: [
        { id: 'a', tool: 'search', args: { query: '$b.q' } },
        { id: 'b', tool: 'search', args: { query: '$c.q' } },
        { id: 'c', tool: 'search', args: { query: 'x' }, after: ['a'] },
      ],
    });
    expect(issue).toMatchObject({ code: 'cycle', path: ['steps', 0], stepId: 'a' });
    expect(issue.message).toBe(
      'Steps depend on each other in a cycle: a → b → c → a. A step can only use results of steps that do not depend on it.',
    );
  });

  it('cycle: reports each independent cycle once', () => {
    const issues = issuesOf({
      steps: [
        { id: 'a', tool: 'search', args: { query: '$b.q' } },
        { id: 'b', tool: 'search', args: { query: '$a.q' } },
        { id: 'free', tool: 'search', args: { query: '$a.q' } },
        { id: 'x', tool: 'search', args: { query: 'q' }, after: ['y'] },
        { id: 'y', tool: 'search', args: { query: 'q' }, after: ['x'] },
      ],
    });
    expect(codes(issues)).toEqual(['cycle', 'cycle']);
    const cycles = issues.map((issue) => /cycle: (.*)\. A step/.exec(issue.message)?.[1]);
    expect(cycles.sort()).toEqual(['a → b → a', 'x → y → x']);
  });

  it('too_many_steps', () => {
    const issue = onlyIssue(
      { steps: [weatherStep('a'), weatherStep('b'), weatherStep('c')] },
      {
        maxSteps: 2,
      },
    );
    expect(issue).toMatchObject({ code: 'too_many_steps', path: ['steps'] });
    expect(issue.message).toContain('The plan has 3 steps; at most 2 are allowed.');
  });

  it('too_many_steps: the default limit is 100', () => {
    const steps = Array.from({ length: 101 }, (_, index) => weatherStep(`s${index}`));
    expect(codes(issuesOf({ steps }))).toEqual(['too_many_steps']);
    expect(validate({ steps: steps.slice(0, 100) }).steps).toHaveLength(100);
  });

  it('for_each_too_wide', () => {
    const issue = onlyIssue(
      {
        steps: [
          { id: 'w', tool: 'get_weather', forEach: ['A', 'B', 'C'], args: { city: '$item' } },
        ],
      },
      { maxForEachItems: 2 },
    );
    expect(issue).toMatchObject({ code: 'for_each_too_wide', path: ['steps', 0, 'forEach'] });
    expect(issue.message).toBe('`forEach` lists 3 items; at most 2 are allowed.');
  });
});

describe('validatePlan: collects every issue', () => {
  it('throws once, with every issue and a message listing them', () => {
    let thrown: unknown;
    try {
      validate({
        steps: [
          { id: 'a', tool: 'get_wether', args: { city: 'Boston' } },
          { id: 'a', tool: 'search', args: { query: 'x' } },
          { id: 'c', tool: 'search', args: { query: '$zzz.q', limit: 'ten' } },
        ],
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PlanValidationError);
    const error = thrown as PlanValidationError;
    expect(error.name).toBe('PlanValidationError');
    expect(codes(error.issues)).toEqual([
      'duplicate_step_id',
      'unknown_tool',
      'unknown_reference',
      'invalid_arguments',
    ]);
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('The plan has 4 problems. Fix each and send the whole corrected plan:');
    expect(lines.slice(1).map((line) => line.split(':')[0])).toEqual([
      '- steps[1].id',
      '- steps[0].tool',
      '- steps[2].args.query',
      '- steps[2].args.limit',
    ]);
  });

  it('checks the other steps when one step is malformed', () => {
    const issues = issuesOf({
      steps: [
        { id: 'bad', tool: '' },
        { id: 'b', tool: 'get_weather', args: { city: 1 } },
      ],
    });
    expect(codes(issues)).toEqual(['invalid_structure', 'invalid_arguments']);
  });

  it('rejects nonsense limits eagerly', () => {
    expect(() => validate({ steps: [] }, { maxSteps: 0 })).toThrow(
      'Expected `maxSteps` to be a positive integer, got `0`',
    );
  });
});

describe('issues that follow from others', () => {
  it('does not report a reference to a step that is already reported for its shape', () => {
    const issues = issuesOf({
      steps: [
        { id: 'bos', tool: 'get_weather', args: { city: 'Boston' }, depends_on: [] },
        { id: 'lookup', tool: 'search', args: { query: '$bos.city' } },
      ],
    });
    expect(codes(issues)).toEqual(['invalid_structure']);
  });
});

describe('validatePlan: steps written as call strings', () => {
  it('reads them into the same canonical plan as the object form, mixed in any order', () => {
    const fromCalls = validate({
      steps: [
        "w=get_weather(city=$item) for ['Oslo','Rome']",
        { id: 'c', tool: 'compare_temps', args: { results: '$w' } },
        "m=send_email(to='me@example.com',body='Warmer: ${c.warmer}') after w",
      ],
      answer: 'Warmer: ${c.warmer}',
    });
    expect(fromCalls.plan).toEqual({
      steps: [
        { id: 'w', tool: 'get_weather', args: { city: '$item' }, forEach: ['Oslo', 'Rome'] },
        { id: 'c', tool: 'compare_temps', args: { results: '$w' } },
        {
          id: 'm',
          tool: 'send_email',
          args: { to: 'me@example.com', body: 'Warmer: ${c.warmer}' },
          after: ['w'],
        },
      ],
      answer: 'Warmer: ${c.warmer}',
    });
    expect(fromCalls.stepsById.get('m')?.dependencies).toEqual(['c', 'w']);
  });

  it('reads "answer": null as no answer', () => {
    const validated = validate({ steps: ['n=now()'], answer: null });
    expect(validated.plan).toEqual({ steps: [{ id: 'n', tool: 'now', args: {} }] });
    expect(validated.answer).toBeUndefined();
  });

  it('invalid_step_call: one issue per bad string, with its path, column and step id, beside the other issues', () => {
    const issues = issuesOf({
      steps: [
        'a=get_weather(city=Boston)',
        { id: 'b', tool: 'get_wether', args: {} },
        "c=search(query='x'",
        'garbage',
        'd=search(query=$a.city)',
      ],
    });
    expect(issues.map(({ code, path, stepId }) => [code, path, stepId])).toEqual([
      ['invalid_step_call', ['steps', 0], 'a'],
      ['invalid_step_call', ['steps', 2], 'c'],
      ['invalid_step_call', ['steps', 3], undefined],
      ['unknown_tool', ['steps', 1, 'tool'], 'b'],
    ]);
    expect(issues[0]?.message).toContain('At column 20 of the step');
    expect(issues[0]?.message).toContain("text goes in quotes: 'Boston'");
    expect(issues[1]?.message).toContain('expected `,` or `)`');
  });

  it('reports what the object form would report for a call string that parses', () => {
    const issues = issuesOf({ steps: ["a=get_weather(city=$nope,unit='k')", '1=now()'] });
    expect(codes(issues)).toEqual(['invalid_step_call', 'unknown_reference', 'invalid_arguments']);
  });

  it('bounds the nesting of a call string by maxStepCallDepth', () => {
    const deep = `a=now(x=${'['.repeat(10)}${']'.repeat(10)})`;
    expect(validate({ steps: [deep] }).steps).toHaveLength(1);
    const issue = onlyIssue({ steps: [deep] }, { maxStepCallDepth: 9 });
    expect(issue).toMatchObject({ code: 'invalid_step_call', path: ['steps', 0] });
    expect(issue.message).toContain('deeper than 9 levels');
  });
});

describe('validatePlan: [$index] pairs a forEach element with another list', () => {
  it('is a dependency on the list it indexes, inside a forEach step', () => {
    const validated = validate({
      steps: [
        "u=search(query=$item) for ['a','b']",
        "p=search(query=$item) for ['c','d']",
        'z=compare_temps(results=[$p[$index]]) for $u',
      ],
    });
    expect(validated.stepsById.get('z')?.dependencies).toEqual(['u', 'p']);
  });

  it('is item_outside_for_each elsewhere: in a step without forEach, in forEach, in the answer', () => {
    const issues = issuesOf({
      steps: [
        "p=search(query=$item) for ['c','d']",
        'a=search(query=$p[$index])',
        'b=search(query=$item) for $p[$index].list',
      ],
      answer: 'First: ${p[$index]}',
    });
    expect(issues.map(({ code, path }) => [code, path])).toEqual([
      ['item_outside_for_each', ['steps', 1, 'args', 'query']],
      ['item_outside_for_each', ['steps', 2, 'forEach']],
      ['item_outside_for_each', ['answer']],
    ]);
  });
});
