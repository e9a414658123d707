import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonObjectScanner } from './json-object-scanner.js';

interface ScanResult {
  status: string;
  endAt: number;
  errorAt: number;
  /** Index in the text where the last scan stopped. */
  stoppedAt: number;
  steps: Array<{ text: string; index: number; start: number; end: number }>;
  duplicateSteps: boolean;
}

/** Scans `text` cut at `cuts` (indices, any order, out-of-range ones clamped). */
function scan(text: string, cuts: readonly number[] = []): ScanResult {
  const steps: ScanResult['steps'] = [];
  const scanner = new JsonObjectScanner((stepText, index, start, end) =>
    steps.push({ text: stepText, index, start, end }),
  );
  const points = [...new Set(cuts.map((cut) => Math.min(text.length, Math.max(0, cut))))].sort(
    (left, right) => left - right,
  );
  let stoppedAt = text.length;
  let from = 0;
  for (const to of [...points, text.length]) {
    if (to <= from) continue;
    const chunk = text.slice(from, to);
    const reached = scanner.scan(chunk, 0, chunk.length, from);
    if (scanner.status !== 'open') {
      stoppedAt = from + reached;
      break;
    }
    from = to;
  }
  return {
    status: scanner.status,
    endAt: scanner.endAt,
    errorAt: scanner.errorAt,
    stoppedAt,
    steps,
    duplicateSteps: scanner.duplicateSteps,
  };
}

function jsonParses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** What the scanner says of the whole text, in JSON.parse's terms: valid JSON or not. */
function scannerAccepts(text: string, cuts: readonly number[] = []): boolean {
  const result = scan(text, cuts);
  return result.status === 'closed' && /^[ \t\r\n]*$/.test(text.slice(result.endAt + 1));
}

