import { describe, expect, it } from 'vitest';
import {
  countTokens,
  createToolIndex,
  createToolRegistry,
  renderPlannerPrompt,
  renderSelectedPlannerPrompt,
  validatePlan,
  type Plan,
} from 'toolplan/internal';
import { compileScriptBook, gpt4oProfile } from '@toolplan/simulator';
import { runBench } from '../run-bench.js';
import { optimizedStrategy, planStrategy } from '../strategies/index.js';
import { uniqueScripts } from '../unique-scripts.js';
import { bfclScenario } from './bfcl-scenario.js';
import { BIG_CATALOG_QUERY_END, bigCatalogScenario } from './big-catalog-scenario.js';
import { TEST_CONTEXT } from './scenario-checks.test-utils.js';

const opened = await bigCatalogScenario.open(TEST_CONTEXT);
const bfcl = await bfclScenario.open(TEST_CONTEXT);
const registry = createToolRegistry(opened.toolsFor(opened.cases[0] as never));

describe('the big-catalog scenario', () => {
  it("plans bfcl's 397 cases against one catalog of BFCL's 579 names as 628 tools", () => {
    expect(bigCatalogScenario.name).toBe('big-catalog');
    expect(opened.cases.map(({ id }) => id)).toEqual(bfcl.cases.map(({ id }) => id));
    expect(opened.excluded.map(({ id }) => id)).toEqual(bfcl.excluded.map(({ id }) => id));
    expect(opened.catalog).toEqual({ tools: 628, names: 579, tokens: 43_940 });
    const [first] = opened.cases;
    for (const benchCase of opened.cases)
      expect(opened.toolsFor(benchCase)).toBe(opened.toolsFor(first as never));
  });

  it("makes bfcl's calls, under the catalog's name of each case's own variant", () => {
    const renamed = opened.cases.filter((benchCase, index) => {
      const own = bfcl.cases[index];
      expect(benchCase.query).toBe(`${own?.query ?? ''}${BIG_CATALOG_QUERY_END}`);
      expect(benchCase.expectedCalls?.map((call) => call.args)).toEqual(
        own?.expectedCalls?.map((call) => call.args),
      );
      for (const call of benchCase.expectedCalls ?? [])
        expect(registry.checkArguments(call.tool, call.args)).toEqual([]);
      // The scripted plan is valid against the catalog, and calls the same tools.
      const plan = validatePlan(benchCase.script.plan as unknown as Plan, { tools: registry });
      expect(plan.plan.steps.every((step) => registry.has(step.tool))).toBe(true);
      return benchCase.expectedCalls?.some(
        (call, at) => call.tool !== own?.expectedCalls?.[at]?.tool,
      );
    });
    // Cases whose functions have another schema elsewhere in BFCL use a `_vN` tool.
    expect(renamed.length).toBeGreaterThan(0);
    for (const benchCase of renamed)
      expect(benchCase.expectedCalls?.some((call) => /_v\d+$/.test(call.tool))).toBe(true);
  });

  it("compiles into one script book with bfcl's, though some of its queries are scripted differently", () => {
    const book = compileScriptBook({
      scenarios: uniqueScripts([...bfcl.cases, ...opened.cases].map(({ script }) => script)),
    });
    expect(book.scenarios).toHaveLength(2 * opened.cases.length);
  });

  it('sends the selecting planners every gold function of at least 99% of the cases, in under a tenth of the catalog', () => {
    const plan = opened.toolSelection('plan');
    const all = opened.toolSelection('plan-all-tools');
    expect(plan.cases).toBe(397);
    expect(plan.toolRecall).toBeGreaterThanOrEqual(0.99);
    expect(opened.toolSelection('optimized')).toEqual(plan);
    expect(all.toolRecall).toBe(1);
    expect(plan.promptTokens).toBeLessThan(all.promptTokens / 10);
    // The prompts counted whole: each case's system prompt and query.
    const index = createToolIndex(registry);
    const whole = opened.cases.reduce(
      (sum, { id, query }) =>
        sum +
        countTokens(
          renderSelectedPlannerPrompt(
            (opened.selected.get(id) ?? []).map((name) => index.signature(name)),
          ),
        ) +
        countTokens(query),
      0,
    );
    expect(plan.promptTokens).toBeCloseTo(whole / opened.cases.length, 6);
    const everyTool = countTokens(renderPlannerPrompt(registry));
    const meanQuery =
      opened.cases.reduce((sum, { query }) => sum + countTokens(query), 0) / opened.cases.length;
    expect(all.promptTokens).toBeCloseTo(everyTool + meanQuery, 6);
    const missed = opened.cases
      .filter((benchCase) =>
        (benchCase.expectedCalls ?? []).some(
          (call) => !opened.selected.get(benchCase.id)?.includes(call.tool),
        ),
      )
      .map(({ id }) => id);
    expect(missed).toEqual(['parallel_34', 'parallel_multiple_92', 'parallel_multiple_135']);
  });

  it('runs plan, optimized and plan-all-tools only, plan-all-tools only beside plan', () => {
    const picked = [planStrategy, optimizedStrategy];
    expect(bigCatalogScenario.strategies(picked).map(({ name }) => name)).toEqual([
      'plan',
      'optimized',
      'plan-all-tools',
    ]);
    expect(bigCatalogScenario.strategies([optimizedStrategy]).map(({ name }) => name)).toEqual([
      'optimized',
    ]);
  });

  it(
    'over the simulated provider: every answer right, the missed tool asked for in one extra round, a tenth of the prompt',
    { timeout: 60_000 },
    async () => {
      const ids = ['parallel_34', 'parallel_1', 'parallel_multiple_4', 'parallel_multiple_176'];
      const report = await runBench({
        scenarios: [
          {
            ...bigCatalogScenario,
            async open(context) {
              const all = await bigCatalogScenario.open(context);
              return { ...all, cases: all.cases.filter(({ id }) => ids.includes(id)) };
            },
          },
        ],
        strategies: [planStrategy, optimizedStrategy],
        profile: gpt4oProfile,
        speed: 200,
        minRuns: 1,
      });
      const rows = report.scenarios['big-catalog'] ?? {};
      expect(Object.keys(rows)).toEqual(['plan', 'optimized', 'plan-all-tools']);
      for (const figures of Object.values(rows)) {
        expect(figures.failures).toBeUndefined();
        expect(figures.correctRuns).toBe(ids.length);
      }
      const plan = rows['plan'];
      const all = rows['plan-all-tools'];
      expect(plan?.toolSelection).toMatchObject({ extraRounds: 1, cases: 397, runs: 4 });
      expect(plan?.toolRecall).toBe(opened.toolSelection('plan').toolRecall);
      expect(plan?.toolSelection?.toolRecallRuns).toBe(0.75);
      expect(rows['optimized']?.toolSelection?.extraRounds).toBe(1);
      expect(all?.toolSelection).toMatchObject({
        extraRounds: 0,
        toolsSent: 628,
        toolRecallRuns: 1,
      });
      expect(all?.toolRecall).toBe(1);
      expect(plan?.promptTokens).toBe(opened.toolSelection('plan').promptTokens);
      const runs = (row: typeof plan) => row?.toolSelection?.promptTokensRuns ?? 0;
      expect(runs(plan)).toBeLessThan(runs(all) / 10);
      expect(runs(all)).toBeGreaterThan(40_000);
    },
  );
});
