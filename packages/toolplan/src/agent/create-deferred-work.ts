/**
 * Work that must happen, but not while a user waits: learning from a run (the plan cache's
 * generalisation, tracing, mining) after its answer is returned.
 *
 * States of a piece of work: queued (`defer`) → done, by whichever comes first — the background
 * turn scheduled when the queue became non-empty, or `flush()`, which a caller runs before
 * anything that must see the work done (the next query's look-up).
 */
export interface DeferredWork {
  defer(work: () => void): void;
  /** Runs every queued piece of work now, in order. */
  flush(): void;
  readonly pending: number;
}

export function createDeferredWork(): DeferredWork {
  const queue: Array<() => void> = [];
  let scheduled = false;
  const flush = () => {
    // A piece of work that throws must not strand the ones behind it or the caller.
    while (queue.length > 0) {
      const work = queue.shift() as () => void;
      try {
        work();
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  };
  return {
    get pending() {
      return queue.length;
    },
    flush,
    defer(work) {
      queue.push(work);
      if (scheduled) return;
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        flush();
      });
    },
  };
}
