import { z } from 'zod';
import { formatIssuePath, type PlanIssue, type PlanValidationError } from '../plan/index.js';
import type { RunResult } from '../runtime/index.js';
import {
  errorOutputSchema,
  roundMs,
  stepOutputSchema,
  toErrorOutput,
  toStepOutput,
  type McpErrorOutput,
  type McpStepOutput,
} from './step-output.js';
import { toJsonResults } from './to-json-results.js';

/** One reason a plan was refused, as `run_plan` reports it. */
export interface McpPlanIssueOutput {
  /** Stable, for programs: `unknown_tool`, `invalid_arguments`, `cycle`… (`PlanIssueCode`). */
  code: string;
  /** Where in the plan, e.g. `steps[1].args.to`. */
  path: string;
  /** Written to be handed back to a model as it is. */
  message: string;
  stepId?: string;
}

/** The structured output of the MCP tool `run_plan`. */
export interface RunPlanOutput {
  /**
   * `ok`: every step succeeded. `error`: some step failed, was denied or skipped; the others
   * ran. `invalid`: the plan failed validation and nothing ran (`issues` says why).
   */
  status: 'ok' | 'error' | 'invalid';
  /** The plan's `answer` template, filled in from the results, when it has one that resolved. */
  answer?: string;
  /** Why the plan's answer template could not be filled in. */
  answerError?: McpErrorOutput;
  /** The result of every step that succeeded, by step id (`{}` when nothing ran). */
  results: Record<string, unknown>;
  /** Every step, in plan order (`[]` when nothing ran). */
  steps: McpStepOutput[];
  /** Every problem found in an invalid plan (validation never stops at the first). */
  issues?: McpPlanIssueOutput[];
  /** Names the run in tools' idempotency keys. Absent when nothing ran. */
  runId?: string;
  /** Absent when nothing ran. */
  wallMs?: number;
}

// One object for both outcomes: a client validates `structuredContent` against the output
// schema even on a tool error, so the invalid plan's report must fit the same schema.
export const runPlanOutputSchema = z.object({
  status: z
    .enum(['ok', 'error', 'invalid'])
    .describe(
      'ok: every step succeeded; error: some step failed, was denied or skipped; invalid: nothing ran, see issues',
    ),
  answer: z.string().optional().describe("The plan's answer template, filled in"),
  answerError: errorOutputSchema.optional(),
  results: z.record(z.string(), z.unknown()).describe('Result of each step that succeeded, by id'),
  steps: z.array(stepOutputSchema),
  issues: z
    .array(
      z.object({
        code: z.string(),
        path: z.string(),
        message: z.string(),
        stepId: z.string().optional(),
      }),
    )
    .optional()
    .describe('Every problem of an invalid plan'),
  runId: z.string().optional(),
  wallMs: z.number().optional(),
});

/** The report of a plan that ran (whether or not every step succeeded). */
export function toRunPlanOutput(result: RunResult): RunPlanOutput {
  const { results, notJson } = toJsonResults(result.results);
  const output: RunPlanOutput = {
    status: result.status,
    results,
    steps: result.steps.map((step) => toStepOutput(step, notJson[step.id])),
    runId: result.runId,
    wallMs: roundMs(result.wallMs),
  };
  if (result.answer !== undefined) output.answer = result.answer;
  if (result.answerError !== undefined) output.answerError = toErrorOutput(result.answerError);
  return output;
}

/** The report of a plan that failed validation: every issue, and nothing ran. */
export function toInvalidPlanOutput(error: PlanValidationError): RunPlanOutput {
  return { status: 'invalid', results: {}, steps: [], issues: error.issues.map(toIssueOutput) };
}

function toIssueOutput(issue: PlanIssue): McpPlanIssueOutput {
  return {
    code: issue.code,
    path: formatIssuePath(issue.path),
    message: issue.message,
    ...(issue.stepId === undefined ? {} : { stepId: issue.stepId }),
  };
}
