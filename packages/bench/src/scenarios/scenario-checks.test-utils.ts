import { stringify } from 'safe-stable-stringify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileValue, parsePlanText, resolveValue, validatePlan } from 'toolplan/internal';
import { executePlan, type RunResult } from 'toolplan/internal';
import { compileScriptBook } from '@toolplan/simulator';
import {
  createToolRegistry,
  type Tool,
  type ToolExecutionContext,
  type ToolRegistry,
  type ToolSource,
} from 'toolplan/internal';
import { uniqueScripts } from '../unique-scripts.js';
import type { BenchCase, BenchScenario, OpenedScenario } from './bench-scenario.js';

/** The context the tests open scenarios with: fast tools, fixed latencies. */
export const TEST_CONTEXT = { speed: 1000, seed: 1 } as const;

/** A tool call as the tool received it (after its schema parsed the arguments). */
export interface RecordedCall {
  tool: string;
  input: unknown;
}

/** A registry whose tools record every input they are called with. */
export function recordingRegistry(registry: ToolRegistry, calls: RecordedCall[]): ToolRegistry {
  return createToolRegistry(
    registry.list().map((tool): Tool => ({
      ...tool,
      execute(input, context) {
        calls.push({ tool: tool.name, input });
        return tool.execute(input, context);
      },
      // A batch's inputs are recorded one by one: the same calls, made in one request.
      ...(tool.batch === undefined
        ? {}
        : {
            batch(inputs: unknown[], context: ToolExecutionContext) {
              for (const input of inputs) calls.push({ tool: tool.name, input });
              return (tool.batch as NonNullable<Tool['batch']>)(inputs, context);
            },
          }),
    })),
  );
}

/** Calls one tool as the runtime would: arguments checked by its schema, then `execute`. */
export async function callTool(
  registry: ToolRegistry,
  name: string,
  args: unknown,
  stepId = name,
): Promise<unknown> {
  const tool = registry.get(name);
  if (tool === undefined) throw new Error(`no tool \`${name}\``);
  const checked = tool.inputSchema.validate(args);
  if (!checked.success) {
    throw new Error(`${name}: ${checked.issues.map((issue) => issue.message).join('; ')}`);
  }
  const signal = new AbortController().signal;
  const context: ToolExecutionContext = {
    signal,
    abortSignal: signal,
    runId: 'test',
    stepId,
    toolCallId: stepId,
    attempt: 1,
    idempotencyKey: `test:${stepId}`,
    messages: [],
  };
  return tool.execute(checked.value, context);
}

