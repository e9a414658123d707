import { unknownOptionProblems, type EveryKeyOf, type PlanLimits } from '../plan/index.js';
import {
  defaultPolicy,
  type ApproveCallback,
  type ToolPolicy,
  type ValueSource,
} from '../tools/index.js';
import { systemClock, type Clock } from './clock.js';
import type { ResultCache } from './result-cache.js';
import type { ExecutionEvent } from './run-result.js';
import { shareKey, shareScopeProblem } from './share-key.js';
import { processSingleFlight, type SingleFlight } from './single-flight.js';
import type { SideEffectLedger } from './side-effect-ledger.js';
import type { Speculator } from './speculator.js';

/** How failed calls of `idempotent` tools are retried. Other tools are never retried. */
export interface RetryOptions {
  /**
   * Retries after the first attempt.
   * @default 2
   */
  maxRetries: number;
  /**
   * Wait before the first retry (ms); each further retry waits `backoffFactor` times longer.
   * @default 100
   */
  initialDelayMs: number;
  /** @default 2 */
  backoffFactor: number;
  /** @default 5000 */
  maxDelayMs: number;
}

export interface ExecutePlanOptions {
  /**
   * Most tool calls running at once, over all tools (a tool's own `concurrency` applies too).
   * @default 32
   */
  maxConcurrency?: number;
  /**
   * Time-out (ms) for calls of tools that declare no `timeoutMs` (`Infinity`: none).
   * `runPlanned` and `createAgent` default it to `DEFAULT_TOOL_TIMEOUT_MS`.
   * @default undefined (none)
   */
  defaultTimeoutMs?: number;
  /** Retry policy for `idempotent` tools. */
  retry?: Partial<RetryOptions>;
  /** Cancels everything in flight; the run rejects with `RunAbortedError`. */
  signal?: AbortSignal;
  /** Limits the plan is validated against. */
  limits?: Partial<PlanLimits>;
  /** Called for every step start, end and retry. Must not throw. */
  onEvent?: (event: ExecutionEvent) => void;
  /**
   * Identifies the run in idempotency keys and traces; without a `shareScope`, runs with the
   * same id (a plan and its replans, a retried request) share calls and cached results.
   * @default a random UUID
   */
  runId?: string;
  /** @default the system clock */
  clock?: Clock;
  /**
   * Results that exist already, by id (what an earlier plan finished, for a replan): the plan's
   * references may use them; they are not run again and not repeated in the result.
   */
  results?: Readonly<Record<string, unknown>>;
  /**
   * Most inputs in one `batch` call, for batch tools that declare no `maxBatchSize` of their own.
   * @default Infinity
   */
  maxBatchSize?: number;
  /**
   * How long (ms) a batch tool's first ready call waits for more to join its batch. At 0 a batch
   * holds the calls that became ready in the same scheduling turn (and any that arrive while it
   * waits for a slot). A window helps streaming dispatch, where steps arrive one by one.
   * @default 0
   */
  batchWindowMs?: number;
  /**
   * Who this run may share in-flight calls and cached results with (DESIGN.md, "Isolation"): runs
   * given the same scope — name a user or a tenant, whatever may see each other's results. A tool
   * that reads its caller from ambient context (an `AsyncLocalStorage`) returns one caller's data,
   * so runs of different callers must never share its calls. Without a scope the run shares with
   * nobody but runs under its own `runId` (its replans; a retry of the same request); within the
   * run, identical calls are still made once. Keys of `inFlight`, `cache` and `speculation`
   * include it.
   * @default undefined (the run's own, under its `runId`)
   */
  shareScope?: string;
  /**
   * Where identical calls of read-only tools in flight are shared across runs of one
   * `shareScope` (single flight). A run that joins another's call keeps its own time-out and
   * signal. `false` shares only within this run.
   * @default one registry for the whole process (keyed by scope)
   */
  inFlight?: SingleFlight | false;
  /**
   * Serves calls of read-only tools with `ttlMs` from earlier results (see `createLruResultCache`),
   * of runs of the same `shareScope` only (without one, of this run and its replans only).
   * @default undefined (no cache)
   */
  cache?: ResultCache;
  /**
   * Side-effect calls already made by earlier runs of the same task; a call found in it is not
   * made again (`RepeatedSideEffectError`), and the calls this run makes are added. `runPlanned`
   * passes one ledger to a plan and its replans. @default undefined (no ledger)
   */
  sideEffects?: SideEffectLedger;
  /**
   * Calls made speculatively for this query (see `createSpeculator`): a step whose call was
   * speculated takes its result, or joins it in flight, instead of calling again — only when the
   * speculator was made for this run (the same `runId`) or for the same `shareScope`.
   * @default undefined (no speculation)
   */
  speculation?: Speculator;
  /**
   * Decides on every side-effecting call whose tool has no `policy` of its own (DESIGN.md,
   * "Trust"). Pass `() => 'allow'` to run without policies.
   * @default defaultPolicy (deny a call with an untrusted argument or planned after untrusted output)
   */
  policy?: ToolPolicy;
  /**
   * Answers a policy's `'ask'`; without it, asking is denying.
   * @default undefined (an `'ask'` is a denial)
   */
  approve?: ApproveCallback;
  /**
   * The user's query: a plan literal that occurs in it has the `query` source (the user chose
   * it), which stays trusted even in a plan written after untrusted output.
   * @default undefined (literals are the planner's: `plan` sources)
   */
  query?: string;
  /**
   * The plan was written by a model call whose prompt held untrusted tool output: every step is
   * planned after untrusted data, and the plan's literals not in the query are untrusted. When
   * given, it decides for every step (`runPlanned` always gives it, so a mark the model wrote is
   * never read); when not, a step whose own `plannedAfterUntrusted` is `true` is so.
   * @default undefined (each step's own mark)
   */
  plannedAfterUntrusted?: boolean;
  /**
   * The sources of `results` given, by id (a replan's finished steps, a session's earlier turns).
   * A given result without sources is untrusted (`earlier`).
   * @default {}
   */
  resultSources?: Readonly<Record<string, readonly ValueSource[]>>;
}

