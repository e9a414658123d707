import { describe, expect, it } from 'vitest';
import { parsePlanText } from './parse-plan-text.js';
import { PlanParseError } from './plan-errors.js';

const plan = {
  steps: [{ id: 'bos', tool: 'get_weather', args: { city: 'Boston' } }],
  answer: 'It is ${bos.temp}',
};
const json = JSON.stringify(plan);

function parseError(text: string): PlanParseError {
  try {
    parsePlanText(text);
  } catch (error) {
    expect(error).toBeInstanceOf(PlanParseError);
    return error as PlanParseError;
  }
  throw new Error('expected a PlanParseError, but the text parsed');
}

describe('parsePlanText', () => {
  it('reads plain JSON', () => {
    expect(parsePlanText(json)).toEqual(plan);
  });

  it('reads pretty-printed JSON with surrounding whitespace', () => {
    expect(parsePlanText(`\n\n  ${JSON.stringify(plan, null, 2)}  \n`)).toEqual(plan);
  });

  it('reads a ```json fence', () => {
    expect(parsePlanText('```json\n' + JSON.stringify(plan, null, 2) + '\n```')).toEqual(plan);
  });

  it('reads a fence with prose around it and without a language', () => {
    const text = `Here is the plan:\n\n\`\`\`\n${json}\n\`\`\`\n\nIt runs both lookups at once.`;
    expect(parsePlanText(text)).toEqual(plan);
  });

  it('skips a fence that holds no object and reads the next one', () => {
    const text = `First:\n\`\`\`bash\nls -la\n\`\`\`\nThen:\n\`\`\`json\n${json}\n\`\`\``;
    expect(parsePlanText(text)).toEqual(plan);
  });

  it('reads an object between leading and trailing prose', () => {
    expect(parsePlanText(`Sure! ${json} Let me know if you need more.`)).toEqual(plan);
  });

  it('reads the plan after prose that holds braces of its own', () => {
    const wire = '{"steps":["w=get_weather(city=\'Oslo\')"],"answer":"${w.temp}"}';
    expect(parsePlanText(`I will call {get_weather} for Oslo: ${wire}`)).toEqual(JSON.parse(wire));
    expect(parsePlanText(`Using the set {a, b}:\n\n${json}\nDone {ok}.`)).toEqual(plan);
    // With no object that opens as a plan, the first object's error is the one reported.
    expect(parseError('Call {get_weather}, then {compare}.').message).toContain('not valid JSON');
  });

  it('finds the end of the object while skipping braces and quotes inside strings', () => {
    const tricky = { steps: [], answer: 'a } b { c \\" ] d' };
    const text = `Plan: ${JSON.stringify(tricky)} (the closing } above ends it)`;
    expect(parsePlanText(text)).toEqual(tricky);
  });

  it('reports a trailing comma instead of repairing it', () => {
    const text = 'Plan: {"steps": [1, 2,]} done';
    const error = parseError(text);
    expect(error.name).toBe('PlanParseError');
    expect(error.message).toMatch(/^The plan is not valid JSON \(/);
    expect(error.message).toContain('without comments or trailing commas');
    expect(error.text).toBe(text);
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it('points its position at the offending character of the original text', () => {
    const text = '  prose {"a": 1,}';
    const error = parseError(text);
    expect(error.position).toBeTypeOf('number');
    expect(text[error.position as number]).toBe('}');
  });

  it('reports invalid JSON inside a fence instead of repairing it', () => {
    const error = parseError('```json\n{"steps": [{"id": "a",}]}\n```');
    expect(error.message).toContain('not valid JSON');
  });

  it('reports single-quoted pseudo-JSON', () => {
    expect(() => parsePlanText("{'steps': []}")).toThrow(PlanParseError);
  });

  it('reports an object that never closes', () => {
    expect(parseError('{"steps": [{"id": "a"').message).toContain('not valid JSON');
  });

  it('reports a reply without any object', () => {
    const text = 'I am sorry, I cannot plan that.';
    const error = parseError(text);
    expect(error.message).toBe(
      'The reply holds no JSON object. Reply with the plan as one JSON object: {"steps": [...]}.',
    );
    expect(error.text).toBe(text);
    expect(error.position).toBeUndefined();
    expect(() => parsePlanText('')).toThrow(PlanParseError);
  });
});
