import type { Tool, ToolExecutionContext } from '../tools/index.js';
import type { Call } from './call.js';
import { callTimeoutMs } from './call-timeout-ms.js';
import type { TimerHandle } from './clock.js';
import type { ResolvedExecuteOptions } from './execute-plan-options.js';
import type { Job } from './job.js';
import { WrongResultCount } from './outcome-for-call.js';
import type { ExecutionEvent } from './run-result.js';
import type { CallOutcome } from './single-flight.js';
import { StepTimeoutError } from './step-errors.js';

/**
 * Attempts a started job until it settles for good. Its part of a job's life (job.ts):
 *
 *     running ──(value / failure / time-out)──► settled ──► handed to `onSettled`
 *        ▲                                         │
 *        └──(back-off)── retry wait ◄──────────────┘ (failure of an idempotent tool, retries left)
 *
 * An attempt is one `execute` call, or one `batch` request for a job of several calls; one
 * time-out covers it, and a retry resends the whole batch. A retry waits with back-off and keeps
 * the job's slots, so it never queues again behind calls that became ready later. A batch that
 * answered with the wrong number of results is not retried: a wrong count is a bug in the tool,
 * not a passing failure. A result arriving after its attempt settled (it timed out, or a retry
 * is under way) is ignored.
 */
export class JobRunner {
  readonly #options: ResolvedExecuteOptions;
  /** The run's signal, given to calls that have no time-out of their own. */
  readonly #runSignal: AbortSignal;
  readonly #now: () => number;
  readonly #onSettled: (job: Job) => void;
  /** Jobs with an attempt in flight: what an abort or the end of the run must stop. */
  readonly #live = new Set<Job>();
  readonly #retryTimers = new Set<TimerHandle>();
  #closed = false;

  constructor(options: {
    options: ResolvedExecuteOptions;
    runSignal: AbortSignal;
    /** Milliseconds since the run started. */
    now: () => number;
    /** The job is done for good (no retry left, `job.outcome` set): its calls' outcomes are due. */
    onSettled: (job: Job) => void;
  }) {
    this.#options = options.options;
    this.#runSignal = options.runSignal;
    this.#now = options.now;
    this.#onSettled = options.onSettled;
  }

  /** Sends the job to its tool (again, for a retry). */
  attempt(job: Job): void {
    if (this.#closed) return;
    const { tool, calls, batchId } = job;
    const first = calls[0] as Call;
    job.attempt += 1;
    job.settled = false;
    for (const call of calls) call.step.attempts += 1;
    this.#live.add(job);
    const timeoutMs = callTimeoutMs(tool, this.#options.defaultTimeoutMs);
    let signal = this.#runSignal;
    if (timeoutMs !== undefined) {
      job.controller = new AbortController();
      signal = job.controller.signal;
    }
    // A batch's key names the batch, which is the same on every retry of it.
    const idempotencyKey =
      batchId !== undefined
        ? `${this.#options.runId}:${batchId}`
        : first.index === undefined
          ? `${this.#options.runId}:${first.step.id}`
          : `${this.#options.runId}:${first.step.id}:${first.index}`;
    const context: ToolExecutionContext = {
      signal,
      abortSignal: signal,
      runId: this.#options.runId,
      stepId: first.step.id,
      toolCallId: idempotencyKey,
      attempt: job.attempt,
      idempotencyKey,
      messages: [],
      ...(batchId !== undefined || first.index === undefined ? {} : { index: first.index }),
    };
    let pending: Promise<unknown>;
    try {
      pending = Promise.resolve(
        batchId === undefined
          ? tool.execute(first.input, context)
          : (tool.batch as NonNullable<Tool['batch']>)(
              calls.map((call) => call.input),
              context,
            ),
      );
    } catch (error) {
      pending = Promise.reject(error as Error);
    }
    if (timeoutMs !== undefined) {
      job.timer = this.#options.clock.setTimeout(() => {
        const error = new StepTimeoutError({
          stepId: first.step.id,
          toolName: tool.name,
          timeoutMs,
          ...(batchId === undefined ? {} : { batchId }),
        });
        job.controller?.abort(error);
        this.#settle(job, { ok: false, error });
      }, timeoutMs);
    }
    const attempt = job.attempt;
    pending.then(
      (value) => {
        if (job.attempt !== attempt) return;
        if (batchId !== undefined && !(Array.isArray(value) && value.length === calls.length)) {
          const actual = Array.isArray(value) ? value.length : undefined;
          this.#settle(job, { ok: false, error: new WrongResultCount(actual) });
        } else this.#settle(job, { ok: true, value });
      },
      (error: unknown) => {
        if (job.attempt === attempt) this.#settle(job, { ok: false, error: error as Error });
      },
    );
  }

  /** The run is aborted: every call in flight with a signal of its own is aborted too. */
  abort(reason: unknown): void {
    for (const job of this.#live) job.controller?.abort(reason);
  }

  /**
   * The run is over: no attempt starts or settles any more, and calls still in flight are
   * aborted. Returns whether there were any, for the run to abort its own signal as well.
   */
  close(): boolean {
    this.#closed = true;
    for (const timer of this.#retryTimers) this.#options.clock.clearTimeout(timer);
    this.#retryTimers.clear();
    for (const job of this.#live) {
      if (job.timer !== undefined) this.#options.clock.clearTimeout(job.timer);
      job.controller?.abort(new Error('The run is over; this call is no longer needed.'));
    }
    const callsInFlight = this.#live.size > 0;
    this.#live.clear();
    return callsInFlight;
  }

  #settle(job: Job, outcome: CallOutcome): void {
    if (job.settled || this.#closed) return;
    job.settled = true;
    this.#live.delete(job);
    if (job.timer !== undefined) {
      this.#options.clock.clearTimeout(job.timer);
      job.timer = undefined;
    }
    const { tool, batchId } = job;
    if (
      !outcome.ok &&
      tool.idempotent === true &&
      job.attempt <= this.#options.retry.maxRetries &&
      !(outcome.error instanceof WrongResultCount)
    ) {
      const { initialDelayMs, backoffFactor, maxDelayMs } = this.#options.retry;
      const delayMs = Math.min(maxDelayMs, initialDelayMs * backoffFactor ** (job.attempt - 1));
      for (const call of job.calls) {
        const event: ExecutionEvent = {
          type: 'step-retry',
          stepId: call.step.id,
          tool: tool.name,
          attempt: job.attempt,
          delayMs,
          error: outcome.error,
          atMs: this.#now(),
        };
        if (batchId !== undefined) event.batchId = batchId;
        this.#options.onEvent?.(event);
      }
      const timer = this.#options.clock.setTimeout(() => {
        this.#retryTimers.delete(timer);
        this.attempt(job);
      }, delayMs);
      this.#retryTimers.add(timer);
      return;
    }
    job.outcome = outcome;
    this.#onSettled(job);
  }
}
