import { describe, expect, it } from 'vitest';
import type { PlanIssue } from './plan-issue.js';
import { parseStepCall } from './parse-step-call.js';

function parsed(text: string) {
  const result = parseStepCall(text);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${result.issue.message}`);
  return result.step;
}

function issueOf(text: string, options: Parameters<typeof parseStepCall>[1] = {}): PlanIssue {
  const result = parseStepCall(text, options);
  if (result.ok) throw new Error(`expected ${text} not to parse`);
  return result.issue;
}

describe('parseStepCall', () => {
  it('reads the examples of the plan format', () => {
    expect(parsed("w=get_weather(city=$item,date='2024-01-20') for ['Boston','New York']")).toEqual(
      {
        id: 'w',
        tool: 'get_weather',
        args: { city: '$item', date: '2024-01-20' },
        forEach: ['Boston', 'New York'],
      },
    );
    expect(parsed('cmp=compare_temps(results=$w)')).toEqual({
      id: 'cmp',
      tool: 'compare_temps',
      args: { results: '$w' },
    });
    expect(
      parsed(
        'ctx=aggregate_context(user=$item,preferences=$p[$index],orders=$o[$index].orders) for $u',
      ),
    ).toEqual({
      id: 'ctx',
      tool: 'aggregate_context',
      args: { user: '$item', preferences: '$p[$index]', orders: '$o[$index].orders' },
      forEach: '$u',
    });
  });

  it('takes no arguments, dotted tool names, `for` and `after` in either order, and whitespace anywhere', () => {
    expect(parsed('n=now()')).toEqual({ id: 'n', tool: 'now', args: {} });
    expect(parsed(' p = spotify.play ( artist = "Taylor" ) after a , b for $s.items ')).toEqual({
      id: 'p',
      tool: 'spotify.play',
      args: { artist: 'Taylor' },
      forEach: '$s.items',
      after: ['a', 'b'],
    });
    expect(parsed('x=mcp:files-read()\nafter a')).toEqual({
      id: 'x',
      tool: 'mcp:files-read',
      args: {},
      after: ['a'],
    });
  });

  it('reads JSON values, single-quoted strings, bare references and bare or quoted keys', () => {
    expect(
      parsed(
        `a=t(n=-1.5e3,z=0,b=true,f=false,u=null,s="say \\"hi\\"",q='it\\'s',e='\\u00e9\\n\\\\',` +
          `l=[1,[2,[]],$x.y[0]],o={k:1,'two words':{},"q":[$item]},'odd-name'=1)`,
      ),
    ).toEqual({
      id: 'a',
      tool: 't',
      args: {
        n: -1500,
        z: 0,
        b: true,
        f: false,
        u: null,
        s: 'say "hi"',
        q: "it's",
        e: 'é\n\\',
        l: [1, [2, []], '$x.y[0]'],
        o: { k: 1, 'two words': {}, q: ['$item'] },
        'odd-name': 1,
      },
    });
  });

  it('keeps a quoted string exactly as the canonical string: references, interpolation and $$ mean the same', () => {
    expect(parsed("a=t(r='$w',i='${item} news',d='$$5',raw='tab\there')").args).toEqual({
      r: '$w',
      i: '${item} news',
      d: '$$5',
      raw: 'tab\there',
    });
  });

  it('defines a `__proto__` key as data, as JSON.parse does', () => {
    const step = parsed("a=t(__proto__={polluted:true},o={'__proto__':1})");
    expect(Object.hasOwn(step.args, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(step.args)).toBe(Object.prototype);
  });

  it.each([
    ['', 1, "expected the step's id"],
    ['1a=t()', 1, "expected the step's id"],
    ['a t()', 3, 'expected `=` after the step id `a`'],
    ['a=(x=1)', 3, 'expected a tool name'],
    ['a=t x=1', 5, 'expected `(` after the tool name `t`'],
    ['a=t(x=1', 8, 'expected `,` or `)` after the value of `x`'],
    ['a=t(x=1,)', 9, 'expected an argument name'],
    ['a=t(x:1)', 6, 'expected `=` after the argument name `x`'],
    ['a=t(x=Boston)', 7, "text goes in quotes: 'Boston'"],
    ['a=t(x=$1)', 7, 'a bare `$` value must be a reference'],
    ['a=t(x=${a.b})', 7, 'a bare `$` value must be a reference'],
    ['a=t(x=$a.b!)', 11, 'the reference $a.b ends here but `!)` follows'],
    ["a=t(x='abc)", 7, "the string opened here has no closing '"],
    ["a=t(x='\\q')", 8, '`\\q` is not an escape'],
    ['a=t(x=[1 2])', 10, 'expected `,` or `]` after an item of the list'],
    ['a=t(x={k 1})', 10, 'expected `:` after the key `k`'],
    ['a=t(x={k:1,k:2})', 12, 'the key `k` is given twice'],
    ['a=t(x=1,x=2)', 9, 'the argument `x` is given twice'],
    ['a=t() for', 10, 'expected a $reference or a [list] after `for`'],
    ['a=t() for 3', 11, 'after `for`, expected a $reference to a list or a literal [list]'],
    ['a=t() for $x for $y', 14, '`for` is written twice'],
    ['a=t() after', 12, 'expected a step id after `after`'],
    ['a=t() after b,', 15, 'expected a step id after `after`'],
    [
      'a=t() forEach $x',
      7,
      'expected " for …", " after …" or the end of the step, got `forEach $x`',
    ],
    ['a=t() )', 7, 'or the end of the step'],
  ])('%j: column %i, %s', (text, column, expected) => {
    const issue = issueOf(text, { path: ['steps', 3] });
    expect(issue.code).toBe('invalid_step_call');
    expect(issue.path).toEqual(['steps', 3]);
    expect(issue.message).toContain(`At column ${column} of the step: `);
    expect(issue.message).toContain(expected);
    expect(issue.message).toContain('Write a step as id=tool(name=value,…)');
  });

  it('names the step once its id is read, and the line of a step written over several lines', () => {
    expect(issueOf('w=t(x=?)').stepId).toBe('w');
    expect(issueOf('w t()').stepId).toBeUndefined();
    expect(issueOf('w=t(\n  x=1,\n  y=?)').message).toContain('At line 3, column 5 of the step');
  });

  it('quotes only a short piece of what it found', () => {
    for (const text of [
      `a=t(x=${'y'.repeat(10_000)})`,
      `a=t(${'y'.repeat(10_000)}=1,${'y'.repeat(10_000)}=2)`,
      `${'a'.repeat(10_000)} t()`,
    ]) {
      expect(issueOf(text).message.length).toBeLessThan(400);
    }
  });

  describe('hostile input', () => {
    it('refuses nesting deeper than maxDepth, without recursing further', () => {
      const deep = `a=t(x=${'['.repeat(200_000)})`;
      expect(issueOf(deep).message).toContain('values nest deeper than 64 levels');
      expect(
        issueOf(`a=t(x=${'{k:'.repeat(5)}1${'}'.repeat(5)})`, { maxDepth: 4 }).message,
      ).toContain('deeper than 4 levels');
      expect(parsed(`a=t(x=${'['.repeat(64)}${']'.repeat(64)})`).args['x']).toBeDefined();
    });

    it('reads huge and unterminated text to an answer', () => {
      const long = 'x'.repeat(2_000_000);
      expect(parsed(`a=t(s='${long}')`).args['s']).toBe(long);
      expect(issueOf(`a=t(s='${long}`).message).toContain('At column 7');
      expect(parsed(`a=t(s='${'\\\\'.repeat(200_000)}')`).args['s']).toBe('\\'.repeat(200_000));
      const many = Array.from({ length: 50_000 }, (_, index) => `k${index}=${index}`).join(',');
      expect(Object.keys(parsed(`a=t(${many})`).args)).toHaveLength(50_000);
      expect(issueOf(`a=t(x=[${'1,'.repeat(500_000)}`).code).toBe('invalid_step_call');
    });
  });
});
