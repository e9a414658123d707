import type { Tool } from '../tools/index.js';
import type { Call } from './call.js';
import type { TimerHandle } from './clock.js';
import type { BatchRecord } from './run-result.js';
import type { CallOutcome } from './single-flight.js';

/**
 * What takes slots and is attempted: one call through `execute`, or several calls of a batch
 * tool through one `batch` request. Job states, and the module that moves each:
 *
 *     open ──(starts / full)──► running ──► settled ──► each call routed to its step
 *       └─(batchWindowMs)─► queued   └──(idempotent failure)──► retry wait ──► running
 *
 * `JobScheduler` (job-scheduler.ts) opens, queues and starts jobs; `JobRunner` (job-runner.ts)
 * attempts, times out, retries and settles them; `PlanRun` routes a settled job's calls. A job
 * of a tool without `batch` is never open: it is queued as soon as it is made.
 */
export interface Job {
  readonly tool: Tool;
  readonly calls: Call[];
  /** Set when it starts with more than one call (a batch of one goes through `execute`). */
  batchId: string | undefined;
  /** A batch tool's job takes more calls until it starts or is full. */
  open: boolean;
  /** The `batchWindowMs` timer that holds it back from the queue. */
  window: TimerHandle | undefined;
  attempt: number;
  /** Settled for the current attempt: a late result after a time-out is ignored. */
  settled: boolean;
  /** How it ended, once settled for good: for a batch, the array of results, or what failed it. */
  outcome: CallOutcome | undefined;
  controller: AbortController | undefined;
  timer: TimerHandle | undefined;
  /** Its entry in the run's timeline, once it has started as a batch. */
  record: BatchRecord | undefined;
}

export function newJob(tool: Tool, call: Call): Job {
  return {
    tool,
    calls: [call],
    batchId: undefined,
    open: false,
    window: undefined,
    attempt: 0,
    settled: false,
    outcome: undefined,
    controller: undefined,
    timer: undefined,
    record: undefined,
  };
}
