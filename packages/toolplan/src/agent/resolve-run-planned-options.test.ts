import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRulePredictor } from '../runtime/index.js';
import { createToolRegistry, defineTool } from '../tools/index.js';
import { AgentOptionsError } from './agent-options-error.js';
import { createAgent } from './create-agent.js';
import { createSession } from './create-session.js';
import { resolveRunPlannedOptions } from './resolve-run-planned-options.js';
import { runPlanned } from './run-planned.js';
import { scriptedModel } from './scripted-model.test-utils.js';

const tools = createToolRegistry([
  defineTool({
    name: 'search',
    description: 'Search',
    inputSchema: z.object({ q: z.string() }),
    readOnly: true,
    execute: ({ q }) => ({ hits: [q] }),
  }),
]);

/** What `fn` threw: every problem, in order. */
function problemsOf(fn: () => unknown): readonly string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof AgentOptionsError) return error.problems;
    throw error;
  }
  throw new Error('nothing was thrown');
}

describe('resolveRunPlannedOptions', () => {
  it('fills in every default', () => {
    const model = scriptedModel([]);
    const resolved = resolveRunPlannedOptions({ model, tools, query: 'cats?' });
    expect(resolved).toMatchObject({
      model,
      tools,
      query: 'cats?',
      request: 'cats?',
      maxReplans: 1,
      maxResumes: 1,
      stream: true,
      output: 'json-schema',
      maxPromptTokens: 16_000,
      limits: { maxSteps: 100, maxForEachItems: 100 },
      compress: { maxTokens: 800, maxArrayItems: 10, maxStringChars: 400 },
      execute: {},
      earlier: {},
      predictors: [],
      speculation: {},
      signal: undefined,
      onPlanStep: undefined,
      onAnswerDelta: undefined,
    });
    expect(resolved.planner()).toMatchObject({ maxCorrections: 1, maxPromptTokens: 16_000 });
  });

  it('prepares the planner’s prompt once, at its first use', () => {
    const resolved = resolveRunPlannedOptions({ model: scriptedModel([]), tools, query: 'q' });
    expect(resolved.planner()).toBe(resolved.planner());
    // A budget no request fits is not found before the planner is asked for.
    const tight = resolveRunPlannedOptions({
      model: scriptedModel([]),
      tools,
      query: 'q',
      maxPromptTokens: 10,
    });
    expect(() => tight.planner()).toThrow(expect.objectContaining({ name: 'PromptBudgetError' }));
  });

  it('names a single problem in the message, as it is', () => {
    expect(() =>
      resolveRunPlannedOptions({ model: scriptedModel([]), tools, query: 'q', maxReplans: -1 }),
    ).toThrow(
      new AgentOptionsError({
        problems: ['Expected `maxReplans` to be a non-negative integer, got `-1`'],
      }),
    );
  });

  it('gathers every problem before it throws, once', () => {
    const problems = problemsOf(() =>
      resolveRunPlannedOptions({
        model: scriptedModel([]),
        tools,
        query: 'q',
        maxReplans: -1,
        maxResumes: 0.5,
        // @ts-expect-error: checked for callers without types
        stream: 'yes',
        // @ts-expect-error: checked for callers without types
        output: 'xml',
        maxPromptTokens: 0,
        limits: { maxSteps: 0 },
        compress: { maxTokens: -1 },
        execute: { maxConcurrency: 0 },
        speculation: { maxCalls: -1 },
      }),
    );
    expect(problems).toEqual([
      'Expected `maxReplans` to be a non-negative integer, got `-1`',
      'Expected `maxResumes` to be a non-negative integer, got `0.5`',
      'Expected `stream` to be a boolean, got `yes`',
      'Expected `output` to be one of `json-schema`, `json`, `text`, got `xml`',
      'Expected `maxPromptTokens` to be a positive integer, got `0`',
      '`execute`: Expected `maxConcurrency` to be a positive integer, got `0`',
      '`speculation`: Expected `maxCalls` to be an integer ≥ 0, got `-1`',
      '`limits`: Expected `maxSteps` to be a positive integer, got `0`',
      '`compress`: Expected `maxTokens` to be an integer ≥ 1, got `-1`',
    ]);
  });

  it('makes runPlanned reject before any model call', async () => {
    const model = scriptedModel([]);
    const run = runPlanned({ model, tools, query: 'q', maxResumes: -1, maxReplans: -1 });
    await expect(run).rejects.toThrow(AgentOptionsError);
    await expect(run).rejects.toThrow(
      '2 problems with the options:\n' +
        '- Expected `maxReplans` to be a non-negative integer, got `-1`\n' +
        '- Expected `maxResumes` to be a non-negative integer, got `-1`',
    );
    expect(model.doStreamCalls).toEqual([]);
  });

  it('refuses a model of neither specification toolplan speaks, with the other problems', () => {
    const v2 = { ...scriptedModel([]), specificationVersion: 'v2' };
    expect(
      problemsOf(() =>
        // @ts-expect-error: checked for callers without types (an ai@5 provider's model)
        resolveRunPlannedOptions({ model: v2, tools, query: 'q', maxReplans: -1 }),
      ),
    ).toEqual([
      'Expected `maxReplans` to be a non-negative integer, got `-1`',
      '`model`: Expected an AI SDK language model of specification `v3` (ai@6) or `v4` (ai@7), got specification `v2`',
    ]);
  });

  it('checks speculation’s options even before a predictor is given', () => {
    expect(
      problemsOf(() =>
        resolveRunPlannedOptions({
          model: scriptedModel([]),
          tools,
          query: 'q',
          speculation: { maxConcurrent: 0 },
        }),
      ),
    ).toEqual(['`speculation`: Expected `maxConcurrent` to be a positive integer, got `0`']);
  });
});

describe('an agent’s and a session’s options', () => {
  it('createAgent gathers its own problems with runPlanned’s, at creation', () => {
    expect(
      problemsOf(() =>
        createAgent({
          model: scriptedModel([]),
          tools,
          maxReplans: -1,
          learn: { mineEvery: 0 },
          predictors: [createRulePredictor({ rules: [] })],
          speculation: { maxCalls: -1 },
        }),
      ),
    ).toEqual([
      '`learn`: Expected `mineEvery` to be a positive integer, got `0`',
      'Expected `maxReplans` to be a non-negative integer, got `-1`',
      '`speculation`: Expected `maxCalls` to be an integer ≥ 0, got `-1`',
    ]);
  });

  it('createSession gathers the summary’s problem with the rest, at creation', () => {
    expect(
      problemsOf(() =>
        createSession({
          model: scriptedModel([]),
          tools,
          maxResumes: -1,
          summary: { maxChars: 0 },
        }),
      ),
    ).toEqual([
      '`summary`: Expected `maxChars` to be an integer ≥ 1, got `0`',
      'Expected `maxResumes` to be a non-negative integer, got `-1`',
    ]);
  });

  it('an agent’s session checks its summary when it is opened', () => {
    const agent = createAgent({ model: scriptedModel([]), tools });
    expect(() => agent.session({ summary: { maxTurns: 0 } })).toThrow(
      '`summary`: Expected `maxTurns` to be an integer ≥ 1, got `0`',
    );
  });

  it('an agent’s run rejects, rather than throws, on a query that is not a string', async () => {
    const agent = createAgent({ model: scriptedModel([]), tools });
    const run = agent.run(42 as unknown as string);
    await expect(run).rejects.toThrow('Expected `query` to be a string, got `42`');
  });
});
