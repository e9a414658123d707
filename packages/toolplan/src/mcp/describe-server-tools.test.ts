import { describe, expect, it } from 'vitest';
import { createToolRegistry } from '../tools/index.js';
import { describeAsk, describeRunPlan } from './describe-server-tools.js';

const tools = createToolRegistry([
  {
    name: 'get_weather',
    description: 'Current weather for a city.',
    inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    execute: () => null,
  },
]);

describe('describeRunPlan', () => {
  it('teaches the plan format and lists the tools as signatures', () => {
    const text = describeRunPlan({ tools, trustPlans: false });
    expect(text).toContain(
      '{"steps": [{"id": "a", "tool": "name", "args": {…}}, …], "answer": "…"}',
    );
    expect(text).toContain('"$a"');
    expect(text).toContain('"forEach"');
    expect(text).toMatch(/Tools:\nget_weather\(city: string\) — Current weather for a city\.$/);
  });

  it('says what happens to side effects, which depends on trusting plans', () => {
    expect(describeRunPlan({ tools, trustPlans: false })).toContain('The plan is untrusted input');
    expect(describeRunPlan({ tools, trustPlans: true })).not.toContain('untrusted input');
    expect(describeRunPlan({ tools, trustPlans: true })).toContain("the plan's own values");
  });
});

describe('describeAsk', () => {
  it('names the tools the agent may use', () => {
    expect(describeAsk({ tools })).toMatch(/Tools it may use: get_weather\.$/);
  });
});
