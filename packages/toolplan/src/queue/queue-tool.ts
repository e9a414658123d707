import type { Tool, ToolExecutionContext } from '../tools/index.js';
import {
  FORGET_QUEUED_SCRIPT,
  isFinal,
  parseIdempotencyRecord,
  queueKeys,
  type IdempotencyRecord,
} from './idempotency-record.js';
import { createQueueClient, type QueueClient, type QueueConnections } from './queue-client.js';
import { queueJobId } from './queue-job-id.js';
import {
  positiveInteger,
  resolveQueueLocation,
  type QueueLocationOptions,
  type ResolvedQueueLocation,
} from './queue-options.js';
import { QueuedCallError } from './queued-call-error.js';
import type { ToolJobData } from './tool-job-data.js';
import { WorkerDiedError } from './worker-died-error.js';

export interface QueueToolOptions extends QueueLocationOptions {
  /**
   * Longest a call may run on its worker (ms), after which the worker aborts its signal and fails
   * it. The agent side stops waiting earlier when the run's own time-out or signal says so.
   * @default the tool's `timeoutMs` (none when it has none)
   */
  jobTimeoutMs?: number;
  /**
   * How long (ms) BullMQ keeps a finished job; the idempotency record (`idempotencyTtlMs`) must
   * outlast it.
   * @default 3_600_000 (one hour)
   */
  keepJobsMs?: number;
}

/** A tool whose calls run on workers; `close()` ends its Redis connections. */
export interface QueuedTool<Input = unknown, Output = unknown> extends Tool<Input, Output> {
  close(): Promise<void>;
}

const QUEUE_TOOL_KEYS = [
  'connection',
  'queueName',
  'prefix',
  'idempotencyTtlMs',
  'connectTimeoutMs',
  'jobTimeoutMs',
  'keepJobsMs',
];

/** Tools queued together, sharing their connections; `close()` ends them. */
export interface QueuedTools {
  readonly tools: Tool[];
  close(): Promise<void>;
}

/**
 * The tool with its calls run by workers (`startToolWorker`) through a BullMQ queue on Redis:
 * same name, schemas and annotations; its `execute` enqueues a job and waits for its outcome.
 *
 * Delivery is at least once, made safe by the call's idempotency key (run id + step id, + item
 * index), which names the job. For a tool with side effects, a record kept in Redis longer than
 * BullMQ keeps jobs means one key is run once: a repeat (the same run retried after its process
 * died) is given the recorded outcome, or waits for the job in flight. A call whose worker dies
 * mid-job is run again by another worker only when the tool is `readOnly` or `idempotent`;
 * otherwise it fails with a {@link WorkerDiedError}, never silently dropped or repeated.
 *
 * Inputs and results cross the queue as JSON: a result that is not plain JSON (a `Date`, a
 * `Map`, `undefined` inside an array) arrives as its JSON form; a failure arrives as a
 * {@link QueuedCallError} carrying the worker's error name and message. Cancelling the run (or
 * its time-out) aborts the call's signal on the worker. Batching (`batch`) is not carried over:
 * each call is a job.
 */
export function queueTool<Input, Output>(
  tool: Tool<Input, Output>,
  options: QueueToolOptions,
): QueuedTool<Input, Output> {
  const queued = queueTools([tool as Tool], options);
  return { ...(queued.tools[0] as Tool<Input, Output>), close: () => queued.close() };
}

/**
 * {@link queueTool} for several tools at once, sharing one set of connections (three, however
 * many tools): what an agent with many queued tools should use.
 */
export function queueTools(tools: readonly Tool[], options: QueueToolOptions): QueuedTools {
  if (!Array.isArray(tools) || tools.length === 0) {
    throw new TypeError(`Expected \`tools\` to be a non-empty array of tools`);
  }
  const names = tools.map((tool) => tool.name);
  const of = names.length === 1 ? `queueTool('${names[0]}')` : `queueTools([${names.join(', ')}])`;
  const location = resolveQueueLocation({
    of,
    given: options as unknown as Record<string, unknown>,
    known: QUEUE_TOOL_KEYS,
  });
  const keepJobsMs = positiveInteger('keepJobsMs', options.keepJobsMs, 3_600_000);
  if (options.jobTimeoutMs !== undefined) positiveInteger('jobTimeoutMs', options.jobTimeoutMs, 1);
  if (location.idempotencyTtlMs <= keepJobsMs) {
    throw new TypeError(
      `Expected \`idempotencyTtlMs\` (${location.idempotencyTtlMs}) to be longer than \`keepJobsMs\` (${keepJobsMs}): a repeat must never find neither the job nor its record`,
    );
  }
  const client = createQueueClient(location, of);
  return {
    tools: tools.map((tool) =>
      toQueuedTool(tool, {
        client,
        location,
        keepJobsMs,
        jobTimeoutMs: options.jobTimeoutMs ?? tool.timeoutMs,
      }),
    ),
    close: () => client.close(),
  };
}

