import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPlanStreamParser, type PlanStreamParser } from './create-plan-stream-parser.js';
import { formatStepCall } from './format-step-call.js';
import { parsePlanText } from './parse-plan-text.js';
import { parseStepCall } from './parse-step-call.js';
import { PlanParseError } from './plan-errors.js';

interface Run {
  parser: PlanStreamParser;
  steps: unknown[];
  indices: number[];
  /** How many characters had been written when each step was emitted. */
  offsets: number[];
}

/** Feeds `chunks` in order, recording each emitted step and when it came. */
function feed(chunks: readonly string[]): Run {
  const run: Run = { parser: undefined as never, steps: [], indices: [], offsets: [] };
  let written = 0;
  run.parser = createPlanStreamParser({
    onStep: (step, index) => {
      run.steps.push(step);
      run.indices.push(index);
      run.offsets.push(written);
    },
  });
  for (const chunk of chunks) {
    written += chunk.length;
    run.parser.write(chunk);
  }
  return run;
}

/** A step as the parser hands it over: a call string that parses as its canonical step. */
function asEmitted(step: unknown): unknown {
  if (typeof step !== 'string') return step;
  const call = parseStepCall(step);
  return call.ok ? call.step : step;
}

/** The text cut before each of `cuts` (indices, any order; out-of-range ones clamped). */
function cut(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((point) => point % (text.length + 1)))].sort(
    (left, right) => left - right,
  );
  const chunks: string[] = [];
  let from = 0;
  for (const to of [...points, text.length]) {
    if (to > from) chunks.push(text.slice(from, to));
    from = Math.max(from, to);
  }
  return chunks;
}

/** One UTF-16 code unit per chunk (so surrogate pairs are split too). */
function units(text: string): string[] {
  return [...Array(text.length).keys()].map((index) => text[index] as string);
}

/** The text as pieces of 1–`max` UTF-8 bytes, decoded as a network reader decodes them. */
function byteChunks(text: string, sizes: readonly number[]): string[] {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  const chunks: string[] = [];
  for (let offset = 0, turn = 0; offset < bytes.length; turn += 1) {
    const size = sizes.length === 0 ? 1 : (sizes[turn % sizes.length] as number);
    chunks.push(decoder.decode(bytes.subarray(offset, offset + size), { stream: true }));
    offset += size;
  }
  chunks.push(decoder.decode());
  return chunks;
}

function endError(parser: PlanStreamParser): PlanParseError {
  try {
    parser.end();
  } catch (error) {
    expect(error).toBeInstanceOf(PlanParseError);
    return error as PlanParseError;
  }
  throw new Error('expected end() to throw a PlanParseError');
}

/** What parsePlanText does with the text: its value, or the message it throws. */
function parsedOrError(text: string): { value: unknown } | { error: string } {
  try {
    return { value: parsePlanText(text) };
  } catch (error) {
    expect(error).toBeInstanceOf(PlanParseError);
    return { error: (error as Error).message };
  }
}

function endedOrError(parser: PlanStreamParser): { value: unknown } | { error: string } {
  try {
    return { value: parser.end() };
  } catch (error) {
    expect(error).toBeInstanceOf(PlanParseError);
    return { error: (error as Error).message };
  }
}

/**
 * JSON text of `value` with whitespace from `spaces` between every token (cycled) and, where
 * `escapes` says so, string characters written as \uXXXX escapes.
 */
