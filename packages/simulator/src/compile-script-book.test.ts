import { describe, expect, it } from 'vitest';
import { compileScriptBook } from './compile-script-book.js';
import type { ScriptBook } from './script-book.js';
import { PLAN_WIRE, testScripts } from './simulator.test-utils.js';
import { ScriptBookError } from './simulator-errors.js';

function problemsOf(book: unknown): readonly string[] {
  try {
    compileScriptBook(book as ScriptBook);
  } catch (error) {
    expect(error).toBeInstanceOf(ScriptBookError);
    expect((error as ScriptBookError).name).toBe('ScriptBookError');
    return (error as ScriptBookError).problems;
  }
  throw new Error('Expected the script book to be refused.');
}

describe('compileScriptBook', () => {
  it('compiles calls with provider names, dependencies and the plan in the wire form', () => {
    const book = compileScriptBook(testScripts);
    const weather = book.scenarios[0];
    expect(
      weather?.loop?.calls.map((call) => [call.id, call.providerName, call.dependencies]),
    ).toEqual([
      ['bos', 'weather_get', []],
      ['nyc', 'weather_get', []],
      ['cmp', 'compare_temps', ['bos', 'nyc']],
    ]);
    expect(JSON.parse(weather?.plan?.text ?? '')).toEqual(PLAN_WIRE);
  });

  it('keeps a plan given as text exactly as written', () => {
    const book = compileScriptBook({
      scenarios: [{ name: 'broken', query: 'q', plan: '{"steps": [ oops' }],
    });
    expect(book.scenarios[0]?.plan?.text).toBe('{"steps": [ oops');
  });

  it('compiles a replan like a plan, keeping the plan objects for the worst-case model', () => {
    const plan = { steps: [{ id: 'a', tool: 't' }] };
    const replan = { steps: [{ id: 'b', tool: 't', args: { retry: true } }], answer: '${b}' };
    const [scenario] = compileScriptBook({
      scenarios: [{ name: 'r', query: 'q', plan, replan }],
    }).scenarios;
    expect(scenario?.plan).toEqual({
      text: '{"steps":["a=t()"],"answer":null}',
      object: plan,
      tools: ['t'],
    });
    expect(scenario?.replan).toEqual({
      text: '{"steps":["b=t(retry=true)"],"answer":"${b}"}',
      object: replan,
      tools: ['t'],
    });
    const text = compileScriptBook({ scenarios: [{ name: 't', query: 'q', replan: '{ oops' }] });
    expect(text.scenarios[0]?.replan).toEqual({
      text: '{ oops',
      object: undefined,
      tools: undefined,
    });
    expect(text.scenarios[0]?.plan).toBeUndefined();
    expect(
      problemsOf({ scenarios: [{ name: 'b', query: 'q', replan: { steps: [{ id: 'x' }] } }] }),
    ).toEqual([expect.stringMatching(/^scripts\.scenarios\[0\]\.replan\.steps\[0\]\.tool: /)]);
  });

  it('refuses a plan object that is not a canonical plan, with the path inside the plan', () => {
    const problems = problemsOf({
      scenarios: [
        { name: 'a', query: 'q1', plan: { steps: [{ id: 'x', args: {} }] } },
        { name: 'b', query: 'q2', plan: { parallel_groups: [] } },
        { name: 'c', query: 'q3', plan: { steps: [{ id: 'x', tool: 'has space', args: {} }] } },
      ],
    });
    expect(problems).toEqual([
      expect.stringMatching(/^scripts\.scenarios\[0\]\.plan\.steps\[0\]\.tool: /),
      expect.stringMatching(/^scripts\.scenarios\[1\]\.plan\.steps: /),
      expect.stringMatching(/^scripts\.scenarios\[1\]\.plan: .*parallel_groups/),
      expect.stringMatching(/^scripts\.scenarios\[2\]\.plan\.steps\[0\]: .*tool name "has space"/),
    ]);
  });

  it('sends "answer": null for a plan whose results need reasoning, and string steps as written', () => {
    const book = compileScriptBook({
      scenarios: [
        {
          name: 'r',
          query: 'q',
          plan: { steps: ['a=t(', { id: 'b', tool: 't' }], answer: 'x', needsReasoning: true },
        },
      ],
    });
    expect(JSON.parse(book.scenarios[0]?.plan?.text ?? '')).toEqual({
      steps: ['a=t(', 'b=t()'],
      answer: null,
    });
  });

  it('trims queries', () => {
    const book = compileScriptBook({ scenarios: [{ name: 'a', query: '  Hello.  ' }] });
    expect(book.scenarios[0]?.query).toBe('Hello.');
  });

  it('collects every problem, each with its path in the book', () => {
    const problems = problemsOf({
      scenarios: [
        {
          name: 'a',
          query: 'q1',
          loop: {
            calls: [
              { id: 'x', tool: 't', args: { v: '$missing.field' } },
              { id: 'x', tool: 't' },
              { id: 'y', tool: 't', after: ['nope'] },
            ],
            answer: '${x.v}',
          },
        },
        { name: 'a', query: 'q1', joinAnswer: 'bad ${' },
        { name: 'c', query: '   ', plan: 5 },
        {
          name: 'd',
          query: 'q4',
          loop: { calls: [{ id: 'z', tool: 't', depends_on: [] }], answer: '' },
        },
      ],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^scripts\.scenarios\[0\]\.loop\.calls\[0\]\.args\.v: .*\$missing/),
        expect.stringMatching(/^scripts\.scenarios\[0\]\.loop\.calls\[1\]\.id: .*already used/),
        expect.stringMatching(/^scripts\.scenarios\[0\]\.loop\.calls\[2\]\.after\[0\]: .*nope/),
        expect.stringMatching(/^scripts\.scenarios\[1\]\.name: .*scenarios\[0\]/),
        expect.stringMatching(/^scripts\.scenarios\[1\]\.query: .*same query/),
        expect.stringMatching(/^scripts\.scenarios\[1\]\.joinAnswer: .*Unclosed/),
        expect.stringMatching(/^scripts\.scenarios\[2\]\.query: must not be empty/),
        expect.stringMatching(/^scripts\.scenarios\[2\]\.plan: /),
        expect.stringMatching(/^scripts\.scenarios\[3\]\.loop\.calls\[0\]: .*depends_on/),
      ]),
    );
  });

  it('refuses a dependency cycle between calls', () => {
    const problems = problemsOf({
      scenarios: [
        {
          name: 'cycle',
          query: 'q',
          loop: {
            calls: [
              { id: 'a', tool: 't', args: { v: '$b' } },
              { id: 'b', tool: 't', after: ['a'] },
            ],
            answer: 'done',
          },
        },
      ],
    });
    expect(problems.join('\n')).toMatch(/cycle: a → b → a|cycle: b → a → b/);
  });

  it('refuses a book without a scenarios array', () => {
    expect(problemsOf({ scenario: [] })[0]).toMatch(/^scripts/);
  });
});