function toQueuedTool(
  tool: Tool,
  shared: {
    client: QueueClient;
    location: ResolvedQueueLocation;
    keepJobsMs: number;
    jobTimeoutMs: number | undefined;
  },
): Tool {
  const { client, location, keepJobsMs, jobTimeoutMs } = shared;
  const keys = queueKeys(location.prefix, location.queueName);
  const repeatable = tool.readOnly === true || tool.idempotent === true;

  /** The call's outcome from its record, as the tool's own call would give it. */
  const settle = (
    record: Extract<IdempotencyRecord, { state: 'done' | 'failed' }>,
    key: string,
  ): unknown => {
    if (record.state === 'done') return record.value;
    if (record.error.name === 'WorkerDiedError') {
      throw new WorkerDiedError({ toolName: tool.name, idempotencyKey: key });
    }
    throw new QueuedCallError({
      toolName: tool.name,
      idempotencyKey: key,
      remoteName: record.error.name,
      reason: record.error.message,
    });
  };

  /** Stops the call: off the queue if it has not started, else its worker is told to abort it. */
  const cancel = async ({ redis, queue }: QueueConnections, jobId: string): Promise<void> => {
    await redis.set(keys.cancelled(jobId), '1', 'PX', location.idempotencyTtlMs);
    if ((await queue.remove(jobId)) === 1) {
      await redis.eval(FORGET_QUEUED_SCRIPT, 1, keys.record(jobId));
      return;
    }
    await redis.publish(keys.cancelChannel, jobId);
  };

  const execute = async (input: unknown, context: ToolExecutionContext): Promise<unknown> => {
    const { signal, idempotencyKey: key } = context;
    signal.throwIfAborted();
    const connections = await client.connect();
    const { redis, queue, events } = connections;
    signal.throwIfAborted();
    const jobId = queueJobId(key, repeatable ? context.attempt : undefined);
    const recordKey = keys.record(jobId);
    const created = await redis.set(
      recordKey,
      '{"state":"queued"}',
      'PX',
      location.idempotencyTtlMs,
      'NX',
    );
    if (created === null) {
      const record = parseIdempotencyRecord(await redis.get(recordKey));
      if (isFinal(record)) return settle(record, key);
    }
    // A cancel flag of an earlier, cancelled try of the same key must not cancel this one.
    await redis.set(keys.cancelled(jobId), '0', 'PX', location.idempotencyTtlMs);
    const data: ToolJobData = {
      input,
      runId: context.runId,
      stepId: context.stepId,
      idempotencyKey: key,
      attempt: context.attempt,
      ...(context.index === undefined ? {} : { index: context.index }),
      ...(jobTimeoutMs === undefined ? {} : { timeoutMs: jobTimeoutMs }),
    };
    // An id BullMQ holds already (the same key in flight) adds nothing: the call joins that job.
    const job = await queue.add(tool.name, data, {
      jobId,
      attempts: 1,
      removeOnComplete: { age: Math.ceil(keepJobsMs / 1000) },
      removeOnFail: { age: Math.ceil(keepJobsMs / 1000) },
    });
    const finished = await new Promise<
      { ok: true; value: unknown } | { ok: false; reason: string }
    >((resolve, reject) => {
      const onAbort = () => {
        cancel(connections, jobId).catch(() => {});
        reject(signal.reason as Error);
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      job.waitUntilFinished(events).then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve({ ok: true, value });
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          resolve({ ok: false, reason: error instanceof Error ? error.message : String(error) });
        },
      );
    });
    // The worker writes the record before it finishes the job; BullMQ's own word is used only
    // where no record says more (a job BullMQ failed itself: stalled too often).
    const record = parseIdempotencyRecord(await redis.get(recordKey));
    if (isFinal(record)) return settle(record, key);
    if (finished.ok) return finished.value;
    throw new QueuedCallError({
      toolName: tool.name,
      idempotencyKey: key,
      remoteName: 'Error',
      reason: finished.reason,
    });
  };

  const {
    execute: _execute,
    batch: _batch,
    exposeBatch: _expose,
    maxBatchSize: _max,
    ...rest
  } = tool;
  return { ...rest, execute };
}
