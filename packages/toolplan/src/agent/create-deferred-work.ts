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

/** The process warning a background failure is reported as when nobody listens for it. */
export const BACKGROUND_ERROR_WARNING_CODE = 'TOOLPLAN_BACKGROUND_ERROR';

/**
 * Reports a failure of background work (learning, tracing) as a process warning: it must be
 * seen, but it happened after the answer was returned and must not take the process down.
 */
export function warnBackgroundError(error: unknown): void {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.emitWarning(`toolplan: background work failed: ${message}`, {
    code: BACKGROUND_ERROR_WARNING_CODE,
    ...(error instanceof Error && error.stack !== undefined ? { detail: error.stack } : {}),
  });
}

export function createDeferredWork(
  options: {
    /**
     * Hears each piece of work that threw.
     * @default `warnBackgroundError` (a process warning)
     */
    onError?: (error: unknown) => void;
  } = {},
): DeferredWork {
  const onError = options.onError ?? warnBackgroundError;
  const queue: Array<() => void> = [];
  let scheduled = false;
  const flush = () => {
    // A piece of work that throws must not strand the ones behind it or the caller, nor be
    // thrown into the process (a rejection nobody handles ends a Node process).
    while (queue.length > 0) {
      const work = queue.shift() as () => void;
      try {
        work();
      } catch (error) {
        try {
          onError(error);
        } catch {
          // A listener that throws is not allowed to take the process down either.
        }
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
