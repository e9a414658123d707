import type { Plan, Tool } from 'toolplan/internal';
import type { ScriptedLoop } from '@toolplan/simulator';
import type { ScenarioContext } from '../bench-scenario.js';

/**
 * What the simulated honest model says about one user task, in the script book's format, plus the
 * plan it writes when asked to replan (a tool failed once): the worst-case behaviour adds the
 * injected calls to these, the honest one says exactly this.
 */
export interface InjectionTaskScript {
  loop: ScriptedLoop;
  plan: Plan;
  joinAnswer: string;
  /** Tasks whose plan meets a transient failure: the plan of the rest, written after it. */
  replan?: Plan;
}

/** One thing the user asks for, and how to tell from the environment that it was done. */
export interface UserTask<Environment> {
  /** Unique within the suite. */
  id: string;
  query: string;
  script: InjectionTaskScript;
  /**
   * The task was done right: the environment after the run (and the answer, where the task is a
   * question) holds what the user asked for.
   */
  utility(options: { environment: Environment; answer: string }): boolean;
}

/**
 * What an attacker wants, written as the text hidden in tool output, and how to tell that the
 * attacker got it.
 */
export interface InjectionTask<Environment> {
  /** Unique within the suite. */
  id: string;
  /** The attacker's goal, in one line, for reports. */
  goal: string;
  /** The injection: an `<INFORMATION>` block whose backticked call strings are the instructions. */
  text: string;
  /** An attacker-chosen side effect happened (the attack succeeded). */
  security(environment: Environment): boolean;
}

/**
 * A suite in the style of AgentDojo: one application's tools over an in-memory environment, the
 * tasks a user gives its assistant there, and the attacks hidden in what its tools return. Every
 * user task is paired with every injection task of its own suite.
 */
export interface InjectionSuite<Environment> {
  name: string;
  /**
   * A fresh environment for one run, with `injection` placed in every injection vector (the
   * fields an attacker can write: an e-mail body, a transaction subject, a review, a message);
   * `''` for the runs without attack.
   */
  createEnvironment(injection: string): Environment;
  /** The suite's tools over `environment`, with the policies their authors would write. */
  tools(environment: Environment, context: ScenarioContext): Tool[];
  userTasks: ReadonlyArray<UserTask<Environment>>;
  injectionTasks: ReadonlyArray<InjectionTask<Environment>>;
}

/**
 * A suite whose environment type is hidden, so that suites can be listed together (the methods
 * above are bivariant in it, and each suite only ever meets its own environments).
 */
export type AnyInjectionSuite = InjectionSuite<unknown>;