describe('JsonObjectScanner', () => {
  it('reads an object and stops just after its closing brace', () => {
    const text = '{"a": [1, {"b": "}"}], "c": null}  trailing';
    const result = scan(text);
    expect(result.status).toBe('closed');
    expect(result.endAt).toBe(text.indexOf('}  trailing'));
    expect(result.stoppedAt).toBe(result.endAt + 1);
  });

  it('reports each element of the top-level "steps" array with its text and offsets', () => {
    const text = '{"answer": "x", "steps": [ {"id": "a"} , 12.5e1,"s", true ,[1, [2]] ], "z": 1}';
    const { steps } = scan(text);
    expect(steps.map((step) => step.text)).toEqual([
      '{"id": "a"}',
      '12.5e1',
      '"s"',
      'true',
      '[1, [2]]',
    ]);
    expect(steps.map((step) => step.index)).toEqual([0, 1, 2, 3, 4]);
    for (const step of steps) expect(text.slice(step.start, step.end + 1)).toBe(step.text);
  });

  it('reports the same steps however the text is cut', () => {
    const text =
      '{"steps": [{"id": "a", "args": {"q": "\\u00e9\\n"}}, -0.5E+3, null, "\\uD83D\\uDE00"]}';
    const whole = scan(text).steps;
    for (let cut = 0; cut <= text.length; cut += 1) {
      expect(scan(text, [cut]).steps).toEqual(whole);
    }
    expect(scan(text, [...Array(text.length).keys()]).steps).toEqual(whole);
  });

  it('ignores "steps" keys nested deeper and arrays under other keys', () => {
    const text =
      '{"parallel_groups": [{"group": 1, "calls": [{"steps": [1]}]}], "args": {"steps": [2]}}';
    expect(scan(text).steps).toEqual([]);
  });

  it('compares top-level keys after unescaping them', () => {
    expect(scan('{"st\\u0065ps": [1, 2]}').steps.map((step) => step.text)).toEqual(['1', '2']);
    expect(scan('{"steps ": [1], "Steps": [2]}').steps).toEqual([]);
  });

  it('flags a second top-level "steps" key and reports only the first array', () => {
    const result = scan('{"steps": [1], "steps": [2]}');
    expect(result.duplicateSteps).toBe(true);
    expect(result.steps.map((step) => step.text)).toEqual(['1']);
    expect(scan('{"steps": [1], "a": {"steps": [2]}}').duplicateSteps).toBe(false);
  });

  it('reports nothing when "steps" is not an array', () => {
    expect(scan('{"steps": {"a": [1]}}').steps).toEqual([]);
    expect(scan('{"steps": "[1]"}').steps).toEqual([]);
  });

  it('points errorAt at the offending character', () => {
    const text = '{"steps": [1, 2,]}';
    const result = scan(text);
    expect(result.status).toBe('invalid');
    expect(result.errorAt).toBe(text.indexOf(']'));
    expect(result.steps.map((step) => step.text)).toEqual(['1', '2']);
  });

  it('rejects what JSON.parse rejects', () => {
    const rejects = [
      '{"a": 01}',
      '{"a": -}',
      '{"a": 1.}',
      '{"a": .5}',
      '{"a": 1e}',
      '{"a": 1e+}',
      '{"a": +1}',
      '{"a": 0x10}',
      '{"a": NaN}',
      '{"a": Infinity}',
      "{'a': 1}",
      '{"a": \'b\'}',
      '{"a": "b\tc"}',
      '{"a": "b\nc"}',
      '{"a": "b\u0000"}',
      '{"a": "\\x41"}',
      '{"a": "\\u12"}',
      '{"a": "\\u12G4"}',
      '{"a": "\\a"}',
      '{"a" 1}',
      '{"a": 1 "b": 2}',
      '{"a": [1 2]}',
      '{"a": [1,]}',
      '{"a": 1,}',
      '{,}',
      '{"a"}',
      '{1: 2}',
      '{"a": tru}',
      '{"a": True}',
      '{"a": nulll}',
      '{"a": [1]]}',
      '{"a": {"b": 1]}',
      '{"a": [1}',
      '{"a": /* c */ 1}',
      '{"a": 1 // c\n}',
      '{"a":\u00a01}',
      '{"a":\f1}',
      '{"a": "unterminated}',
      '{"a": [1] 2}',
      '{"a": "b" "c"}',
    ];
    for (const text of rejects) {
      expect(jsonParses(text), text).toBe(false);
      expect(scannerAccepts(text), text).toBe(false);
    }
  });

  it('accepts what JSON.parse accepts', () => {
    const nested = `${'['.repeat(2000)}${']'.repeat(2000)}`;
    const accepts = [
      '{}',
      '{} \r\n',
      '{"":""}',
      '{"a":[],"b":{},"c":[[]],"d":[{}]}',
      '{"n":[0,-0,1,-1,0.5,-0.5e-3,1E+2,1e999,123456789012345678901234567890,1.0e0]}',
      '{"s":["","\\"","\\\\\\/\\b\\f\\n\\r\\t","\\u0041\\u00E9\\u00e9","\\uD83D\\uDE00","\\uDEAD","😀 東京","\u2028\u2029\u007f"]}',
      '{"l":[true,false,null]}',
      `{"deep":${nested}}`,
      '{\t"a"\r:\n[ 1 ,\t{ "b" : [ ] } ]\r\n}',
      '{"a":1,"a":2}',
      '{"__proto__":{"x":1}}',
    ];
    for (const text of accepts) {
      expect(jsonParses(text), text).toBe(true);
      expect(scannerAccepts(text), text).toBe(true);
    }
  });

  it('agrees with JSON.parse on any JSON object, cut anywhere', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.array(fc.nat(), { maxLength: 20 }),
        (value, cuts) => {
          const text = JSON.stringify(value);
          expect(scannerAccepts(text, cuts)).toBe(true);
        },
      ),
    );
  });

  it('agrees with JSON.parse on mutated JSON, cut anywhere', () => {
    const alphabet = [...'{}[],:"\\/ \t\n\r0123456789-+.eEtrufalsn\u0000\u001f\u00a0x\'`'];
    const mutation = fc.record({
      at: fc.nat(),
      kind: fc.constantFrom('insert', 'delete', 'replace'),
      char: fc.constantFrom(...alphabet),
    });
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 3 }), {
          minKeys: 1,
        }),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (value, mutations, cuts) => {
          let text = JSON.stringify(value);
          for (const { at, kind, char } of mutations) {
            const index = at % (text.length + 1);
            if (kind === 'insert') text = text.slice(0, index) + char + text.slice(index);
            else if (kind === 'delete') text = text.slice(0, index) + text.slice(index + 1);
            else text = text.slice(0, index) + char + text.slice(index + 1);
          }
          fc.pre(text.startsWith('{'));
          expect(scannerAccepts(text, cuts)).toBe(jsonParses(text));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
