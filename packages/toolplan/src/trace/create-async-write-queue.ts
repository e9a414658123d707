import type { TraceRun } from './trace-record.js';
import type { ResolvedTraceStoreOptions } from './trace-store-options.js';
import { TraceStoreError } from './trace-store-error.js';

export interface AsyncWriteQueue {
  /** O(1): appends (or drops past `maxPending`, reported), and arms the timer. */
  push(run: TraceRun): void;
  /**
   * Writes everything queued now as one batch, after the writes already under way; resolves when
   * every run recorded before the call is written, rejects when this call's batch failed.
   */
  flush(): Promise<void>;
  /** Refuses further pushes, then flushes. */
  close(): Promise<void>;
  readonly closed: boolean;
  /** Runs recorded and not yet written: queued plus the batch being written. */
  readonly pending: number;
}

export type AsyncWriteQueueOptions = Omit<ResolvedTraceStoreOptions, 'path' | 'busyTimeoutMs'> & {
  /** Most runs held (queued and being written) before new ones are dropped. */
  maxPending: number;
};

/**
 * The write-behind queue for a store whose writes are asynchronous (a database over the network):
 * the same batching as `createWriteQueue`, with writes one at a time so that a run recorded
 * again is written after its earlier record, and a bound on memory when the database is slower
 * than the runs arrive or away.
 */
export function createAsyncWriteQueue(
  options: AsyncWriteQueueOptions,
  write: (runs: readonly TraceRun[]) => Promise<void>,
): AsyncWriteQueue {
  let queue: TraceRun[] = [];
  let writing = 0;
  let tail: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let immediate: NodeJS.Immediate | undefined;
  let closed = false;
  let dropped = 0;

  const disarm = () => {
    if (timer !== undefined) clearTimeout(timer);
    if (immediate !== undefined) clearImmediate(immediate);
    timer = undefined;
    immediate = undefined;
  };
  const writeQueued = async () => {
    // Taken when its turn comes, not when asked: runs that arrived during the previous write
    // join this batch.
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    writing = batch.length;
    const started = performance.now();
    try {
      await write(batch);
    } catch (cause) {
      const count = batch.length;
      throw new TraceStoreError({
        message: `Could not write ${count} trace run${count === 1 ? '' : 's'}; they were dropped: ${(cause as Error).message}`,
        cause,
      });
    } finally {
      writing = 0;
    }
    options.onFlush?.({ runs: batch.length, durationMs: performance.now() - started });
  };
  const flush = () => {
    disarm();
    const turn = tail.then(writeQueued);
    // The chain goes on whether this batch failed or not; the failure is the caller's.
    tail = turn.catch(() => undefined);
    return turn;
  };
  const flushInBackground = () => {
    flush().catch((error: unknown) => options.onError(error as TraceStoreError));
  };

  return {
    push(run) {
      if (closed) throw new TraceStoreError({ message: 'The trace store is closed' });
      if (queue.length + writing >= options.maxPending) {
        // Reported once per episode, when it starts, not once per run.
        if (dropped === 0) {
          options.onError(
            new TraceStoreError({
              message: `The trace queue is full (${options.maxPending} runs waiting for the database); new runs are dropped until it drains`,
            }),
          );
        }
        dropped += 1;
        return;
      }
      if (dropped > 0) {
        options.onError(
          new TraceStoreError({
            message: `Dropped ${dropped} trace run${dropped === 1 ? '' : 's'} while the trace queue was full`,
          }),
        );
        dropped = 0;
      }
      queue.push(run);
      if (queue.length >= options.maxQueue) {
        if (immediate === undefined) immediate = setImmediate(flushInBackground).unref();
      } else if (timer === undefined) {
        timer = setTimeout(flushInBackground, options.flushIntervalMs).unref();
      }
    },
    async flush() {
      await flush();
      await tail;
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await flush();
      } finally {
        disarm();
        await tail;
      }
    },
    get closed() {
      return closed;
    },
    get pending() {
      return queue.length + writing;
    },
  };
}
