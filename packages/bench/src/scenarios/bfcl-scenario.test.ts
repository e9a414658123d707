import { executeScriptedPlan } from './scenario-checks.test-utils.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'safe-stable-stringify';
import { afterEach, describe, expect, it } from 'vitest';
import {
  compileValue,
  resolveValue,
  validatePlan,
  type Plan,
  type ResolutionScope,
} from 'toolplan/internal';
import { compileScriptBook } from '@toolplan/simulator';
import {
  createToolRegistry,
  type Tool,
  type ToolExecutionContext,
  type ToolRegistry,
} from 'toolplan/internal';
import type { BenchCase } from './bench-scenario.js';
import { bfclDataDirectory } from './bfcl-data.js';
import {
  BFCL_DIR_VARIABLE,
  BFCL_EXCLUDED,
  BFCL_TOOL_LATENCY,
  BfclDataError,
  bfclResult,
  bfclScenario,
} from './bfcl-scenario.js';

type Call = { tool: string; args: unknown };

const opened = await bfclScenario.open({ speed: 1000, seed: 1 });
const { cases } = opened;

const EXCLUDED_IDS = ['parallel_158', 'parallel_multiple_21', 'parallel_multiple_94'];

/** Calls as a sorted list of canonical strings: equal lists are equal multisets. */
function multiset(calls: readonly Call[]): string[] {
  return calls.map((call) => stringify({ tool: call.tool, args: call.args }) ?? '').sort();
}

function registryFor(benchCase: BenchCase): ToolRegistry {
  return createToolRegistry(opened.toolsFor(benchCase));
}

function planOf(benchCase: BenchCase): Plan {
  return benchCase.script.plan as unknown as Plan;
}

const noResults: ResolutionScope = { results: new Map() };

/** The calls a plan makes, read statically: its literal `forEach` arrays expanded. */
function plannedCalls(plan: Plan): Call[] {
  return plan.steps.flatMap((step) => {
    const args = compileValue(step.args).value;
    if (step.forEach === undefined)
      return [{ tool: step.tool, args: resolveValue(args, noResults) }];
    const items = resolveValue(compileValue(step.forEach).value, noResults) as unknown[];
    return items.map((item, index) => ({
      tool: step.tool,
      args: resolveValue(args, { ...noResults, forEach: { item, index } }),
    }));
  });
}

/** The results a plan's steps have when every tool returns `bfclResult`. */
function planResults(plan: Plan): Map<string, unknown> {
  const results = new Map<string, unknown>();
  for (const step of plan.steps) {
    const calls = plannedCalls({ steps: [step] });
    const values = calls.map((call) => bfclResult(call.tool, call.args));
    results.set(step.id, step.forEach === undefined ? values[0] : values);
  }
  return results;
}

