import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRulePredictor } from '../runtime/index.js';
import { createToolRegistry, defineTool } from '../tools/index.js';
import { runPlanned } from './run-planned.js';
import { scriptedModel } from './scripted-model.test-utils.js';

interface Call {
  q: string;
  stepId: string;
  signal: AbortSignal;
}

/** A search that takes 30 ms of real time: long enough for the plan to arrive meanwhile. */
function tools(calls: Call[]) {
  return createToolRegistry([
    defineTool({
      name: 'search',
      description: 'Search',
      inputSchema: z.object({ q: z.string() }),
      readOnly: true,
      execute: async ({ q }, { stepId, signal }) => {
        calls.push({ q, stepId, signal });
        await new Promise((resolve) => setTimeout(resolve, 30));
        return { hits: [q] };
      },
    }),
    defineTool({
      name: 'notify',
      description: 'Sends a notification (side effect)',
      inputSchema: z.object({ text: z.string() }),
      execute: ({ text }) => {
        calls.push({ q: text, stepId: 'notify', signal: new AbortController().signal });
        return { sent: true };
      },
    }),
  ]);
}

const PLAN =
  '{"steps":[{"id":"s","tool":"search","args":{"q":"flights to Lisbon"}}],"answer":"found ${s.hits[0]}"}';

describe('runPlanned with predictors', () => {
  it('starts guessed calls before the plan, joins the right one and cancels the wrong one', async () => {
    const calls: Call[] = [];
    const run = await runPlanned({
      model: scriptedModel([PLAN]),
      tools: tools(calls),
      query: 'Find flights to Lisbon',
      predictors: [
        createRulePredictor({
          rules: [
            {
              when: /to (\w+)/,
              propose: ({ match }) => [
                { tool: 'search', args: { q: `flights to ${match?.[1]}` }, confidence: 0.9 },
                { tool: 'search', args: { q: `hotels in ${match?.[1]}` }, confidence: 0.6 },
                // Never run: `notify` has side effects.
                { tool: 'notify', args: { text: 'hi' }, confidence: 1 },
              ],
            },
          ],
        }),
      ],
    });
    expect(run.answer).toBe('found flights to Lisbon');
    expect(calls.map((call) => `${call.stepId}:${call.q}`)).toEqual([
      'speculation:flights to Lisbon',
      'speculation:hotels in Lisbon',
    ]);
    expect(calls[1]?.signal.aborted).toBe(true);
    expect(run.steps[0]).toMatchObject({ id: 's', speculated: true, attempts: 0 });
    expect(run.speculation).toMatchObject({
      proposals: 3,
      refused: 1,
      started: 2,
      hits: 1,
      joins: 1,
      wasted: 1,
      cancelled: 1,
    });
  });

  it('speculates nothing without predictors, and validates the budget eagerly', async () => {
    const calls: Call[] = [];
    const run = await runPlanned({ model: scriptedModel([PLAN]), tools: tools(calls), query: 'q' });
    expect(run.speculation).toBeUndefined();
    await expect(
      runPlanned({
        model: scriptedModel([PLAN]),
        tools: tools(calls),
        query: 'q',
        predictors: [createRulePredictor({ rules: [] })],
        speculation: { maxCalls: -1 },
      }),
    ).rejects.toThrow('Expected `maxCalls` to be an integer ≥ 0, got `-1`');
  });
});