function serialize(value: unknown, spaces: readonly string[], escapes: readonly boolean[]): string {
  let space = 0;
  let escape = 0;
  const gap = () => (spaces.length === 0 ? '' : (spaces[space++ % spaces.length] as string));
  const string = (text: string) => {
    let out = '"';
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      const unicode = escapes.length > 0 && (escapes[escape++ % escapes.length] as boolean);
      out += unicode
        ? `\\u${code.toString(16).padStart(4, '0')}`
        : JSON.stringify(text[index]).slice(1, -1);
    }
    return `${out}"`;
  };
  const write = (item: unknown): string => {
    if (typeof item === 'string') return string(item);
    if (Array.isArray(item)) {
      if (item.length === 0) return `[${gap()}]`;
      return `[${item.map((element) => `${gap()}${write(element)}${gap()}`).join(',')}]`;
    }
    if (typeof item === 'object' && item !== null) {
      const entries = Object.entries(item);
      if (entries.length === 0) return `{${gap()}}`;
      const members = entries.map(
        ([key, element]) => `${gap()}${string(key)}${gap()}:${gap()}${write(element)}${gap()}`,
      );
      return `{${members.join(',')}}`;
    }
    return JSON.stringify(item);
  };
  return `${gap()}${write(value)}${gap()}`;
}

const stepArbitrary = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      {
        id: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,5}$/),
        tool: fc.constantFrom('get_weather', 'search', 'send_email', '東京_lookup'),
        args: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), {
          maxKeys: 4,
        }),
        after: fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }),
        forEach: fc.oneof(fc.constant('$a.items'), fc.array(fc.jsonValue({ maxDepth: 1 }))),
        nested: fc.constant({ steps: [{ id: 'inner', tool: 'x' }] }),
      },
      { requiredKeys: ['id', 'tool', 'args'] },
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

const planArbitrary = fc
  .record({
    steps: fc.array(stepArbitrary, { maxLength: 8 }),
    answer: fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
    extra: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
    answerFirst: fc.boolean(),
  })
  .map(({ steps, answer, extra, answerFirst }) => {
    const plan: Record<string, unknown> = {};
    if (answerFirst && answer !== undefined) plan['answer'] = answer;
    plan['steps'] = steps;
    if (!answerFirst && answer !== undefined) plan['answer'] = answer;
    if (extra !== undefined) plan['extra'] = extra;
    return plan;
  });

const whitespace = fc.array(fc.constantFrom('', '', ' ', '\n', '\t', '\r\n', '  '), {
  minLength: 1,
  maxLength: 12,
});
const escapes = fc.array(fc.boolean(), { maxLength: 8 });
const cuts = fc.array(fc.nat(), { maxLength: 40 });
/** Prose without braces or backticks. */
const prose = fc.string({ unit: fc.constantFrom(...'ab :.,!?\n\t"\'😀東京'), maxLength: 30 });