export interface ResolvedExecuteOptions {
  maxConcurrency: number;
  defaultTimeoutMs: number | undefined;
  retry: RetryOptions;
  signal: AbortSignal | undefined;
  limits: Partial<PlanLimits>;
  onEvent: ((event: ExecutionEvent) => void) | undefined;
  runId: string;
  clock: Clock;
  results: Readonly<Record<string, unknown>>;
  maxBatchSize: number;
  batchWindowMs: number;
  shareScope: string | undefined;
  /** What this run's calls are shared under (`shareKey`): its scope, or its own run id. */
  shareKey: string;
  inFlight: SingleFlight | undefined;
  cache: ResultCache | undefined;
  sideEffects: SideEffectLedger | undefined;
  speculation: Speculator | undefined;
  policy: ToolPolicy;
  approve: ApproveCallback | undefined;
  query: string | undefined;
  plannedAfterUntrusted: boolean | undefined;
  resultSources: Readonly<Record<string, readonly ValueSource[]>>;
}

export const defaultRetryOptions: Readonly<RetryOptions> = Object.freeze({
  maxRetries: 2,
  initialDelayMs: 100,
  backoffFactor: 2,
  maxDelayMs: 5000,
});

/** Fills in defaults and rejects impossible values eagerly, naming the option and the value. */
/** Every option of `executePlan`, checked against `ExecutePlanOptions` when the package is built. */
const EXECUTE_PLAN_KEYS = [
  'maxConcurrency',
  'defaultTimeoutMs',
  'retry',
  'signal',
  'limits',
  'onEvent',
  'runId',
  'clock',
  'results',
  'maxBatchSize',
  'batchWindowMs',
  'shareScope',
  'inFlight',
  'cache',
  'sideEffects',
  'speculation',
  'policy',
  'approve',
  'query',
  'plannedAfterUntrusted',
  'resultSources',
] as const;
const everyExecuteOption: EveryKeyOf<ExecutePlanOptions, typeof EXECUTE_PLAN_KEYS> =
  EXECUTE_PLAN_KEYS;

