import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { StreamEvent } from './build-completion.js';
import { outputTokenDueMs, type LatencyPlan } from './latency-model.js';
import type { SimulatorClock } from './simulator-clock.js';
import { writeEventStream } from './write-event-stream.js';

/** A clock whose sleeps advance virtual time at once. */
function virtualClock(): SimulatorClock & { sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

/** Records when each event was written, on the given clock. */
function fakeResponse(clock: SimulatorClock) {
  const writes: Array<{ at: number; text: string }> = [];
  const response = {
    destroyed: false,
    ended: false,
    write(text: string, callback?: () => void) {
      writes.push({ at: clock.now(), text });
      callback?.();
      return true;
    },
    end() {
      this.ended = true;
    },
    destroy() {
      this.destroyed = true;
    },
  };
  return { response, writes };
}

const latency: LatencyPlan = {
  baseMs: 400,
  prefillMs: 100,
  timeToFirstTokenMs: 500,
  msPerOutputToken: 20,
};
const events: StreamEvent[] = [1, 1, 2, 3, 10, 10].map((outputTokens, index) => ({
  data: `e${index}`,
  outputTokens,
}));

describe('writeEventStream', () => {
  it('writes each event when its token is due, divided by speed', async () => {
    for (const speed of [1, 4]) {
      const clock = virtualClock();
      const { response, writes } = fakeResponse(clock);
      const outcome = await writeEventStream({
        response: response as unknown as ServerResponse,
        events,
        latency,
        speed,
        clock,
        startedAt: 0,
        signal: new AbortController().signal,
      });
      expect(outcome).toBe('complete');
      expect(response.ended).toBe(true);
      expect(writes.map((write) => write.text)).toEqual(
        events.map((event) => `data: ${event.data}\n\n`),
      );
      expect(writes.map((write) => write.at)).toEqual(
        events.map((event) => outputTokenDueMs(latency, event.outputTokens) / speed),
      );
    }
  });

  it('measures from the arrival of the request, so time already spent is not waited again', async () => {
    const clock = virtualClock();
    await clock.sleep(450, new AbortController().signal);
    const { response, writes } = fakeResponse(clock);
    await writeEventStream({
      response: response as unknown as ServerResponse,
      events,
      latency,
      speed: 1,
      clock,
      startedAt: 0,
      signal: new AbortController().signal,
    });
    expect(clock.sleeps[1]).toBe(50);
    expect(writes[0]?.at).toBe(500);
  });

  it('reports how late each event went out against its schedule', async () => {
    const clock = virtualClock();
    // A starved host: every timer fires 7 ms after it was due.
    const starved: SimulatorClock = {
      now: () => clock.now(),
      sleep: (ms, signal) => clock.sleep(ms + 7, signal),
    };
    const { response } = fakeResponse(clock);
    const late: number[] = [];
    await writeEventStream({
      response: response as unknown as ServerResponse,
      events,
      latency,
      speed: 1,
      clock: starved,
      startedAt: 0,
      signal: new AbortController().signal,
      onLate: (ms) => late.push(ms),
    });
    // Events due at the same time as the one before go out at once, as late as it was.
    expect(late).toEqual(events.map(() => 7));
  });

  it('destroys the connection after `cutAfterChunks` events', async () => {
    const clock = virtualClock();
    const { response, writes } = fakeResponse(clock);
    const outcome = await writeEventStream({
      response: response as unknown as ServerResponse,
      events,
      latency,
      speed: 1,
      clock,
      startedAt: 0,
      signal: new AbortController().signal,
      cutAfterChunks: 2,
    });
    expect(outcome).toBe('cut');
    expect(writes).toHaveLength(2);
    expect(response.destroyed).toBe(true);
    expect(response.ended).toBe(false);
  });

  it('stops when the client goes away during a wait', async () => {
    const controller = new AbortController();
    const clock: SimulatorClock = {
      now: () => 0,
      sleep: async () => {
        controller.abort();
        throw new Error('aborted');
      },
    };
    const { response, writes } = fakeResponse(clock);
    const outcome = await writeEventStream({
      response: response as unknown as ServerResponse,
      events,
      latency,
      speed: 1,
      clock,
      startedAt: 0,
      signal: controller.signal,
    });
    expect(outcome).toBe('aborted');
    expect(writes).toHaveLength(0);
  });

  it('names named events, and writes acknowledgements at arrival without reporting lateness', async () => {
    const clock = virtualClock();
    const { response, writes } = fakeResponse(clock);
    const late: number[] = [];
    await writeEventStream({
      response: response as unknown as ServerResponse,
      events: [
        { event: 'response.created', data: 'a', outputTokens: 1, atArrival: true },
        { event: 'response.output_text.delta', data: 'b', outputTokens: 1 },
      ],
      latency,
      speed: 1,
      clock,
      startedAt: -50,
      signal: new AbortController().signal,
      onLate: (lateMs) => late.push(lateMs),
    });
    expect(writes).toEqual([
      { at: 0, text: 'event: response.created\ndata: a\n\n' },
      { at: 450, text: 'event: response.output_text.delta\ndata: b\n\n' },
    ]);
    expect(late).toEqual([0]);
  });
});
