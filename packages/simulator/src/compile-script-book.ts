import { z } from 'zod';
import {
  compileValue,
  formatIssuePath,
  parseStepCall,
  PlanValidationError,
  validatePlan,
  type CompiledValue,
  type IssuePath,
  type ToolCatalog,
} from 'toolplan/internal';
import { toProviderToolName } from 'toolplan/internal';
import { planReplyText } from './plan-reply-text.js';
import type { ScriptBook, ScriptedScenario } from './script-book.js';
import { ScriptBookError } from './simulator-errors.js';

/** A scripted call ready to be matched and resolved. */
export interface CompiledCall {
  id: string;
  tool: string;
  /** The name the call is sent under (`weather.get` → `weather_get`). */
  providerName: string;
  args: CompiledValue;
  /** Calls that must have results first: its `after` and its arguments' references. */
  dependencies: readonly string[];
}

export interface CompiledLoop {
  calls: readonly CompiledCall[];
  answer: CompiledValue;
}

/** A scripted plan, ready to be sent. */
export interface CompiledPlan {
  /** The plan as the model writes it (an object in the wire form, see `planReplyText`). */
  text: string;
  /** The plan object, for the worst-case model to add steps to; `undefined` for a plan scripted as text. */
  object: Record<string, unknown> | undefined;
  /**
   * The tools the plan calls, to be checked against what a request offers; `undefined` for a plan
   * scripted as text (sent as written, whoever asks).
   */
  tools: readonly string[] | undefined;
}

/** A scenario checked once and turned into what the server works with. */
export interface CompiledScenario {
  name: string;
  query: string;
  loop: CompiledLoop | undefined;
  plan: CompiledPlan | undefined;
  /** The plan for a replan or resume request; `undefined`: `plan` serves. */
  replan: CompiledPlan | undefined;
  joinAnswer: CompiledValue | undefined;
  joinFailure: string | undefined;
}

export interface CompiledScriptBook {
  scenarios: readonly CompiledScenario[];
}

// Strict objects, so that a misspelt key (`depends_on`, `answers`) is reported, not ignored.
const callSchema = z
  .object({
    id: z.string(),
    tool: z.string().min(1),
    args: z.record(z.string(), z.unknown()).optional(),
    after: z.array(z.string()).optional(),
  })
  .strict();

const scenarioSchema = z
  .object({
    name: z.string().min(1),
    query: z.string().refine((query) => query.trim() !== '', 'must not be empty'),
    loop: z
      .object({ calls: z.array(callSchema), answer: z.string() })
      .strict()
      .optional(),
    plan: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
    replan: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
    joinAnswer: z.string().optional(),
    joinFailure: z.string().optional(),
  })
  .strict();

const bookSchema = z.object({ scenarios: z.array(z.unknown()) }).strict();

// The loop is validated as a plan so that ids, references, `after` and cycles are checked by the
// same code, with the same messages, as a model's plan. Any tool name is accepted here: the
// request's `tools` are checked when a call is made.
const anyTool: ToolCatalog = { has: () => true, names: () => [], checkArguments: () => [] };

/**
 * Checks a script book and compiles its references. Collects every problem and throws one
 * {@link ScriptBookError} listing them.
 */