/** The value a model reads back from a tool message: the result as JSON, parsed. */
function overTheWire(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/**
 * Plays a case's scripted tool loop by hand: each call in script order, its arguments resolved
 * against the results read so far (JSON round-tripped, as the simulated model reads them from
 * tool messages), then the loop's answer.
 */
export async function playScriptedLoop(
  benchCase: BenchCase,
  registry: ToolRegistry,
): Promise<{ answer: string; results: Map<string, unknown> }> {
  const loop = benchCase.script.loop;
  if (loop === undefined) throw new Error(`case \`${benchCase.id}\` has no scripted loop`);
  const results = new Map<string, unknown>();
  for (const call of loop.calls) {
    const compiled = compileValue(call.args ?? {});
    expect(compiled.problems).toEqual([]);
    const args = resolveValue(compiled.value, { results, stepId: call.id });
    results.set(call.id, overTheWire(await callTool(registry, call.tool, args, call.id)));
  }
  const answer = compileValue(loop.answer);
  expect(answer.problems).toEqual([]);
  return { answer: String(resolveValue(answer.value, { results })), results };
}

/** Canonical, order-independent form of a list of calls. */
function callMultiset(calls: readonly RecordedCall[]): string[] {
  return calls.map((call) => stringify(call) ?? '').sort();
}

/**
 * The checks every hand-written scenario passes: one case whose script is for its query; the
 * script compiles; the plan validates against the case's tools; executing the plan, resolving
 * the join answer over its results, and playing the loop each give exactly the expected answer;
 * and the plan and the loop make the same tool calls.
 */
export function describeScenarioChecks(scenario: BenchScenario): void {
  describe(`${scenario.name} scenario (shared checks)`, () => {
    let opened: OpenedScenario;
    let benchCase: BenchCase;
    let registry: ToolRegistry;

    beforeAll(async () => {
      opened = await scenario.open(TEST_CONTEXT);
      expect(opened.cases).toHaveLength(1);
      benchCase = opened.cases[0] as BenchCase;
      registry = createToolRegistry(opened.toolsFor(benchCase));
    });
    afterAll(async () => {
      await opened.close();
    });

    it('has one case whose script answers its query', () => {
      expect(benchCase.id).toBe('main');
      // Unique across the bench's one script book.
      expect(benchCase.script.name).toBe(`${scenario.name}/${benchCase.id}`);
      expect(benchCase.script.query).toBe(benchCase.query);
      expect(benchCase.script.loop).toBeDefined();
      expect(benchCase.script.plan).toBeDefined();
      expect(benchCase.script.joinAnswer).toBeDefined();
      expect(benchCase.expectedAnswer.trim()).not.toBe('');
    });

    it('its script compiles', () => {
      const book = compileScriptBook({ scenarios: [benchCase.script] });
      expect(book.scenarios).toHaveLength(1);
    });

    it('its plan validates against the case tools', () => {
      const validated = validatePlan(benchCase.script.plan, { tools: registry });
      expect(validated.answer).toBeDefined();
    });

    it('every tool is read-only, idempotent, described and has a documented latency', () => {
      for (const tool of registry.list()) {
        expect(tool.readOnly, tool.name).toBe(true);
        expect(tool.idempotent, tool.name).toBe(true);
        expect(tool.description.length, tool.name).toBeGreaterThan(10);
      }
    });

    it('executing the plan gives the expected answer', async () => {
      const result = await executeScriptedPlan(benchCase.script.plan, registry);
      expect(result.status).toBe('ok');
      expect(result.answer).toBe(benchCase.expectedAnswer);
    });

    it('the join answer over the plan results gives the expected answer', async () => {
      const result = await executeScriptedPlan(benchCase.script.plan, registry);
      const results = new Map(
        Object.entries(result.results).map(([id, value]) => [id, overTheWire(value)]),
      );
      const joinAnswer = compileValue(benchCase.script.joinAnswer);
      expect(joinAnswer.problems).toEqual([]);
      expect(resolveValue(joinAnswer.value, { results })).toBe(benchCase.expectedAnswer);
    });

    it('playing the scripted loop gives the expected answer', async () => {
      const { answer } = await playScriptedLoop(benchCase, registry);
      expect(answer).toBe(benchCase.expectedAnswer);
    });

    it('the plan and the loop make the same tool calls', async () => {
      const planCalls: RecordedCall[] = [];
      await executeScriptedPlan(benchCase.script.plan, recordingRegistry(registry, planCalls));
      const loopCalls: RecordedCall[] = [];
      await playScriptedLoop(benchCase, recordingRegistry(registry, loopCalls));
      expect(loopCalls).toHaveLength(benchCase.script.loop?.calls.length ?? -1);
      expect(callMultiset(planCalls)).toEqual(callMultiset(loopCalls));
    });
  });
}

/**
 * Executes a script's plan (text as the model would write it, or JSON) as any caller with untyped
 * input would: parsed, validated against the tools, then executed.
 */
export function executeScriptedPlan(
  plan: BenchCase['script']['plan'],
  tools: ToolSource,
): Promise<RunResult> {
  const registry = createToolRegistry(tools);
  return executePlan(
    validatePlan(typeof plan === 'string' ? parsePlanText(plan) : plan, { tools: registry }),
    registry,
  );
}

/**
 * A stream scenario's scripts: the repeated queries' scripts agree, so they compile into one book,
 * and every distinct query's plan validates and, executed, gives the expected answer, as does its
 * join answer over those results.
 */
export async function expectStreamScriptsAnswer(
  cases: readonly BenchCase[],
  registry: ToolRegistry,
): Promise<void> {
  const scripts = uniqueScripts(cases.map((item) => item.script));
  expect(compileScriptBook({ scenarios: scripts }).scenarios).toHaveLength(scripts.length);
  const distinct = [...new Map(cases.map((item) => [item.query, item])).values()];
  for (const benchCase of distinct) {
    validatePlan(benchCase.script.plan, { tools: registry });
    const result = await executeScriptedPlan(benchCase.script.plan, registry);
    expect(result.status, benchCase.query).toBe('ok');
    expect(result.answer, benchCase.query).toBe(benchCase.expectedAnswer);
    const results = new Map(
      Object.entries(result.results).map(([id, value]) => [
        id,
        JSON.parse(JSON.stringify(value)) as unknown,
      ]),
    );
    expect(
      resolveValue(compileValue(benchCase.script.joinAnswer).value, { results }),
      benchCase.query,
    ).toBe(benchCase.expectedAnswer);
  }
}
