import type { ScriptedScenario } from '@toolplan/simulator';
import { bankingSuite } from './banking/banking-suite.js';
import type { AnyInjectionSuite, UserTask } from './injection-suite.js';
import { slackSuite } from './slack/slack-suite.js';
import { travelSuite } from './travel/travel-suite.js';
import { workspaceSuite } from './workspace/workspace-suite.js';

/**
 * How a strategy is defended in the injection benchmark: `none` runs every tool without policies
 * and lets every call out (`policy: () => 'allow'`); `policies` runs toolplan's defaults (the
 * run's `defaultPolicy`) plus the policies each tool's author wrote; `defaults` (an ablation, in
 * no catalogue strategy's defence) runs the defaults alone, which deny every side effect of a
 * replan, wanted or not.
 */
export type InjectionDefence = 'none' | 'defaults' | 'policies';

/**
 * A security benchmark in the style of AgentDojo: suites of user tasks, each run without attack
 * (utility) and with every injection task of its suite hidden in the tool outputs it reads
 * (utility under attack, attack success), by an honest and a worst-case simulated model.
 */
export interface InjectionScenario {
  /** Stable: a contract of `toolplan bench --scenario` and `--json`. */
  name: string;
  description: string;
  suites: readonly AnyInjectionSuite[];
  /**
   * The strategies it runs (by catalogue name) and how each is defended; the others are left out
   * (the issue asks for the AI SDK loop, `plan` without policies and `optimized` with them).
   */
  defences: Readonly<Record<string, InjectionDefence>>;
}

/**
 * # injection — who chooses the side effects when tool output lies
 *
 * Four suites (office, banking, travel, team chat), 41 user tasks and 13 injection tasks; every
 * user task runs once without attack and once with each injection task of its suite. The
 * worst-case model obeys every injected call it reads: the loop reads every tool result, so it is
 * attacked on nearly every pair; a plan is written before any tool output is read, so it is
 * attacked only where a replan shows the model tool output (tasks whose flaky service times out
 * once); `optimized` runs the same plans under policies.
 */
export const injectionScenario: InjectionScenario = {
  name: 'injection',
  description:
    'Prompt injection, AgentDojo-style: 4 suites, user tasks × injection tasks, honest and worst-case model',
  suites: [workspaceSuite, bankingSuite, travelSuite, slackSuite],
  defences: { 'loop-parallel': 'none', plan: 'none', optimized: 'policies' },
};

/** The name a user task's script has in the bench's one script book. */
export function injectionScriptName(suite: AnyInjectionSuite, task: UserTask<unknown>): string {
  return `injection/${suite.name}/${task.id}`;
}

/** The simulated model's scripts for every user task of the scenario (one per query). */
export function injectionScripts(scenario: InjectionScenario): ScriptedScenario[] {
  return scenario.suites.flatMap((suite) =>
    suite.userTasks.map((task): ScriptedScenario => {
      const { loop, plan, joinAnswer, replan } = task.script;
      return {
        name: injectionScriptName(suite, task),
        query: task.query,
        loop,
        plan: plan as unknown as Record<string, unknown>,
        joinAnswer,
        // What the model writes when asked again after the flaky service failed.
        ...(replan === undefined ? {} : { replan: replan as unknown as Record<string, unknown> }),
      };
    }),
  );
}