export function resolveExecuteOptions(options: ExecutePlanOptions = {}): ResolvedExecuteOptions {
  const [unknown] = unknownOptionProblems({
    of: 'executePlan',
    given: options,
    known: everyExecuteOption,
  });
  if (unknown !== undefined) throw new TypeError(unknown);
  const maxConcurrency = options.maxConcurrency ?? 32;
  if (!(maxConcurrency === Infinity || (Number.isInteger(maxConcurrency) && maxConcurrency > 0))) {
    throw new TypeError(
      `Expected \`maxConcurrency\` to be a positive integer, got \`${String(maxConcurrency)}\``,
    );
  }
  if (options.defaultTimeoutMs !== undefined && !(options.defaultTimeoutMs > 0)) {
    throw new TypeError(
      `Expected \`defaultTimeoutMs\` to be a positive number, got \`${String(options.defaultTimeoutMs)}\``,
    );
  }
  const retry = { ...defaultRetryOptions, ...options.retry };
  if (!(Number.isInteger(retry.maxRetries) && retry.maxRetries >= 0)) {
    throw new TypeError(
      `Expected \`retry.maxRetries\` to be an integer ≥ 0, got \`${String(retry.maxRetries)}\``,
    );
  }
  for (const key of ['initialDelayMs', 'maxDelayMs'] as const) {
    if (!(retry[key] >= 0))
      throw new TypeError(
        `Expected \`retry.${key}\` to be a number ≥ 0, got \`${String(retry[key])}\``,
      );
  }
  if (!(retry.backoffFactor >= 1)) {
    throw new TypeError(
      `Expected \`retry.backoffFactor\` to be a number ≥ 1, got \`${String(retry.backoffFactor)}\``,
    );
  }
  const maxBatchSize = options.maxBatchSize ?? Infinity;
  if (!(maxBatchSize === Infinity || (Number.isInteger(maxBatchSize) && maxBatchSize > 0))) {
    throw new TypeError(
      `Expected \`maxBatchSize\` to be a positive integer, got \`${String(maxBatchSize)}\``,
    );
  }
  const batchWindowMs = options.batchWindowMs ?? 0;
  if (!(Number.isFinite(batchWindowMs) && batchWindowMs >= 0)) {
    throw new TypeError(
      `Expected \`batchWindowMs\` to be a number ≥ 0, got \`${String(batchWindowMs)}\``,
    );
  }
  for (const key of ['policy', 'approve'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'function') {
      throw new TypeError(`Expected \`${key}\` to be a function, got \`${String(options[key])}\``);
    }
  }
  if (
    options.plannedAfterUntrusted !== undefined &&
    typeof options.plannedAfterUntrusted !== 'boolean'
  ) {
    throw new TypeError(
      `Expected \`plannedAfterUntrusted\` to be a boolean, got \`${String(options.plannedAfterUntrusted)}\``,
    );
  }
  if (
    options.resultSources !== undefined &&
    (typeof options.resultSources !== 'object' || options.resultSources === null)
  ) {
    throw new TypeError(
      `Expected \`resultSources\` to be an object of source lists by id, got \`${String(options.resultSources)}\``,
    );
  }
  if (options.query !== undefined && typeof options.query !== 'string') {
    throw new TypeError(`Expected \`query\` to be a string, got \`${String(options.query)}\``);
  }
  const scopeProblem = shareScopeProblem(options.shareScope);
  if (scopeProblem !== undefined) throw new TypeError(scopeProblem);
  const runId = options.runId ?? crypto.randomUUID();
  return {
    maxConcurrency,
    defaultTimeoutMs: options.defaultTimeoutMs,
    retry,
    signal: options.signal,
    limits: options.limits ?? {},
    onEvent: options.onEvent,
    runId,
    clock: options.clock ?? systemClock,
    results: options.results ?? {},
    maxBatchSize,
    batchWindowMs,
    shareScope: options.shareScope,
    shareKey: shareKey({ shareScope: options.shareScope, runId }),
    inFlight: options.inFlight === false ? undefined : (options.inFlight ?? processSingleFlight),
    cache: options.cache,
    sideEffects: options.sideEffects,
    speculation: options.speculation,
    policy: options.policy ?? defaultPolicy,
    approve: options.approve,
    query: options.query,
    plannedAfterUntrusted: options.plannedAfterUntrusted,
    resultSources: options.resultSources ?? {},
  };
}