describe('createPlanStreamParser', () => {
  it('emits each step the moment its closing brace arrives, before the rest of the text', () => {
    const stepTexts = [
      '{"id": "bos", "tool": "get_weather", "args": {"city": "Boston"}}',
      '{"id": "nyc", "tool": "get_weather", "args": {"city": "NYC", "note": "} ] \\" {"}}',
      '{"id": "cmp", "tool": "compare", "args": {"results": ["$bos", "$nyc"], "steps": [1]}}',
    ];
    const head = '{"answer": "Warmer: ${cmp.warmer}", "steps": [\n  ';
    const text = `${head}${stepTexts.join(',\n  ')}\n], "needsReasoning": false}`;
    const ends: number[] = [];
    let at = head.length;
    for (const stepText of stepTexts) {
      ends.push(at + stepText.length);
      at += stepText.length + ',\n  '.length;
    }

    const run = feed(units(text));
    expect(run.offsets).toEqual(ends);
    expect(run.indices).toEqual([0, 1, 2]);
    expect(run.steps).toEqual(stepTexts.map((stepText) => JSON.parse(stepText)));
    expect(run.offsets.every((offset) => offset < text.length)).toBe(true);
    expect(run.parser.stepsEmitted).toBe(3);
    expect(run.parser.emittedStepsConfirmed).toBeUndefined();
    expect(run.parser.end()).toEqual(JSON.parse(text));
    expect(run.parser.emittedStepsConfirmed).toBe(true);
  });

  it('emits a number, string or literal element when it ends', () => {
    const text = '{"steps": [12, "s", true, null, -1.5e3 ]}';
    const run = feed(units(text));
    expect(run.steps).toEqual([12, 's', true, null, -1500]);
    // A number ends at the character after it; the others at their own last character.
    expect(run.offsets).toEqual([
      text.indexOf(', "s"') + 1,
      text.indexOf('"s"') + 3,
      text.indexOf('true') + 4,
      text.indexOf('null') + 4,
      text.indexOf(' ]') + 1,
    ]);
  });

  it('emits steps as soon as they close from a fenced plan after prose', () => {
    const plan = { steps: [{ id: 'a', tool: 't', args: {} }], answer: 'ok' };
    const json = JSON.stringify(plan, null, 2);
    const text = `Sure, here it is:\n\n\`\`\`json\n${json}\n\`\`\`\nLet me know.`;
    const run = feed(units(text));
    expect(run.offsets).toEqual([text.indexOf('\n  ],') + 0]);
    expect(run.parser.end()).toEqual(plan);
    expect(run.parser.emittedStepsConfirmed).toBe(true);
  });

  describe('accepts what JSON.parse accepts', () => {
    const nested = `${'['.repeat(500)}"deep"${']'.repeat(500)}`;
    const values = [
      '0',
      '-0',
      '1e10',
      '1E+2',
      '-1.5e-3',
      '0.5E-0',
      '1e999',
      '123456789012345678901234567890',
      '""',
      '"\\""',
      '"\\\\\\/\\b\\f\\n\\r\\t"',
      '"\\u0041\\u00e9\\u00E9"',
      '"\\uD83D\\uDE00"',
      '"\\uDEAD lone"',
      '"😀 東京 ＫＡＮＡ"',
      '"\u2028\u2029\u007f"',
      'true',
      'false',
      'null',
      '[]',
      '{}',
      '[[], {}, [{}], {"": ""}]',
      nested,
      `{"a": ${nested}}`,
      ' \t\r\n[ 1 ,\t{ "a" : [ ] , "b":{ } } ,"x" ] \r\n',
      '{"a": 1, "a": 2}',
      '{"__proto__": {"polluted": true}}',
      '{"steps": [1, 2]}',
    ];
    for (const value of values) {
      it(JSON.stringify(value).slice(0, 60), () => {
        const text = `{"steps": [{"id": "a"}, ${value}, {"id": "b"}], "other": ${value}}`;
        for (const chunks of [[text], units(text), byteChunks(text, [3, 1, 7])]) {
          const run = feed(chunks);
          const expected = JSON.parse(text) as { steps: unknown[] };
          expect(run.steps).toStrictEqual(expected.steps);
          expect(run.parser.end()).toStrictEqual(expected);
          expect(run.parser.emittedStepsConfirmed).toBe(true);
        }
      });
    }
  });

  describe('rejects what JSON.parse rejects, emitting no step past the error', () => {
    const values = [
      '01',
      '-01',
      '00',
      '1.',
      '.5',
      '1e',
      '1e+',
      '-',
      '+1',
      '0x1F',
      'NaN',
      'Infinity',
      '-Infinity',
      'undefined',
      "'single'",
      '"tab\there"',
      '"line\nbreak"',
      '"nul\u0000"',
      '"\\x41"',
      '"\\u12"',
      '"\\u12G4"',
      '"\\a"',
      '[1,]',
      '{"a": 1,}',
      '[1 2]',
      '{"a" 1}',
      '{"a": 1 "b": 2}',
      '{1: 2}',
      '{"a"}',
      '/* comment */ 1',
      '// comment\n1',
      'tru',
      'True',
      'nul',
      '[1]]',
      '[1}',
      '"unterminated',
      '[1] 2',
      '{"a": 1} {"b": 2}',
      '"a" "b"',
      '\u00a01',
      '\f1',
    ];
    for (const value of values) {
      it(JSON.stringify(value), () => {
        // Inside a step's arguments: the step before is emitted, that step and the rest never.
        const inArgs = `{"steps": [{"id": "ok"}, {"id": "bad", "args": {"v": ${value}}}, {"id": "after"}], "answer": "x"}`;
        expect(() => JSON.parse(inArgs)).toThrow(SyntaxError);
        for (const chunks of [[inArgs], units(inArgs)]) {
          const run = feed(chunks);
          expect(run.steps).toEqual([{ id: 'ok' }]);
          endError(run.parser);
          expect(run.parser.emittedStepsConfirmed).toBe(false);
        }
        // As a step itself: whatever came before the error may have been emitted, nothing after.
        const asStep = `{"steps": [{"id": "ok"}, ${value}, {"id": "after"}]}`;
        const run = feed(units(asStep));
        expect(run.steps[0]).toEqual({ id: 'ok' });
        expect(run.steps.length).toBeLessThanOrEqual(2);
        expect(run.steps).not.toContainEqual({ id: 'after' });
        endError(run.parser);
      });
    }

    it('a plan that is not JSON at all', () => {
      for (const text of ["{'steps': [{'id': 'a'}]}", '{steps: [{"id": "a"}]}', '{"steps": [}']) {
        const run = feed(units(text));
        expect(run.steps).toEqual([]);
        endError(run.parser);
        expect(run.parser.emittedStepsConfirmed).toBe(true);
      }
    });

    it('a stream cut off midway keeps what was emitted, and end() throws', () => {
      const run = feed(units('{"steps": [{"id": "a"}, {"id": "b", "args": {"q": "unfini'));
      expect(run.steps).toEqual([{ id: 'a' }]);
      expect(endError(run.parser).message).toContain('not valid JSON');
      expect(run.parser.emittedStepsConfirmed).toBe(false);
    });

    it('a reply without any object', () => {
      for (const text of ['', 'I cannot plan that.', '```json\n```']) {
        const run = feed([text]);
        expect(endError(run.parser).message).toContain('holds no JSON object');
      }
    });
  });

  it('treats garbage after the plan object as trailing prose, as parsePlanText does', () => {
    const text = '{"steps": [{"id": "a"}]} {"steps": [{"id": "b"}]}}';
    const run = feed(units(text));
    expect(run.steps).toEqual([{ id: 'a' }]);
    expect(run.parser.end()).toEqual(parsePlanText(text));
    expect(run.parser.end()).toEqual({ steps: [{ id: 'a' }] });
    expect(run.parser.emittedStepsConfirmed).toBe(true);
  });

  it('emits nothing early from the parallel_groups form, and end() returns it as written', () => {
    const plan = {
      parallel_groups: [
        { group: 1, calls: [{ tool: 'get_weather', args: { city: 'Boston' } }] },
        { group: 2, calls: [{ tool: 'compare', args: { results: '$group1.results' } }] },
      ],
    };
    const text = JSON.stringify(plan);
    const run = feed(units(text));
    expect(run.steps).toEqual([]);
    expect(run.parser.end()).toEqual(plan);
    expect(run.parser.emittedStepsConfirmed).toBe(true);
  });

  it('does not emit "steps" nested in arguments, only the top-level ones', () => {
    const text = JSON.stringify({
      meta: { steps: [{ id: 'no' }] },
      steps: [{ id: 'a', tool: 't', args: { steps: [{ id: 'inner' }], plan: { steps: [1] } } }],
    });
    const run = feed(units(text));
    expect(run.steps).toEqual([
      { id: 'a', tool: 't', args: { steps: [{ id: 'inner' }], plan: { steps: [1] } } },
    ]);
  });

  it('reads a "steps" key written with escapes', () => {
    const run = feed(units('{"st\\u0065ps": [{"id": "a"}]}'));
    expect(run.steps).toEqual([{ id: 'a' }]);
  });

  it('stops at a second "steps" key and reports that the emitted steps were not the plan', () => {
    const text = '{"steps": [{"id": "a"}], "steps": [{"id": "b"}]}';
    const run = feed(units(text));
    expect(run.steps).toEqual([{ id: 'a' }]);
    expect(run.parser.end()).toEqual({ steps: [{ id: 'b' }] });
    expect(run.parser.emittedStepsConfirmed).toBe(false);
  });

  it('splits multi-byte characters anywhere', () => {
    const plan = {
      steps: [
        { id: 'a', tool: 'translate', args: { text: '東京タワー 😀👍🏽 café', emoji: '🇯🇵' } },
        { id: 'b', tool: 'search', args: { q: '𝄞 "quoted" \\ back', list: ['é', '中文', '🙂'] } },
      ],
      answer: 'Ｆｕｌｌ ${a.text} 😀',
    };
    const text = JSON.stringify(plan);
    const expected = JSON.parse(text) as typeof plan;
    for (let at = 0; at <= text.length; at += 1) {
      const run = feed([text.slice(0, at), text.slice(at)]);
      expect(run.steps).toEqual(expected.steps);
      expect(run.parser.end()).toEqual(expected);
    }
    for (const sizes of [[1], [2], [3], [5, 1, 2], [7, 4]]) {
      const run = feed(byteChunks(text, sizes));
      expect(run.steps).toEqual(expected.steps);
      expect(run.parser.end()).toEqual(expected);
    }
    const run = feed(units(text));
    expect(run.steps).toEqual(expected.steps);
  });

  describe('reads the object parsePlanText reads', () => {
    const plan = {
      steps: [
        { id: 'a', tool: 't', args: { x: 1 } },
        { id: 'b', tool: 't' },
      ],
    };
    const json = JSON.stringify(plan);

    it('prose with braces before a fenced plan', () => {
      const text = `I will call f({city}) for each city:\n\`\`\`json\n${json}\n\`\`\``;
      const run = feed(units(text));
      expect(run.steps).toEqual(plan.steps);
      expect(run.parser.end()).toEqual(plan);
      expect(run.parser.emittedStepsConfirmed).toBe(true);
    });

    it('an example object in another fence first', () => {
      const text = `Example:\n\`\`\`bash\ncurl -d '${json}'\n\`\`\`\nThe plan:\n\`\`\`json\n${json.replace('"a"', '"c"')}\n\`\`\``;
      const run = feed(units(text));
      expect(run.steps).toEqual([{ ...plan.steps[0], id: 'c' }, plan.steps[1]]);
      expect(run.parser.end()).toEqual(parsePlanText(text));
      expect(run.parser.emittedStepsConfirmed).toBe(true);
    });

    it('an example object in another fence, and no plan after it: nothing early', () => {
      const text = `Example:\n\`\`\`text\nlike ${json}\n\`\`\`\n`;
      const run = feed(units(text));
      expect(run.steps).toEqual([]);
      expect(run.parser.end()).toEqual(plan);
    });

    it('a fence closing inside a string ends the fenced plan, as in parsePlanText', () => {
      const text = `\`\`\`json\n{"steps": [{"id": "a"}, {"id": "b", "args": {"md": "\`\`\`"}}, {"id": "c"}]}\n\`\`\``;
      const run = feed(units(text));
      expect(run.steps).toEqual([{ id: 'a' }]);
      endError(run.parser);
      expect(run.parser.emittedStepsConfirmed).toBe(false);
    });

    it('an unfenced plan followed by a fenced one: parsePlanText takes the fenced one', () => {
      const other = JSON.stringify({ steps: [{ id: 'z', tool: 't' }] });
      const text = `${json}\n\nOr better:\n\`\`\`json\n${other}\n\`\`\``;
      const run = feed(units(text));
      // Emitted from the first object, which parsePlanText does not return: reported.
      expect(run.steps).toEqual(plan.steps);
      expect(run.parser.end()).toEqual(JSON.parse(other));
      expect(run.parser.emittedStepsConfirmed).toBe(false);
    });

    it('an unfenced object without steps, then a fenced plan', () => {
      const text = `Input: {"city": "Boston"}\n\`\`\`json\n${json}\n\`\`\``;
      const run = feed(units(text));
      expect(run.steps).toEqual(plan.steps);
      expect(run.parser.end()).toEqual(plan);
      expect(run.parser.emittedStepsConfirmed).toBe(true);
    });

    it('a plan whose fence never closes', () => {
      const text = `\`\`\`json\n${json}\n`;
      const run = feed(units(text));
      expect(run.steps).toEqual(plan.steps);
      expect(run.parser.end()).toEqual(plan);
      expect(run.parser.emittedStepsConfirmed).toBe(true);
    });

    it('blanks that JSON does not allow, but trim() removes, around the object', () => {
      const text = `\ufeff\u00a0${json}\u2028`;
      const run = feed(units(text));
      expect(run.steps).toEqual(plan.steps);
      expect(run.parser.end()).toEqual(plan);
      expect(run.parser.emittedStepsConfirmed).toBe(true);
    });
  });

  it('hands steps a throwing onStep missed to the next write()', () => {
    const seen: number[] = [];
    const parser = createPlanStreamParser({
      onStep: (_step, index) => {
        seen.push(index);
        if (index === 0) throw new Error('boom');
      },
    });
    expect(() => parser.write('{"steps": [1, 2, 3')).toThrow('boom');
    expect(parser.stepsEmitted).toBe(1);
    parser.write(']}');
    expect(seen).toEqual([0, 1, 2]);
    expect(parser.end()).toEqual({ steps: [1, 2, 3] });
  });

  it('refuses write() after end(), and end() repeats its outcome', () => {
    const parser = createPlanStreamParser();
    parser.write('{"steps": []}');
    const value = parser.end();
    expect(parser.end()).toBe(value);
    expect(() => parser.write('x')).toThrow('after end()');
    const failing = createPlanStreamParser();
    failing.write('{');
    const error = endError(failing);
    expect(() => failing.end()).toThrow(error);
  });

  describe('steps written as call strings (the wire form)', () => {
    it('emits each as its canonical step when its string closes; end() returns the text as written', () => {
      const steps = ["w=get_weather(city=$item) for ['Oslo','Rome']", 'c=compare(results=$w)'];
      const text = JSON.stringify({ steps, answer: null });
      const run = feed(units(text));
      expect(run.steps).toEqual([
        { id: 'w', tool: 'get_weather', args: { city: '$item' }, forEach: ['Oslo', 'Rome'] },
        { id: 'c', tool: 'compare', args: { results: '$w' } },
      ]);
      // Emitted while the text still streamed: the first right after its closing quote.
      expect(run.offsets[0]).toBe(
        text.indexOf(steps[0] as string) + (steps[0] as string).length + 1,
      );
      expect(run.parser.end()).toEqual({ steps, answer: null });
      expect(run.parser.emittedStepsConfirmed).toBe(true);
    });

    it('hands over a string that is no step as it is, as a malformed object step is', () => {
      const text =
        '{"steps": ["w=get_weather(city=Oslo)", {"id": "x"}, "c=compare()"], "answer": null}';
      const run = feed(cut(text, [5, 17, 30]));
      expect(run.steps).toEqual([
        'w=get_weather(city=Oslo)',
        { id: 'x' },
        { id: 'c', tool: 'compare', args: {} },
      ]);
      expect(run.parser.end()).toEqual(JSON.parse(text));
      expect(run.parser.emittedStepsConfirmed).toBe(true);
    });

    it('property: canonical steps written as call strings stream back as themselves', () => {
      const step = fc.record(
        {
          id: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,5}$/),
          tool: fc.constantFrom('get_weather', 'spotify.play', 'mcp:read-file'),
          args: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), {
            maxKeys: 4,
          }),
          forEach: fc.oneof(fc.constant('$a.items'), fc.array(fc.jsonValue({ maxDepth: 1 }))),
        },
        { requiredKeys: ['id', 'tool', 'args'] },
      );
      fc.assert(
        fc.property(fc.array(step, { maxLength: 6 }), whitespace, cuts, (steps, spaces, points) => {
          const envelope = { steps: steps.map((each) => formatStepCall(each)), answer: null };
          const text = serialize(envelope, spaces, []);
          const run = feed(cut(text, points));
          expect(run.steps).toStrictEqual(JSON.parse(JSON.stringify(steps)));
          expect(run.parser.end()).toStrictEqual(envelope);
          expect(run.parser.emittedStepsConfirmed).toBe(true);
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('property: random plans, whitespace and chunkings', () => {
    it('emits JSON.parse(text).steps in order, and end() equals JSON.parse(text)', () => {
      fc.assert(
        fc.property(planArbitrary, whitespace, escapes, cuts, (plan, spaces, escape, points) => {
          const text = serialize(plan, spaces, escape);
          const expected = JSON.parse(text) as { steps: unknown[] };
          const run = feed(cut(text, points));
          expect(run.steps).toStrictEqual(expected.steps.map(asEmitted));
          expect(run.indices).toEqual(expected.steps.map((_, index) => index));
          expect(run.parser.end()).toStrictEqual(expected);
          expect(run.parser.emittedStepsConfirmed).toBe(true);
        }),
        { numRuns: 400 },
      );
    });

    it('the same behind leading prose and a ```json fence', () => {
      fc.assert(
        fc.property(
          // Three backticks inside a string end the fence, as in parsePlanText (documented on
          // the parser): such a plan is not "the same" behind a fence. Found by this property
          // (seed 668155122): a plan with "```" in an argument.
          planArbitrary.filter((plan) => !JSON.stringify(plan).includes('```')),
          whitespace,
          cuts,
          prose,
          prose,
          fc.constantFrom('```json\n', '```\n', '```JSON \r\n'),
          (plan, spaces, points, before, after, opener) => {
            const json = serialize(plan, spaces, []);
            const text = `${before}${opener}${json}\n\`\`\`${after}{"not": "this"}`;
            const expected = JSON.parse(json) as { steps: unknown[] };
            const run = feed(cut(text, points));
            expect(run.steps).toStrictEqual(expected.steps.map(asEmitted));
            expect(run.parser.end()).toStrictEqual(expected);
            expect(run.parser.emittedStepsConfirmed).toBe(true);
          },
        ),
        { numRuns: 300 },
      );
    });

    it('the same behind leading prose without a fence', () => {
      fc.assert(
        fc.property(planArbitrary, cuts, prose, prose, (plan, points, before, after) => {
          const json = JSON.stringify(plan);
          const text = `${before}${json}${after}`;
          const run = feed(cut(text, points));
          expect(run.steps).toStrictEqual(
            (JSON.parse(json) as { steps: unknown[] }).steps.map(asEmitted),
          );
          expect(run.parser.end()).toStrictEqual(JSON.parse(json));
          expect(run.parser.emittedStepsConfirmed).toBe(true);
        }),
        { numRuns: 200 },
      );
    });

    it('on any mix of prose, fences and objects: end() is parsePlanText, and confirmed steps are its steps', () => {
      const piece = fc.constantFrom(
        'Sure! ',
        'x',
        '\n',
        ' ',
        '{',
        '}',
        '`',
        '```',
        '```json\n',
        '```\n',
        '{"steps": [{"id": "a"}, {"id": "b"}]}',
        '{"steps": [{"id": "c"}], "answer": "```"}',
        '{"steps": [{"id": "d"},',
        '{"city": "Boston"}',
        '{"parallel_groups": []}',
      );
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 10 }), cuts, (pieces, points) => {
          const text = pieces.join('');
          const run = feed(cut(text, points));
          const outcome = endedOrError(run.parser);
          expect(outcome).toEqual(parsedOrError(text));
          if (run.parser.emittedStepsConfirmed === true && run.steps.length > 0) {
            expect('value' in outcome).toBe(true);
            const { steps } = (outcome as { value: { steps: unknown[] } }).value;
            expect(steps.slice(0, run.steps.length).map(asEmitted)).toEqual(run.steps);
          }
        }),
        { numRuns: 2000 },
      );
    });
  });
});
