import { describe, expect, it } from 'vitest';
import { parseChatRequest } from './chat-request.js';
import { classifyRequest } from './classify-request.js';
import { PLAN_REQUEST_MARKER, PLAN_SCHEMA_NAME } from './request-markers.js';
import { weatherTools } from './simulator.test-utils.js';

const classify = (body: Record<string, unknown>) =>
  classifyRequest(
    parseChatRequest({ model: 'm', messages: [{ role: 'user', content: 'q' }], ...body }),
  );

describe('classifyRequest', () => {
  it('is a tool-loop turn when tools are offered', () => {
    expect(classify({ tools: weatherTools })).toBe('tool-loop');
  });

  it('is a join request without tools, or with tool_choice "none"', () => {
    expect(classify({})).toBe('join');
    expect(classify({ tools: [] })).toBe('join');
    expect(classify({ tools: weatherTools, tool_choice: 'none' })).toBe('join');
  });

  it('is a planning request with the marker in system, developer or user text, tools or not', () => {
    for (const role of ['system', 'developer', 'user']) {
      expect(
        classify({
          tools: weatherTools,
          messages: [
            { role, content: `Plan. ${PLAN_REQUEST_MARKER}` },
            { role: 'user', content: 'q' },
          ],
        }),
      ).toBe('plan');
    }
  });

  it('ignores the marker in an assistant or tool message', () => {
    expect(
      classify({
        messages: [
          { role: 'user', content: 'q' },
          { role: 'assistant', content: PLAN_REQUEST_MARKER },
        ],
      }),
    ).toBe('join');
  });

  it('is a planning request when the json_schema is named toolplan_plan', () => {
    expect(
      classify({
        response_format: {
          type: 'json_schema',
          json_schema: { name: PLAN_SCHEMA_NAME, schema: {} },
        },
      }),
    ).toBe('plan');
    expect(
      classify({
        response_format: { type: 'json_schema', json_schema: { name: 'other', schema: {} } },
      }),
    ).toBe('join');
  });
});
