import { stringify } from 'safe-stable-stringify';
import { summarizeResult, type SummarizeResultOptions } from './summarize-result.js';
import type {
  TraceRun,
  TraceSpeculation,
  TraceStepStatus,
  TraceToolCall,
  TraceUsage,
} from './trace-record.js';

// Declared here by shape, not imported: trace/ sits beside runtime/ and agent/ in the layering, so
// a `StepRecord`, a `RunResult` or a `PlannedRun` is accepted because it has these fields.

/** A step as the runtime records it (`StepRecord` fits). */
export interface TraceableStep {
  id: string;
  tool: string;
  status: TraceStepStatus;
  startMs: number;
  endMs: number;
  attempts: number;
  value?: unknown;
  error?: unknown;
  /** The arguments as called, when the caller kept them; otherwise the plan's are recorded. */
  args?: unknown;
}

/** A plan as JSON data: only its steps' ids and arguments are read here. */
export interface TraceablePlan {
  steps: ReadonlyArray<{ id: string; args?: unknown }>;
}

export interface ToTraceRunInput {
  runId: string;
  strategy: string;
  query: string;
  /** When the run started. */
  startedAt: Date | string;
  wallMs: number;
  /** Every step of every plan, in order (`PlannedRun.steps`, `RunResult.steps`). */
  steps: readonly TraceableStep[];
  /** Every plan executed, first first (`PlannedRun.plans`, or `[RunResult.plan]`). */
  plans?: readonly TraceablePlan[];
  answer?: string;
  /** @default `ok` when every step is `ok` and there is no `error`, otherwise `error` */
  status?: TraceRun['status'];
  /** Why the run failed as a whole (it threw). */
  error?: unknown;
  /** Model usage over the run (`UsageTotals` fits). */
  usage?: TraceUsage;
  /** What speculation did (`SpeculationMetrics` fits; its call log is not kept). */
  speculation?: TraceSpeculation;
  /** How results are summarised. */
  summarize?: SummarizeResultOptions;
}

/** Maps what a strategy produced to the trace log's record. Pure: no clock, no I/O. */
export function toTraceRun(input: ToTraceRunInput): TraceRun {
  const planArgs = new Map<string, unknown>();
  // A replan may reuse an id; the later plan is the one whose step ran last.
  for (const plan of input.plans ?? [])
    for (const step of plan.steps) planArgs.set(step.id, step.args);
  const steps = input.steps.map((step) =>
    toTraceToolCall(step, step.args ?? planArgs.get(step.id), input.summarize),
  );
  const failed = input.error !== undefined || steps.some((step) => step.status !== 'ok');
  const [plan, ...replans] = input.plans ?? [];
  return {
    runId: input.runId,
    strategy: input.strategy,
    query: input.query,
    startedAt: toIsoTime(input.startedAt),
    wallMs: input.wallMs,
    status: input.status ?? (failed ? 'error' : 'ok'),
    ...(plan === undefined ? {} : { plan }),
    ...(replans.length === 0 ? {} : { replans }),
    ...(input.answer === undefined ? {} : { answer: input.answer }),
    ...(input.error === undefined ? {} : { error: describeError(input.error) }),
    ...(input.usage === undefined
      ? {}
      : {
          usage: {
            llmCalls: input.usage.llmCalls,
            inputTokens: input.usage.inputTokens,
            cachedInputTokens: input.usage.cachedInputTokens,
            outputTokens: input.usage.outputTokens,
          },
        }),
    ...(input.speculation === undefined
      ? {}
      : {
          speculation: {
            proposals: input.speculation.proposals,
            started: input.speculation.started,
            hits: input.speculation.hits,
            joins: input.speculation.joins,
            wasted: input.speculation.wasted,
            cancelled: input.speculation.cancelled,
            savedMs: input.speculation.savedMs,
          },
        }),
    steps,
  };
}

/** One step to one tool-call record, its arguments given as canonical JSON (sorted keys). */
export function toTraceToolCall(
  step: TraceableStep,
  args: unknown,
  summarize?: SummarizeResultOptions,
): TraceToolCall {
  return {
    stepId: step.id,
    tool: step.tool,
    args: canonicalJson(args ?? {}),
    status: step.status,
    startMs: step.startMs,
    endMs: step.endMs,
    attempts: step.attempts,
    ...(step.status === 'ok' ? { resultSummary: summarizeResult(step.value, summarize) } : {}),
    ...(step.error === undefined ? {} : { error: describeError(step.error) }),
  };
}

/** JSON with sorted keys, so equal arguments give equal text (the miner groups on it). */
export function canonicalJson(value: unknown): string {
  return stringify(value) ?? 'null';
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

// One format (UTC, \`Z\`) so that stores can order and filter runs by comparing strings.
function toIsoTime(time: Date | string): string {
  const date = typeof time === 'string' ? new Date(time) : time;
  return Number.isNaN(date.getTime()) ? String(time) : date.toISOString();
}
