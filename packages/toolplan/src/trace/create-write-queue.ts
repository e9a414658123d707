import type { TraceRun } from './trace-record.js';
import type { ResolvedTraceStoreOptions } from './trace-store-options.js';
import { TraceStoreError } from './trace-store-error.js';

export interface WriteQueue {
  /** O(1): appends, and arms the timer (or an immediate flush at `maxQueue`). */
  push(run: TraceRun): void;
  /** Writes everything queued now; throws what the write threw. */
  flush(): void;
  /** Flushes and stops; later pushes throw. */
  close(): void;
  readonly closed: boolean;
}

/**
 * The write-behind queue every store shares: runs are written in batches, one transaction each,
 * away from the run that recorded them. With `flushOnExit`, whatever is still queued when the
 * process exits is written by a synchronous `exit` listener; a crash (SIGKILL) loses at most the
 * queue, never a written run.
 */
export function createWriteQueue(
  options: Omit<ResolvedTraceStoreOptions, 'path' | 'busyTimeoutMs'>,
  write: (runs: readonly TraceRun[]) => void,
  { flushOnExit = true }: { flushOnExit?: boolean } = {},
): WriteQueue {
  let queue: TraceRun[] = [];
  let timer: NodeJS.Timeout | undefined;
  let immediate: NodeJS.Immediate | undefined;
  let closed = false;

  const disarm = () => {
    if (timer !== undefined) clearTimeout(timer);
    if (immediate !== undefined) clearImmediate(immediate);
    timer = undefined;
    immediate = undefined;
  };
  const flush = () => {
    disarm();
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    const started = performance.now();
    try {
      write(batch);
    } catch (cause) {
      // Dropped, not re-queued: a batch that failed once (a full disk, a bad row) would fail
      // again and hold memory for good.
      const count = batch.length;
      throw new TraceStoreError({
        message: `Could not write ${count} trace run${count === 1 ? '' : 's'}; they were dropped: ${(cause as Error).message}`,
        cause,
      });
    }
    options.onFlush?.({ runs: batch.length, durationMs: performance.now() - started });
  };
  // Background writes report their failure instead of throwing into whatever ran the timer.
  const flushInBackground = () => {
    try {
      flush();
    } catch (error) {
      options.onError(error as TraceStoreError);
    }
  };
  const onExit = () => flushInBackground();
  if (flushOnExit) process.on('exit', onExit);

  return {
    push(run) {
      if (closed) throw new TraceStoreError({ message: 'The trace store is closed' });
      queue.push(run);
      if (queue.length >= options.maxQueue) {
        if (immediate === undefined) immediate = setImmediate(flushInBackground).unref();
      } else if (timer === undefined) {
        timer = setTimeout(flushInBackground, options.flushIntervalMs).unref();
      }
    },
    flush,
    close() {
      if (closed) return;
      try {
        flush();
      } finally {
        closed = true;
        disarm();
        process.off('exit', onExit);
      }
    },
    get closed() {
      return closed;
    },
  };
}
