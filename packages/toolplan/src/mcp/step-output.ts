import { z } from 'zod';
import { PolicyDeniedError, type StepRecord } from '../runtime/index.js';

/**
 * An error as the MCP server reports it: its kind and message, and the fields of toolplan's
 * error classes that tell a client what to do — never the whole error, whose causes may hold
 * anything a tool's client library attached (request headers with a key, a socket).
 */
export interface McpErrorOutput {
  /** The error's kind: `PolicyDeniedError`, `ToolExecutionError`, `StepTimeoutError`… */
  name: string;
  message: string;
  /** `PolicyDeniedError`: who denied the call, what it answered, and the policy's reason. */
  deniedBy?: string;
  decision?: string;
  reason?: string;
  /** `DependencyFailedError`: the step whose failure caused the skip. */
  failedStepId?: string;
  /** `StepTimeoutError`: the time-out that passed (ms). */
  timeoutMs?: number;
  /** `ToolInputError`: what was wrong with the arguments once references were filled in. */
  issues?: unknown[];
  /** The `forEach` item whose call failed or was denied. */
  index?: number;
}

/** One step of a run, as `run_plan` and `ask` report it. Times are ms since the run started. */
export interface McpStepOutput {
  id: string;
  tool: string;
  /**
   * `denied`: a policy refused the call before it went out, so it did not run (DESIGN.md,
   * "Trust"); `skipped`: a step it depends on did not succeed.
   */
  status: 'ok' | 'error' | 'skipped' | 'denied';
  startMs: number;
  endMs: number;
  /** Calls made, retries included (0 when the result was shared or cached, or nothing ran). */
  attempts: number;
  /** Every result of the step came from the result cache. */
  cached?: boolean;
  /** Why the step failed, was denied or was skipped. */
  error?: McpErrorOutput;
  /** The step succeeded, but its result is not JSON and is left out of `results`: why. */
  resultNotJson?: string;
}

export const errorOutputSchema = z
  .object({
    name: z.string(),
    message: z.string(),
    deniedBy: z.string().optional(),
    decision: z.string().optional(),
    reason: z.string().optional(),
    failedStepId: z.string().optional(),
    timeoutMs: z.number().optional(),
    issues: z.array(z.unknown()).optional(),
    index: z.number().optional(),
  })
  .describe('An error: its kind (name) and message, and the fields that say what to do about it');

export const stepOutputSchema = z.object({
  id: z.string(),
  tool: z.string(),
  status: z
    .enum(['ok', 'error', 'skipped', 'denied'])
    .describe(
      'denied: a policy refused the call, which did not run; skipped: a step it depends on did not succeed',
    ),
  startMs: z.number(),
  endMs: z.number(),
  attempts: z.number(),
  cached: z.boolean().optional(),
  error: errorOutputSchema.optional(),
  resultNotJson: z.string().optional(),
});

// The fields of toolplan's errors that are data for the client (see McpErrorOutput).
const STRING_FIELDS = ['deniedBy', 'decision', 'reason', 'failedStepId'] as const;
const NUMBER_FIELDS = ['timeoutMs', 'index'] as const;

/** Maps a step's error to its report: its name, message and the known fields it has. */
export function toErrorOutput(error: Error): McpErrorOutput {
  const output: McpErrorOutput = { name: error.name, message: error.message };
  const fields = error as unknown as Record<string, unknown>;
  for (const key of STRING_FIELDS) {
    const value = fields[key];
    if (typeof value === 'string') output[key] = value;
  }
  for (const key of NUMBER_FIELDS) {
    const value = fields[key];
    if (typeof value === 'number' && Number.isFinite(value)) output[key] = value;
  }
  const { issues } = fields;
  if (Array.isArray(issues)) output.issues = issues as unknown[];
  return output;
}

/** Maps one step of a run to its report; `resultNotJson` when its value could not be sent. */
export function toStepOutput(step: StepRecord, resultNotJson?: string): McpStepOutput {
  const output: McpStepOutput = {
    id: step.id,
    tool: step.tool,
    status: PolicyDeniedError.isInstance(step.error) ? 'denied' : step.status,
    startMs: roundMs(step.startMs),
    endMs: roundMs(step.endMs),
    attempts: step.attempts,
  };
  if (step.cached === true) output.cached = true;
  if (step.error !== undefined) output.error = toErrorOutput(step.error);
  if (resultNotJson !== undefined) output.resultNotJson = resultNotJson;
  return output;
}

export function roundMs(ms: number): number {
  return Math.round(ms * 100) / 100;
}
