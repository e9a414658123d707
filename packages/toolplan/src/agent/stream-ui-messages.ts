import type { UIMessageChunk } from 'ai';
import type { UIMessageChunkMapper } from './create-ui-message-chunk-mapper.js';
import type { AgentEvent } from './run-optimized.js';

export interface StreamUIMessagesOptions {
  /**
   * Starts the run with `signal` and yields its events; leaving it early ends the run and
   * waits for it (as `agent.stream()` does).
   */
  events: (signal: AbortSignal) => AsyncGenerator<AgentEvent, void, undefined>;
  mapper: UIMessageChunkMapper;
  /** The caller's: its abort ends the stream with `abort`. @default none */
  signal: AbortSignal | undefined;
  /** The text of the `error` chunk of a failed run; if it throws, the stream errors. */
  onError: (error: unknown) => string;
}

/**
 * A run as a stream of UI message chunks. It is returned at once; the run starts when the first
 * chunk after `start` is read, and a failure is an `error` chunk, never a throw. Cancelling the
 * stream (the client went away: a `Response` body is cancelled) aborts the run, and the
 * cancellation settles only once the run has stopped, so no tool call outlives it.
 */
export function streamUIMessages(options: StreamUIMessagesOptions): ReadableStream<UIMessageChunk> {
  const { mapper, signal, onError } = options;
  // The run's own signal: the caller's abort, or this stream's cancellation. A cancellation
  // cannot go through the events' `return()` alone: it waits for the pending event, which a
  // slow tool may hold back indefinitely.
  const controller = new AbortController();
  const forward = () => controller.abort(signal?.reason);
  if (signal?.aborted === true) forward();
  else signal?.addEventListener('abort', forward, { once: true });
  const release = () => signal?.removeEventListener('abort', forward);
  let events: AsyncGenerator<AgentEvent, void, undefined> | undefined;
  // Once cancelled, what a pending read brings back has nowhere to go.
  let cancelled = false;

  return new ReadableStream<UIMessageChunk>({
    start(stream) {
      for (const chunk of mapper.start()) stream.enqueue(chunk);
    },
    async pull(stream) {
      events ??= options.events(controller.signal);
      for (;;) {
        let next: IteratorResult<AgentEvent, void>;
        try {
          next = await events.next();
        } catch (error) {
          release();
          if (cancelled) return;
          const chunks =
            signal?.aborted === true
              ? mapper.abort(reasonText(signal.reason))
              : mapper.fail(onError(error));
          for (const chunk of chunks) stream.enqueue(chunk);
          stream.close();
          return;
        }
        if (cancelled) return;
        if (next.done === true) {
          release();
          stream.close();
          return;
        }
        const chunks = mapper.map(next.value);
        if (chunks.length > 0) {
          for (const chunk of chunks) stream.enqueue(chunk);
          return;
        }
      }
    },
    async cancel(reason) {
      cancelled = true;
      release();
      controller.abort(reason ?? new Error('The UI message stream was cancelled'));
      await events?.return(undefined);
    },
  });
}

function reasonText(reason: unknown): string | undefined {
  if (reason instanceof Error) return reason.message;
  return typeof reason === 'string' ? reason : undefined;
}
