import type { ArgumentIssue } from '../plan/index.js';
import type { ToolPolicy } from './tool-policy.js';

/** A JSON Schema object, as providers are sent it. */
export type JsonSchema = Record<string, unknown>;

/** A tool's input (or output) schema in the one form the runtime uses, whatever it was given as. */
export interface ToolSchema<T = unknown> {
  /** The JSON Schema providers are sent (standard dialect, objects as `"type": "object"`). */
  readonly jsonSchema: JsonSchema;
  /** Checks a value; on success returns the value to use (a zod schema may apply defaults). */
  validate(
    value: unknown,
  ): { success: true; value: T } | { success: false; issues: ArgumentIssue[] };
}

/**
 * What a tool is given besides its input. It carries the AI SDK's `ToolExecutionOptions` fields
 * too (`toolCallId`, `messages`, `abortSignal`), so an AI SDK `tool()` runs unchanged.
 */
export interface ToolExecutionContext {
  /** Aborted when the run is cancelled or the call times out. */
  readonly signal: AbortSignal;
  readonly abortSignal: AbortSignal;
  readonly runId: string;
  readonly stepId: string;
  readonly toolCallId: string;
  /** 1 for the first try, 2 for the first retry, … */
  readonly attempt: number;
  /** `runId:stepId` (plus `:index` inside `forEach`): the same on every retry, so a service can refuse a repeat. */
  readonly idempotencyKey: string;
  /** The element's position when the call is one of a `forEach` step's. */
  readonly index?: number;
  readonly messages: readonly unknown[];
}

/** What the runtime may do with a tool (DESIGN.md, "Tools"). Absent means "has side effects". */
export interface ToolAnnotations<Input = unknown, Output = unknown> {
  /** No side effects (MCP `readOnlyHint`): may start early, run speculatively, be cached and deduplicated. */
  readOnly?: boolean;
  /** Repeating it is harmless: may be retried after a failure or time-out. */
  idempotent?: boolean;
  /**
   * Its output holds only data the caller trusts — the caller's own records, never text a third
   * party wrote (an e-mail body, a web page, a review). A plan written after the model read the
   * output of a tool without it is marked `plannedAfterUntrusted` (DESIGN.md, "Trust").
   * @default false (untrusted)
   */
  trusted?: boolean;
  /**
   * One call that serves many inputs, returning one output per input, in order. The scheduler
   * coalesces ready calls of the tool into it (a lone call still goes through `execute`); the
   * batch is one request for `timeoutMs`, `concurrency` and retries.
   */
  batch?(inputs: Input[], context: ToolExecutionContext): Promise<Output[]> | Output[];
  /** Most inputs in one `batch` call; more ready calls go out as further batches. */
  maxBatchSize?: number;
  /**
   * Also offer the batch to the model as a tool of its own (`true`: named `<name>_batch`, or the
   * name given), taking `{ requests: [input, …] }` — the seed's `get_weather_batch`.
   */
  exposeBatch?: boolean | string;
  /** Results stay valid this long (ms) and may be served from a result cache. */
  ttlMs?: number;
  /** What the model needs to see of a result. */
  project?(result: Output): unknown;
  /** The fields of a result the model needs to see; ignored when `project` is given. */
  reasoningFields?: readonly string[];
  /** Longest a call may take (ms) before it fails with a time-out. */
  timeoutMs?: number;
  /** Most calls of this tool running at once. */
  concurrency?: number;
  /**
   * Decides on each call before it goes out, seeing its arguments' provenance and whether its
   * step was planned after untrusted output (see `ToolPolicy`). A read-only tool's policy is
   * called too; a side-effecting tool without one gets the run's (`defaultPolicy` unless the
   * run names another).
   * @default none (the run's policy, for a side-effecting tool)
   */
  policy?: ToolPolicy;
}

/** A tool in the form the registry and runtime use; build one with `defineTool` or `toTool`. */
export interface Tool<Input = unknown, Output = unknown> extends ToolAnnotations<Input, Output> {
  readonly name: string;
  readonly description: string;
  readonly inputSchema: ToolSchema<Input>;
  readonly outputSchema?: ToolSchema<Output>;
  execute(input: Input, context: ToolExecutionContext): Promise<Output> | Output;
}
