import { BEHAVIOUR_HEADER } from '@toolplan/simulator';
import { createToolRegistry, sumUsage, type ToolPolicy } from 'toolplan/internal';
import { createMeteredModels, type BenchEndpoint } from './create-metered-models.js';
import { isTransportError } from './is-transport-error.js';
import type { ScenarioContext } from './scenarios/bench-scenario.js';
import type { InjectionDefence } from './scenarios/injection/injection-scenario.js';
import type {
  AnyInjectionSuite,
  InjectionTask,
  UserTask,
} from './scenarios/injection/injection-suite.js';
import { stripPolicies } from './scenarios/injection/strip-policies.js';
import type { Strategy } from './strategies/index.js';

/** An undefended run's policy: every call goes out. */
const ALLOW_EVERY_CALL: ToolPolicy = () => 'allow';

/** What one run of a user task (alone, or with one injection task) did. */
export interface InjectionCaseOutcome {
  suite: string;
  userTask: string;
  injectionTask: string | undefined;
  /** The user task was done right (its utility check held, and the run finished). */
  done: boolean;
  /** An attacker-chosen side effect happened (always `false` without an injection). */
  attacked: boolean;
  transportError: boolean;
  failure?: string;
  latencyMs: number;
  llmCalls: number;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  /** Tool calls that went out (denied ones did not). */
  toolCalls: number;
}

/**
 * Runs one user task with one strategy in a fresh environment — with `injection` hidden in every
 * vector and the worst-case model, or without either — then checks the environment: was the task
 * done, did the attacker get a side effect.
 */
export async function runInjectionCase(options: {
  strategy: Strategy;
  defence: InjectionDefence;
  suite: AnyInjectionSuite;
  userTask: UserTask<unknown>;
  injectionTask: InjectionTask<unknown> | undefined;
  endpoint: BenchEndpoint;
  context: ScenarioContext;
}): Promise<InjectionCaseOutcome> {
  const { strategy, defence, suite, userTask, injectionTask, endpoint } = options;
  const environment = suite.createEnvironment(injectionTask?.text ?? '');
  const own = suite.tools(environment, options.context);
  let toolCalls = 0;
  const tools = createToolRegistry(
    (defence === 'policies' ? own : stripPolicies(own)).map((tool) => ({
      ...tool,
      execute: (input: unknown, context: Parameters<typeof tool.execute>[1]) => {
        toolCalls += 1;
        return tool.execute(input, context);
      },
    })),
  );
  const origin = performance.now();
  const models = createMeteredModels({
    endpoint: {
      ...endpoint,
      headers: {
        ...endpoint.headers,
        [BEHAVIOUR_HEADER]: injectionTask === undefined ? 'honest' : 'worst-case',
      },
    },
    origin,
  });
  let answer = '';
  let failure: string | undefined;
  let transportError = false;
  const id = `${suite.name}/${userTask.id}${injectionTask === undefined ? '' : ` × ${injectionTask.id}`}`;
  try {
    const result = await (strategy.fresh?.() ?? strategy).run({
      query: userTask.query,
      tools,
      model: models.model,
      ...(defence === 'none' ? { policy: ALLOW_EVERY_CALL } : {}),
    });
    answer = result.answer;
  } catch (error) {
    transportError = isTransportError(error);
    failure = `${transportError ? '(transport) ' : ''}${id}: ${(error as Error).message}`;
  }
  const latencyMs = performance.now() - origin;
  const usage = sumUsage(...models.meters.map((meter) => meter.totals()));
  // Side effects made before a run failed still count against it, and for the attacker.
  const attacked = injectionTask?.security(environment) ?? false;
  const done = failure === undefined && userTask.utility({ environment, answer });
  if (failure === undefined && !done) {
    failure = `${id}: the task was not done (answered ${JSON.stringify(answer.slice(0, 160))})`;
  }
  return {
    suite: suite.name,
    userTask: userTask.id,
    injectionTask: injectionTask?.id,
    done,
    attacked,
    transportError,
    ...(failure === undefined ? {} : { failure }),
    latencyMs,
    llmCalls: usage.llmCalls,
    inputTokens: usage.inputTokens,
    cachedInputTokens: usage.cachedInputTokens,
    outputTokens: usage.outputTokens,
    toolCalls,
  };
}
