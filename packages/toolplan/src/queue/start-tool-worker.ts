import type { Tool, ToolExecutionContext } from '../tools/index.js';
import { parseIdempotencyRecord, queueKeys, START_SCRIPT } from './idempotency-record.js';
import { loadQueuePackages, type BullJob } from './load-queue-packages.js';
import {
  positiveInteger,
  resolveQueueLocation,
  type QueueLocationOptions,
} from './queue-options.js';
import type { ToolJobData } from './tool-job-data.js';
import { whenReady } from './when-ready.js';
import { WORKER_DIED_REASON } from './worker-died-error.js';

export interface ToolWorkerOptions extends QueueLocationOptions {
  /**
   * The tools this worker runs, by name: the real ones, whose queued forms the agent side has.
   * Every worker of a queue takes any of its jobs, so each must have every tool queued on it;
   * tools that run on other machines go through a queue of their own (`queueName`).
   */
  tools: readonly Tool[];
  /**
   * Most calls this worker runs at once.
   * @default 1
   */
  concurrency?: number;
  /**
   * How long (ms) a job stays locked to this worker without the worker renewing the lock; a
   * worker that died is noticed this long after (BullMQ's `lockDuration`).
   * @default 30_000
   */
  lockDurationMs?: number;
  /** How often (ms) this worker looks for jobs whose worker died (BullMQ's `stalledInterval`). @default 30_000 */
  stalledIntervalMs?: number;
}

/** A running worker; `close()` lets its calls in flight finish, then ends its connections. */
export interface ToolWorker {
  close(): Promise<void>;
}

const TOOL_WORKER_KEYS = [
  'connection',
  'queueName',
  'prefix',
  'idempotencyTtlMs',
  'connectTimeoutMs',
  'tools',
  'concurrency',
  'lockDurationMs',
  'stalledIntervalMs',
  'connectTimeoutMs',
];

/** Why the worker aborted a call's signal. */
class CallStopped extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AbortError';
  }
}

/**
 * Runs the calls of queued tools (`queueTool`) taken from the queue: each with the real tool's
 * `execute` and a context like the runtime's (signal, run id, step id, attempt, idempotency key).
 * The signal is aborted when the caller cancels the call or the call outlives its time-out.
 *
 * A job whose worker died is taken up again (BullMQ's stalled-job check, once); it runs again
 * only for a `readOnly` or `idempotent` tool. For any other tool the call's record says it
 * started already, and the job fails with "worker died mid-job; not retried: tool has side
 * effects": the side effect may or may not have happened, so it is reported, never repeated.
 */