export function compileScriptBook(book: ScriptBook, path = 'scripts'): CompiledScriptBook {
  const problems: string[] = [];
  const top = bookSchema.safeParse(book);
  if (!top.success) {
    throw new ScriptBookError({
      problems: top.error.issues.map(
        (issue) => `${formatIssuePath([path, ...(issue.path as IssuePath)])}: ${issue.message}`,
      ),
    });
  }
  const scenarios: CompiledScenario[] = [];
  const names = new Map<string, number>();
  const queries = new Map<string, number>();
  top.data.scenarios.forEach((raw, index) => {
    const at = (...rest: IssuePath) => formatIssuePath([path, 'scenarios', index, ...rest]);
    const parsed = scenarioSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(`${at(...(issue.path as IssuePath))}: ${issue.message}`);
      }
      return;
    }
    const scenario = parsed.data as ScriptedScenario;
    const query = scenario.query.trim();
    const sameName = names.get(scenario.name);
    if (sameName !== undefined) {
      problems.push(
        `${at('name')}: \`${scenario.name}\` is also the name of scenarios[${sameName}]`,
      );
    } else names.set(scenario.name, index);
    const sameQuery = queries.get(query);
    if (sameQuery !== undefined) {
      problems.push(`${at('query')}: scenarios[${sameQuery}] has the same query`);
    } else queries.set(query, index);

    const loop = scenario.loop === undefined ? undefined : compileLoop(scenario, at, problems);
    let joinAnswer: CompiledValue | undefined;
    if (scenario.joinAnswer !== undefined) {
      const compiled = compileValue(scenario.joinAnswer);
      for (const problem of compiled.problems)
        problems.push(`${at('joinAnswer')}: ${problem.message}`);
      joinAnswer = compiled.value;
    }
    const plan = compilePlan({
      plan: scenario.plan,
      at: (...rest) => at('plan', ...rest),
      problems,
    });
    const replan = compilePlan({
      plan: scenario.replan,
      at: (...rest) => at('replan', ...rest),
      problems,
    });
    scenarios.push({
      name: scenario.name,
      query,
      loop,
      plan,
      replan,
      joinAnswer,
      joinFailure: scenario.joinFailure,
    });
  });
  if (problems.length > 0) throw new ScriptBookError({ problems });
  return { scenarios };
}

function compilePlan(options: {
  plan: string | Record<string, unknown> | undefined;
  at: (...rest: IssuePath) => string;
  problems: string[];
}): CompiledPlan | undefined {
  const { plan, at, problems } = options;
  if (plan === undefined) return undefined;
  const reply = planReplyText(plan);
  if (!reply.ok) {
    for (const { path, message } of reply.problems) problems.push(`${at(...path)}: ${message}`);
    return undefined;
  }
  return {
    text: reply.text,
    object: typeof plan === 'string' ? undefined : plan,
    tools: typeof plan === 'string' ? undefined : planTools(plan),
  };
}

/** The tools a plan object's steps call, each once, in order of first call. */
function planTools(plan: Record<string, unknown>): string[] {
  const steps = Array.isArray(plan['steps']) ? (plan['steps'] as unknown[]) : [];
  const tools = steps.flatMap((step) => {
    if (typeof step === 'string') {
      const parsed = parseStepCall(step);
      return parsed.ok ? [parsed.step.tool] : [];
    }
    const tool = (step as { tool?: unknown } | null)?.tool;
    return typeof tool === 'string' ? [tool] : [];
  });
  return [...new Set(tools)];
}

function compileLoop(
  scenario: ScriptedScenario,
  at: (...rest: IssuePath) => string,
  problems: string[],
): CompiledLoop | undefined {
  const loop = scenario.loop;
  if (loop === undefined) return undefined;
  const steps = loop.calls.map((call) => ({
    id: call.id,
    tool: call.tool,
    args: call.args ?? {},
    ...(call.after === undefined ? {} : { after: [...call.after] }),
  }));
  try {
    const validated = validatePlan(
      { steps, answer: loop.answer },
      { tools: anyTool, limits: { maxSteps: 100_000 } },
    );
    return {
      calls: validated.steps.map((step) => ({
        id: step.step.id,
        tool: step.step.tool,
        providerName: toProviderToolName(step.step.tool),
        args: step.args,
        dependencies: step.dependencies,
      })),
      answer: validated.answer ?? { kind: 'literal', value: loop.answer },
    };
  } catch (error) {
    if (!(error instanceof PlanValidationError)) throw error;
    for (const issue of error.issues) {
      // Plan paths (`steps[1].args.x`) become script paths (`loop.calls[1].args.x`).
      const [head, ...rest] = issue.path;
      const location = head === 'steps' ? ['loop', 'calls', ...rest] : ['loop', ...issue.path];
      problems.push(`${at(...location)}: ${issue.message}`);
    }
    return undefined;
  }
}
