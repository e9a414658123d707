import type { ServerResponse } from 'node:http';
import type { StreamEvent } from './build-completion.js';
import { outputTokenDueMs, type LatencyPlan } from './latency-model.js';
import type { SimulatorClock } from './simulator-clock.js';

// Waits shorter than this are not worth a timer (Node's timers fire no sooner than ~1 ms anyway):
// events then go out a fraction of a millisecond early rather than drifting late.
const MIN_WAIT_MS = 1;

/** How a stream ended. */
export type StreamOutcome = 'complete' | 'cut' | 'aborted';

/**
 * Writes server-sent events as the simulated model generates them: each event waits until its
 * output token is due (measured from the request's arrival, so timer delays do not accumulate),
 * with every duration divided by `speed`. With `cutAfterChunks`, the connection is destroyed
 * after that many events.
 */
export async function writeEventStream(options: {
  response: ServerResponse;
  events: readonly StreamEvent[];
  latency: LatencyPlan;
  speed: number;
  clock: SimulatorClock;
  startedAt: number;
  signal: AbortSignal;
  cutAfterChunks?: number;
  /**
   * Told, for each event written, how late it went out against its schedule (ms, 0 when on
   * time): a starved host shows here first, so the bench can say its figures are unreliable.
   */
  onLate?: (lateMs: number) => void;
}): Promise<StreamOutcome> {
  const { response, events, latency, speed, clock, startedAt, signal, cutAfterChunks, onLate } =
    options;
  let written = 0;
  let flushed: Promise<void> = Promise.resolve();
  for (const event of events) {
    if (cutAfterChunks !== undefined && written >= cutAfterChunks) {
      // Destroying at once would discard chunks still buffered: the client must receive the
      // chunks before the cut, then see the connection drop.
      await flushed;
      response.destroy();
      return 'cut';
    }
    const due =
      event.atArrival === true
        ? startedAt
        : startedAt + outputTokenDueMs(latency, event.outputTokens) / speed;
    const wait = due - clock.now();
    if (wait >= MIN_WAIT_MS) {
      try {
        await clock.sleep(wait, signal);
      } catch {
        return 'aborted';
      }
    }
    if (signal.aborted || response.destroyed) return 'aborted';
    // An acknowledgement due at arrival is always "late" by the time the request took to read
    // and count: that says nothing about the host, so only token-paced events report lateness.
    if (event.atArrival !== true) onLate?.(Math.max(0, clock.now() - due));
    flushed = new Promise((resolve) => {
      const name = event.event === undefined ? '' : `event: ${event.event}\n`;
      response.write(`${name}data: ${event.data}\n\n`, () => resolve());
    });
    written += 1;
  }
  response.end();
  return 'complete';
}