export async function startToolWorker(options: ToolWorkerOptions): Promise<ToolWorker> {
  const location = resolveQueueLocation({
    of: 'startToolWorker',
    given: options as unknown as Record<string, unknown>,
    known: TOOL_WORKER_KEYS,
  });
  if (!Array.isArray(options.tools) || options.tools.length === 0) {
    throw new TypeError(`Expected \`tools\` to be a non-empty array of tools`);
  }
  const tools = new Map<string, Tool>();
  for (const tool of options.tools) {
    if (tools.has(tool.name)) throw new TypeError(`Two tools are named \`${tool.name}\``);
    tools.set(tool.name, tool);
  }
  const concurrency = positiveInteger('concurrency', options.concurrency, 1);
  const lockDuration = positiveInteger('lockDurationMs', options.lockDurationMs, 30_000);
  const stalledInterval = positiveInteger('stalledIntervalMs', options.stalledIntervalMs, 30_000);
  const ttl = location.idempotencyTtlMs;
  const keys = queueKeys(location.prefix, location.queueName);

  const packages = await loadQueuePackages('startToolWorker');
  const redis = packages.createRedis(location.redis);
  const subscriber = packages.createRedis(location.redis);
  redis.on('error', () => {});
  subscriber.on('error', () => {});
  /** The calls running here, by job id: what a cancellation aborts. */
  const running = new Map<string, AbortController>();
  subscriber.on('message', (_channel, jobId) => {
    running.get(jobId)?.abort(new CallStopped('The call was cancelled by its caller.'));
  });
  try {
    await Promise.all([
      whenReady(redis, location.redis, location.connectTimeoutMs),
      whenReady(subscriber, location.redis, location.connectTimeoutMs),
    ]);
    await subscriber.subscribe(keys.cancelChannel);
  } catch (error) {
    // Redis unreachable: nothing of the worker may stay open behind the failure.
    subscriber.disconnect();
    redis.disconnect();
    throw error;
  }

  const record = (jobId: string, value: object) =>
    redis.set(keys.record(jobId), JSON.stringify(value), 'PX', ttl);

  const processJob = async (job: BullJob, _token?: string, bullSignal?: AbortSignal) => {
    const jobId = job.id as string;
    const tool = tools.get(job.name);
    if (tool === undefined) {
      const message = `This worker has no tool \`${job.name}\` (it has ${[...tools.keys()].join(', ')}).`;
      await record(jobId, { state: 'failed', error: { name: 'Error', message } });
      throw new Error(message);
    }
    const data = job.data as ToolJobData;
    const repeatable = tool.readOnly === true || tool.idempotent === true;
    const prior = parseIdempotencyRecord(
      (await redis.eval(START_SCRIPT, 1, keys.record(jobId), repeatable ? '1' : '0', ttl)) as
        string | null,
    );
    if (prior?.state === 'started') {
      await record(jobId, {
        state: 'failed',
        error: { name: 'WorkerDiedError', message: WORKER_DIED_REASON },
      });
      throw new Error(WORKER_DIED_REASON);
    }
    if (prior?.state === 'done') return prior.value;
    if (prior?.state === 'failed') throw new Error(prior.error.message);

    const controller = new AbortController();
    running.set(jobId, controller);
    let timer: NodeJS.Timeout | undefined;
    const onBullAbort = () => controller.abort(bullSignal?.reason);
    try {
      // Registered before the flag is read, so a cancellation is seen whenever it came.
      if ((await redis.get(keys.cancelled(jobId))) === '1') {
        controller.abort(new CallStopped('The call was cancelled by its caller.'));
      }
      bullSignal?.addEventListener('abort', onBullAbort, { once: true });
      if (data.timeoutMs !== undefined) {
        const timeoutMs = data.timeoutMs;
        timer = setTimeout(
          () =>
            controller.abort(
              new CallStopped(`The call timed out after ${timeoutMs} ms on its worker.`),
            ),
          timeoutMs,
        );
      }
      const { signal } = controller;
      const context: ToolExecutionContext = {
        signal,
        abortSignal: signal,
        runId: data.runId,
        stepId: data.stepId,
        toolCallId: data.idempotencyKey,
        attempt: data.attempt,
        idempotencyKey: data.idempotencyKey,
        messages: [],
        ...(data.index === undefined ? {} : { index: data.index }),
      };
      const value = await new Promise<unknown>((resolve, reject) => {
        // A tool that ignores its signal still has its call end when the signal is aborted.
        const onAbort = () => reject(signal.reason as Error);
        if (signal.aborted) return onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        Promise.resolve()
          .then(() => tool.execute(data.input, context))
          .then(resolve, reject)
          .finally(() => signal.removeEventListener('abort', onAbort));
      });
      const serialized = JSON.stringify(
        value === undefined ? { state: 'done' } : { state: 'done', value },
      );
      await redis.set(keys.record(jobId), serialized, 'PX', ttl);
      return value;
    } catch (error) {
      const { name, message } =
        error instanceof Error ? error : { name: 'Error', message: String(error) };
      await record(jobId, { state: 'failed', error: { name, message } });
      throw error instanceof Error ? error : new Error(message);
    } finally {
      running.delete(jobId);
      if (timer !== undefined) clearTimeout(timer);
      bullSignal?.removeEventListener('abort', onBullAbort);
    }
  };

  const worker = packages.createWorker(location.queueName, processJob, {
    connection: { ...location.redis, maxRetriesPerRequest: null },
    prefix: location.prefix,
    concurrency,
    lockDuration,
    stalledInterval,
    maxStalledCount: 1,
  });
  worker.on('error', () => {});
  try {
    await worker.waitUntilReady();
  } catch (error) {
    await worker.close(true).catch(() => {});
    subscriber.disconnect();
    redis.disconnect();
    throw error;
  }
  return {
    async close() {
      await worker.close();
      await Promise.allSettled([subscriber.quit(), redis.quit()]);
    },
  };
}
