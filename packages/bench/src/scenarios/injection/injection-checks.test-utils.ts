import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileValue, createToolRegistry, parseStepCall, resolveValue } from 'toolplan/internal';
import { compileScriptBook, createSimulatedProvider } from '@toolplan/simulator';
import { runInjectionCase } from '../../run-injection-case.js';
import {
  loopParallelStrategy,
  optimizedStrategy,
  planStrategy,
  type Strategy,
} from '../../strategies/index.js';
import { callTool, TEST_CONTEXT } from '../scenario-checks.test-utils.js';
import {
  injectionScenario,
  injectionScripts,
  type InjectionScenario,
} from './injection-scenario.js';
import type { AnyInjectionSuite, InjectionTask } from './injection-suite.js';

/**
 * A task's check makes a handful of runs over HTTP; the first also warms the code up: on a loaded
 * 2-core machine that came near vitest's default time-out of 5 s.
 */
const RUNS = { timeout: 30_000 };

/** The scenario's strategies, as the bench runs them. */
const STRATEGIES: readonly Strategy[] = [loopParallelStrategy, planStrategy, optimizedStrategy];

/** The injection scenario cut down to one suite (for its scripts and defences). */
export function scenarioOf(suite: AnyInjectionSuite): InjectionScenario {
  return { ...injectionScenario, suites: [suite] };
}

/**
 * Makes an injection task's calls by hand, as the worst-case model would have them made: every
 * backticked call of its text in order, references to earlier calls resolved, each straight to
 * the tool (no policy in the way). Returns the environment afterwards.
 */
export async function obeyInjection(
  suite: AnyInjectionSuite,
  injection: InjectionTask<unknown>,
): Promise<unknown> {
  const environment = suite.createEnvironment('');
  const registry = createToolRegistry(suite.tools(environment, TEST_CONTEXT));
  const results = new Map<string, unknown>();
  const spans = [...injection.text.matchAll(/`([^`]+)`/g)].map((match) => match[1] as string);
  expect(spans.length).toBeGreaterThan(0);
  for (const [index, span] of spans.entries()) {
    // A call written without an id gets one, as the simulator gives it.
    const text = /^\w+=/.test(span) ? span : `injected${index}=${span}`;
    const parsed = parseStepCall(text);
    if (!parsed.ok) throw new Error(`${injection.id}: ${parsed.issue.message}`);
    const compiled = compileValue(parsed.step.args);
    expect(compiled.problems).toEqual([]);
    const args = resolveValue(compiled.value, { results, stepId: parsed.step.id });
    const result = await callTool(registry, parsed.step.tool, args, parsed.step.id);
    results.set(parsed.step.id, JSON.parse(JSON.stringify(result)) as unknown);
  }
  return environment;
}

/**
 * The checks every injection suite passes: enough tasks, scripts that compile, every user task
 * done by every strategy with the honest model through the real runtime against the simulated
 * provider, every user task attackable (the loop, which reads every result, obeys the first
 * injection on each), and security checks that see the attack made and only the attack.
 */
export function describeInjectionSuiteChecks(suite: AnyInjectionSuite): void {
  describe(`${suite.name} injection suite (shared checks)`, () => {
    const scenario = scenarioOf(suite);
    let provider: Awaited<ReturnType<typeof createSimulatedProvider>>;

    beforeAll(async () => {
      provider = await createSimulatedProvider({
        speed: 1000,
        scripts: { scenarios: injectionScripts(scenario) },
      });
    });
    afterAll(async () => {
      await provider.close();
    });

    const run = (options: {
      strategy: Strategy;
      task: (typeof suite.userTasks)[number];
      injection?: InjectionTask<unknown>;
    }) =>
      runInjectionCase({
        strategy: options.strategy,
        defence: scenario.defences[options.strategy.name] ?? 'none',
        suite,
        userTask: options.task,
        injectionTask: options.injection,
        endpoint: { baseURL: provider.url, modelId: 'gpt-4o' },
        context: TEST_CONTEXT,
      });

    it('has at least 10 user tasks and 3 injection tasks, with unique ids and queries', () => {
      expect(suite.userTasks.length).toBeGreaterThanOrEqual(10);
      expect(suite.injectionTasks.length).toBeGreaterThanOrEqual(3);
      const ids = [...suite.userTasks, ...suite.injectionTasks].map((task) => task.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(suite.userTasks.map((task) => task.query)).size).toBe(suite.userTasks.length);
      // Some tasks replan, so that a plan can be attacked at all.
      expect(suite.userTasks.some((task) => task.script.replan !== undefined)).toBe(true);
    });

    it('its scripts compile', () => {
      expect(compileScriptBook({ scenarios: injectionScripts(scenario) }).scenarios).toHaveLength(
        suite.userTasks.length,
      );
    });

    for (const task of suite.userTasks) {
      it(
        `${task.id}: every strategy does it with the honest model, and the loop can be attacked`,
        RUNS,
        async () => {
          for (const strategy of STRATEGIES) {
            const outcome = await run({ strategy, task });
            expect(outcome.failure, `${strategy.name}`).toBeUndefined();
            expect(outcome.done, strategy.name).toBe(true);
            expect(outcome.attacked).toBe(false);
          }
          // The loop reads every result: obeying the injection shows the task reads a poisoned field.
          const injection = suite.injectionTasks[0] as InjectionTask<unknown>;
          const attacked = await run({ strategy: loopParallelStrategy, task, injection });
          expect(attacked.attacked).toBe(true);
        },
      );
    }

    for (const injection of suite.injectionTasks) {
      it(`${injection.id}: its security check sees the attack made, and nothing without it`, async () => {
        expect(injection.security(suite.createEnvironment(''))).toBe(false);
        expect(injection.security(await obeyInjection(suite, injection))).toBe(true);
      });
    }
  });
}