describe('the bfcl scenario', () => {
  it('has every BFCL case but the excluded ones, each under its BFCL id', () => {
    expect(bfclScenario.name).toBe('bfcl');
    expect(cases).toHaveLength(400 - EXCLUDED_IDS.length);
    expect(new Set(cases.map(({ id }) => id)).size).toBe(cases.length);
    expect(cases.filter(({ id }) => id.startsWith('parallel_multiple_'))).toHaveLength(198);
    for (const benchCase of cases) {
      expect(benchCase.id).toMatch(/^parallel(_multiple)?_\d+$/);
      expect(benchCase.script.query).toBe(benchCase.query);
      expect(benchCase.query).not.toBe('');
    }
  });

  it('excludes exactly the listed cases, for the listed reasons', () => {
    expect(opened.excluded.map(({ id }) => id)).toEqual(EXCLUDED_IDS);
    expect(BFCL_EXCLUDED.map(({ id }) => id)).toEqual(EXCLUDED_IDS);
    const reasons = new Map(opened.excluded.map(({ id, reason }) => [id, reason]));
    expect(reasons.get('parallel_158')).toMatch(/identical \(`random\.normalvariate`/);
    expect(reasons.get('parallel_multiple_21')).toMatch(
      /`linear_regression_fit`.*`x`.*must be array/,
    );
    expect(reasons.get('parallel_multiple_94')).toMatch(/`sort_list`.*`elements`.*must be integer/);
  });

  it('resolves the other data inconsistencies with other accepted values', () => {
    const callsOf = (id: string) => cases.find((benchCase) => benchCase.id === id)?.expectedCalls;
    // "" first for an optional argument: left out.
    expect(callsOf('parallel_152')).toEqual([
      { tool: 'math.power', args: { base: 2, exponent: 3 } },
      { tool: 'math.power', args: { base: 3, exponent: 5 } },
    ]);
    // The first spelling is outside the enum; the next accepted one is in it.
    expect(callsOf('parallel_multiple_194')?.[3]).toEqual({
      tool: 'building.get_dimensions',
      args: { building_name: 'Empire State Building', unit: 'feet' },
    });
    // Nested dicts: the first accepted value per key.
    expect(callsOf('parallel_multiple_65')?.[0]?.args['budget']).toEqual({
      min: 500000,
      max: 800000,
    });
  });

  it('compiles into one script book: unique names and queries, valid loops', () => {
    const book = compileScriptBook({ scenarios: cases.map(({ script }) => script) });
    expect(book.scenarios).toHaveLength(cases.length);
  });

  it.each(cases.map((benchCase) => [benchCase.id, benchCase] as const))(
    '%s: loop and plan make the gold calls and give the expected answer',
    (_, benchCase) => {
      const registry = registryFor(benchCase);
      const expected = benchCase.expectedCalls ?? [];
      expect(expected.length).toBeGreaterThanOrEqual(2);
      for (const call of expected)
        expect(registry.checkArguments(call.tool, call.args)).toEqual([]);

      // The loop: every call in gold order, ids c0, c1, …; its answer over the results.
      const loop = benchCase.script.loop;
      expect(loop?.calls.map(({ id }) => id)).toEqual(expected.map((_, index) => `c${index}`));
      const loopCalls = (loop?.calls ?? []).map((call) => ({
        tool: call.tool,
        args: resolveValue(compileValue(call.args).value, noResults),
      }));
      expect(loopCalls).toEqual(expected);
      const loopResults = new Map(
        expected.map((call, index) => [`c${index}`, bfclResult(call.tool, call.args)]),
      );
      expect(resolveValue(compileValue(loop?.answer).value, { results: loopResults })).toBe(
        benchCase.expectedAnswer,
      );

      // The plan: valid for the case's tools, the same calls, the same answer; joinAnswer = answer.
      const plan = planOf(benchCase);
      expect(() => validatePlan(plan, { tools: registry })).not.toThrow();
      expect(multiset(plannedCalls(plan))).toEqual(multiset(expected));
      expect(resolveValue(compileValue(plan.answer).value, { results: planResults(plan) })).toBe(
        benchCase.expectedAnswer,
      );
      expect(benchCase.script.joinAnswer).toBe(plan.answer);
    },
  );

  it('writes compact plans: forEach over literal arrays where it saves tokens', () => {
    const withForEach = cases.filter((benchCase) =>
      planOf(benchCase).steps.some((step) => step.forEach !== undefined),
    );
    expect(withForEach.length).toBeGreaterThan(100);
    const parallel1 = cases.find(({ id }) => id === 'parallel_1') as BenchCase;
    expect(parallel1.script.plan).toEqual({
      steps: [
        {
          id: 's0',
          tool: 'calculate_em_force',
          args: { b_field: 5, area: 2, d_time: '$item' },
          forEach: [4, 10],
        },
      ],
      answer: 'Done: ${s0[0].result}; ${s0[1].result}',
    });
    expect(parallel1.script.loop?.answer).toBe('Done: ${c0.result}; ${c1.result}');
  });

  it('escapes dollar signs of literal values in scripts', () => {
    const benchCase = cases.find(({ id }) => id === 'parallel_multiple_121') as BenchCase;
    expect(JSON.stringify(benchCase.script.plan)).toContain('"$$20-$$30"');
    expect(JSON.stringify(benchCase.expectedCalls)).toContain('"$20-$30"');
  });

  // A deterministic sample of about 40 cases, plus the one with dollar signs.
  const sample = cases.filter(
    (benchCase, index) => index % 10 === 0 || benchCase.id === 'parallel_multiple_121',
  );

  it.each(sample.map((benchCase) => [benchCase.id, benchCase] as const))(
    '%s: executing the plan makes the gold calls and gives the expected answer',
    async (_, benchCase) => {
      const made: Call[] = [];
      const tools = registryFor(benchCase)
        .list()
        .map((tool): Tool => ({
          ...tool,
          execute(input, context) {
            made.push({ tool: tool.name, args: input });
            return tool.execute(input, context);
          },
        }));
      const run = await executeScriptedPlan(benchCase.script.plan, tools);
      expect(run.status).toBe('ok');
      expect(run.answer).toBe(benchCase.expectedAnswer);
      expect(multiset(made)).toEqual(multiset(benchCase.expectedCalls ?? []));
    },
  );

  it('runs tools after a latency divided by the speed, honouring the abort signal', async () => {
    expect(BFCL_TOOL_LATENCY).toMatchObject({ p50Ms: 150, p95Ms: 450 });
    const slow = await bfclScenario.open({ speed: 1, seed: 1 });
    const benchCase = slow.cases[0] as BenchCase;
    const call = benchCase.expectedCalls?.[0] as Call;
    const tool = createToolRegistry(slow.toolsFor(benchCase)).get(call.tool) as Tool;
    const controller = new AbortController();
    const context = { signal: controller.signal } as ToolExecutionContext;
    const started = performance.now();
    const pending = tool.execute(call.args, context);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(50);

    const fast = createToolRegistry(opened.toolsFor(benchCase)).get(call.tool) as Tool;
    const live = { signal: new AbortController().signal } as ToolExecutionContext;
    await expect(fast.execute(call.args, live)).resolves.toEqual(bfclResult(call.tool, call.args));
    expect(bfclResult(call.tool, call.args).result).toMatch(/^[\w.]+ #[0-9a-f]{4}$/);
  });

  it('refuses a case it does not have', () => {
    expect(() =>
      opened.toolsFor({
        id: 'nope',
        query: 'q',
        script: { name: 'n', query: 'q' },
        expectedAnswer: '',
      }),
    ).toThrow(/no case `nope`/);
  });
});

describe('the bfcl data directory', () => {
  const saved = process.env[BFCL_DIR_VARIABLE];
  afterEach(() => {
    if (saved === undefined) delete process.env[BFCL_DIR_VARIABLE];
    else process.env[BFCL_DIR_VARIABLE] = saved;
  });

  it('is data/bfcl in the repository by default', () => {
    delete process.env[BFCL_DIR_VARIABLE];
    expect(bfclDataDirectory()).toMatch(/[/\\]data[/\\]bfcl[/\\]?$/);
  });

  it(`is taken from ${BFCL_DIR_VARIABLE} when set`, async () => {
    process.env[BFCL_DIR_VARIABLE] = bfclDataDirectory({});
    const again = await bfclScenario.open({ speed: 1000, seed: 1 });
    expect(again.cases.map(({ id }) => id)).toEqual(cases.map(({ id }) => id));
  });

  it('is a typed error naming the path when missing', async () => {
    const missing = join(tmpdir(), 'toolplan-no-such-bfcl-dir');
    process.env[BFCL_DIR_VARIABLE] = missing;
    const error = await Promise.resolve(bfclScenario.open({ speed: 1000, seed: 1 })).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(BfclDataError);
    expect(error).toMatchObject({ name: 'BfclDataError', path: missing });
    expect((error as Error).message).toContain(missing);
  });

  it('is a typed error naming the file when a file is missing', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'toolplan-bfcl-'));
    try {
      process.env[BFCL_DIR_VARIABLE] = empty;
      await expect(bfclScenario.open({ speed: 1000, seed: 1 })).rejects.toMatchObject({
        name: 'BfclDataError',
        path: join(empty, 'BFCL_v4_parallel.json'),
      });
    } finally {
      await rm(empty, { recursive: true });
    }
  });
});
