import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PromptBudgetError } from '../context/index.js';
import { createToolRegistry, defineTool } from '../tools/index.js';
import { createPlanner } from './create-planner.js';
import { runPlanned } from './run-planned.js';
import { scriptedModel } from './scripted-model.test-utils.js';

/** A search tool that declares no projection: its results reach prompts through the compressor. */
function searchTools() {
  return createToolRegistry([
    defineTool({
      name: 'search',
      description: 'Web search.',
      inputSchema: z.object({ q: z.string() }),
      readOnly: true,
      execute: ({ q }) => ({
        q,
        hits: Array.from({ length: 60 }, (_, index) => ({
          title: `${q} result ${index}`,
          snippet: `About ${q}: ${'lorem ipsum '.repeat(40)}`,
        })),
      }),
    }),
  ]);
}

const promptText = (prompt: unknown) => JSON.stringify(prompt);

describe('prompt budgets', () => {
  it('compresses a result without projection before the joiner sees it, and says so', async () => {
    const model = scriptedModel([
      '{"steps":[{"id":"s","tool":"search","args":{"q":"cats"}}],"needsReasoning":true}',
      'Cats are popular.',
    ]);
    const run = await runPlanned({ model, tools: searchTools(), query: 'Are cats popular?' });
    const join = promptText(model.doStreamCalls[1]?.prompt);
    expect(join).toMatch(/…\(\+\d+ more items\)/);
    expect(join).toMatch(/…\(cut [\d,]+ characters\)/);
    expect(run.promptReports.map((report) => report.purpose)).toEqual(['plan', 'answer']);
    const answer = run.promptReports[1];
    expect(answer?.cut).toContainEqual(
      expect.objectContaining({ id: 's', path: 'hits', kind: 'array' }),
    );
    expect(answer?.tokens).toBeLessThanOrEqual(answer?.budget ?? 0);
    // The full result stays with the run.
    expect((run.results['s'] as { hits: unknown[] }).hits).toHaveLength(60);
  });

  it('cuts results further to keep the joiner prompt under maxPromptTokens', async () => {
    const model = scriptedModel([
      '{"steps":[{"id":"a","tool":"search","args":{"q":"cats"}},{"id":"b","tool":"search","args":{"q":"dogs"}}],"needsReasoning":true}',
      'Both.',
    ]);
    const run = await runPlanned({
      model,
      tools: searchTools(),
      query: 'Cats or dogs?',
      maxPromptTokens: 700,
    });
    for (const report of run.promptReports) expect(report.tokens).toBeLessThanOrEqual(700);
    const answer = run.promptReports.find((report) => report.purpose === 'answer');
    expect(answer?.budget).toBe(700);
    expect(new Set(answer?.cut.map((cut) => cut.id))).toEqual(new Set(['a', 'b']));
  });

  it('reports the replan prompt with the finished results cut to fit', async () => {
    let failOnce = true;
    const tools = createToolRegistry([
      ...searchTools().list(),
      defineTool({
        name: 'flaky',
        description: 'Fails once.',
        inputSchema: z.object({}),
        readOnly: true,
        execute: () => {
          if (failOnce) {
            failOnce = false;
            throw new Error('down');
          }
          return { ok: true };
        },
      }),
    ]);
    const model = scriptedModel([
      '{"steps":[{"id":"s","tool":"search","args":{"q":"cats"}},{"id":"f","tool":"flaky","args":{}}],"answer":"${f.ok}"}',
      '{"steps":[{"id":"g","tool":"flaky","args":{}}],"answer":"${g.ok}"}',
    ]);
    const run = await runPlanned({ model, tools, query: 'Cats?', maxPromptTokens: 800 });
    expect(run.answer).toBe('true');
    const replan = run.promptReports[1];
    expect(replan?.purpose).toBe('replan');
    expect(replan?.tokens).toBeLessThanOrEqual(800);
    expect(replan?.cut.some((cut) => cut.id === 's')).toBe(true);
    expect(promptText(model.doStreamCalls[1]?.prompt)).toContain('down');
  });

  it('is a typed error, at creation, when the planner’s stable prompt alone is over budget', () => {
    expect(() =>
      createPlanner({ model: scriptedModel([]), tools: searchTools(), maxPromptTokens: 50 }),
    ).toThrow(PromptBudgetError);
    expect(() =>
      createPlanner({ model: scriptedModel([]), tools: searchTools(), maxPromptTokens: 0 }),
    ).toThrow(/maxPromptTokens/);
  });
});
