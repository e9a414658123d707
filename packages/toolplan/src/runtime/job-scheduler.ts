import type { Call } from './call.js';
import type { TimerHandle } from './clock.js';
import type { ResolvedExecuteOptions } from './execute-plan-options.js';
import { newJob, type Job } from './job.js';
import type { JobRunner } from './job-runner.js';
import type { BatchRecord } from './run-result.js';
import type { StepState } from './step-state.js';

/**
 * Turns ready calls into jobs and starts them within the concurrency limits. Its part of a
 * job's life (job.ts):
 *
 *     open ──(starts / full)──► running (handed to `JobRunner`)
 *       └─(batchWindowMs)─► queued
 *
 * A job needs a global slot (`maxConcurrency`) and a slot of its tool (`concurrency`); a job
 * that finds its tool full waits in that tool's line, which is served first when a job of the
 * tool ends, so that it does not lose its place to jobs queued after it.
 *
 * Batching (tools with `batch`): a ready call joins its tool's open job instead of making a new
 * one, so the calls that become ready in one scheduling turn (one synchronous pass ending in
 * `pump`) share one job; a job stays open while it waits for a slot or for `batchWindowMs`, and
 * closes when it starts or holds `maxBatchSize` calls. A job of several calls is one
 * `batch(inputs)` request: it holds one global slot and one slot of its tool. A lone call goes
 * through `execute`.
 *
 * We schedule by hand rather than through p-queue: the scheduler is toolplan's core, its
 * per-step overhead is a benchmark target (≤ 10 µs), and it needs per-tool lines and open
 * batches that a queue library would only wrap.
 */
export class JobScheduler {
  readonly #options: ResolvedExecuteOptions;
  readonly #runner: JobRunner;
  readonly #now: () => number;
  readonly #markStarted: (step: StepState, batchId: string | undefined) => void;
  readonly #queue: Job[] = [];
  #queueHead = 0;
  /** Jobs whose tool had no free slot, served first once it has. */
  readonly #toolLines = new Map<string, Job[]>();
  readonly #resumed: Job[] = [];
  readonly #toolRunning = new Map<string, number>();
  /** Each batch tool's open job, which ready calls join. */
  readonly #forming = new Map<string, Job>();
  readonly #windowTimers = new Set<TimerHandle>();
  #running = 0;
  #closed = false;
  /** The batch requests started so far, for the run's timeline (`RunResult.batches`). */
  readonly batches: BatchRecord[] = [];

  constructor(options: {
    options: ResolvedExecuteOptions;
    runner: JobRunner;
    /** Milliseconds since the run started. */
    now: () => number;
    /** A call of the step goes out now, in the batch named (if any). */
    markStarted: (step: StepState, batchId: string | undefined) => void;
  }) {
    this.#options = options.options;
    this.#runner = options.runner;
    this.#now = options.now;
    this.#markStarted = options.markStarted;
  }

  /**
   * Makes the call into a job, or adds it to its batch tool's open job. Nothing starts until
   * `pump`, which is what lets calls made ready in the same turn share a batch.
   */
  submit(call: Call): void {
    const tool = call.step.tool;
    if (tool.batch === undefined) {
      this.#queue.push(newJob(tool, call));
      return;
    }
    let job = this.#forming.get(tool.name);
    if (job === undefined) {
      const opened = newJob(tool, call);
      opened.open = true;
      job = opened;
      this.#forming.set(tool.name, job);
      const windowMs = this.#options.batchWindowMs;
      if (windowMs > 0) {
        const timer = this.#options.clock.setTimeout(() => {
          this.#windowTimers.delete(timer);
          opened.window = undefined;
          this.#queue.push(opened);
          this.pump();
        }, windowMs);
        this.#windowTimers.add(timer);
        job.window = timer;
      } else this.#queue.push(job);
    } else job.calls.push(call);
    if (job.calls.length >= (tool.maxBatchSize ?? this.#options.maxBatchSize)) {
      this.#closeBatch(job);
      if (job.window !== undefined) {
        this.#options.clock.clearTimeout(job.window);
        this.#windowTimers.delete(job.window);
        job.window = undefined;
        this.#queue.push(job);
      }
    }
  }

  /** Starts queued jobs while there are free slots: resumed lines first, then the queue. */
  pump(): void {
    if (this.#closed) return;
    const max = this.#options.maxConcurrency;
    while (this.#running < max && this.#resumed.length > 0)
      this.#startJob(this.#resumed.shift() as Job);
    while (this.#running < max && this.#queueHead < this.#queue.length) {
      const job = this.#queue[this.#queueHead] as Job;
      this.#queueHead += 1;
      const limit = job.tool.concurrency;
      if (limit !== undefined && (this.#toolRunning.get(job.tool.name) ?? 0) >= limit) {
        const line = this.#toolLines.get(job.tool.name);
        if (line === undefined) this.#toolLines.set(job.tool.name, [job]);
        else line.push(job);
        continue;
      }
      this.#startJob(job);
    }
    // Compacted rarely and by half at least, so that a long run's queue stays amortized O(1).
    if (this.#queueHead > 1024 && this.#queueHead * 2 > this.#queue.length) {
      this.#queue.splice(0, this.#queueHead);
      this.#queueHead = 0;
    }
  }

  /**
   * The job has settled for good: frees its slots (its tool's line moves up, started by the
   * next `pump`) and closes its batch record.
   */
  finish(job: Job): void {
    this.#running -= 1;
    const name = job.tool.name;
    this.#toolRunning.set(name, (this.#toolRunning.get(name) ?? 1) - 1);
    const line = this.#toolLines.get(name);
    if (line !== undefined && line.length > 0) this.#resumed.push(line.shift() as Job);
    if (job.record !== undefined) {
      job.record.endMs = this.#now();
      job.record.attempts = job.attempt;
    }
  }

  /** The run is over: nothing starts any more, and open batches never go out. */
  close(): void {
    this.#closed = true;
    for (const timer of this.#windowTimers) this.#options.clock.clearTimeout(timer);
    this.#windowTimers.clear();
  }

  #closeBatch(job: Job): void {
    if (!job.open) return;
    job.open = false;
    if (this.#forming.get(job.tool.name) === job) this.#forming.delete(job.tool.name);
  }

  #startJob(job: Job): void {
    this.#running += 1;
    const name = job.tool.name;
    this.#toolRunning.set(name, (this.#toolRunning.get(name) ?? 0) + 1);
    this.#closeBatch(job);
    const { calls } = job;
    if (calls.length > 1) {
      const startMs = this.#now();
      job.batchId = `b${this.batches.length + 1}`;
      job.record = {
        id: job.batchId,
        tool: name,
        calls: calls.map((call) =>
          call.index === undefined
            ? { stepId: call.step.id }
            : { stepId: call.step.id, index: call.index },
        ),
        stepIds: [...new Set(calls.map((call) => call.step.id))],
        startMs,
        endMs: startMs,
        attempts: 0,
      };
      this.batches.push(job.record);
    }
    for (const call of calls) this.#markStarted(call.step, job.batchId);
    this.#runner.attempt(job);
  }
}
