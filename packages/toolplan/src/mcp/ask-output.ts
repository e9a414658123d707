import type { UsageTotals } from '../model/index.js';
import { z } from 'zod';
import type { AgentRun } from '../agent/index.js';
import type { Plan } from '../plan/index.js';
import { roundMs, stepOutputSchema, toStepOutput, type McpStepOutput } from './step-output.js';
import { toJsonResults } from './to-json-results.js';

/** The structured output of the MCP tool `ask`. */
export interface AskOutput {
  answer: string;
  /**
   * What answered: a compiled chain or the plan cache (no model call), the plan's answer
   * template, or a join call of the model.
   */
  answeredBy: 'chain' | 'plan-cache' | 'template' | 'joiner';
  /** The chain that answered, when one did. */
  chainName?: string;
  /** Every plan executed, in order: one to pass to `run_plan` to run again without a model. */
  plans: Plan[];
  /** The result of every step that succeeded, by step id. */
  results: Record<string, unknown>;
  /** Every step of every plan, in order. */
  steps: McpStepOutput[];
  /** Model calls and tokens the answer cost. */
  usage: UsageTotals;
  runId: string;
  wallMs: number;
}

export const askOutputSchema = z.object({
  answer: z.string(),
  answeredBy: z
    .enum(['chain', 'plan-cache', 'template', 'joiner'])
    .describe(
      "chain or plan-cache: no model call; template: the plan's answer template; joiner: a model call on the results",
    ),
  chainName: z.string().optional(),
  plans: z
    .array(z.record(z.string(), z.unknown()))
    .describe('Every plan executed; one can be run again with run_plan'),
  results: z.record(z.string(), z.unknown()).describe('Result of each step that succeeded, by id'),
  steps: z.array(stepOutputSchema),
  usage: z.object({
    llmCalls: z.number(),
    inputTokens: z.number(),
    cachedInputTokens: z.number(),
    outputTokens: z.number(),
    modelRetries: z.number(),
    modelTimeouts: z.number(),
  }),
  runId: z.string(),
  wallMs: z.number(),
});

/** The report of an answered query. */
export function toAskOutput(run: AgentRun): AskOutput {
  const { results, notJson } = toJsonResults(run.results);
  const { llmCalls, inputTokens, cachedInputTokens, outputTokens, modelRetries, modelTimeouts } =
    run.usage;
  return {
    answer: run.answer,
    answeredBy: run.answeredBy,
    ...(run.chainName === undefined ? {} : { chainName: run.chainName }),
    plans: run.plans,
    results,
    steps: run.steps.map((step) => toStepOutput(step, notJson[step.id])),
    usage: { llmCalls, inputTokens, cachedInputTokens, outputTokens, modelRetries, modelTimeouts },
    runId: run.runId,
    wallMs: roundMs(run.wallMs),
  };
}
