import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Replays recorded provider streams over real HTTP, so that the AI SDK providers read them through
 * their own `fetch`, headers, SSE parser and chunk schemas — exactly as they read a live provider.
 */

/** A recording in the repository's `data/provider-streams/` (copied there with its licence). */
export function readRecording(file: string): string {
  return readFileSync(
    new URL(`../../../../data/provider-streams/${file}`, import.meta.url),
    'utf8',
  );
}

/**
 * The events of a raw `.sse` recording as they were sent, each with its blank line: joined, they
 * give back the file byte for byte (its `data: [DONE]` included).
 */
export function sseEvents(text: string): string[] {
  return text.split(/(?<=\n\n)/).filter((event) => event.length > 0);
}

/** The lines of a `*.chunks.txt` recording: one event's JSON each (the files end without `\n`). */
export function chunkLines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

/**
 * Chat Completions chunks on the wire: `data: <chunk>` each, then `data: [DONE]`. OpenAI (and the
 * OpenAI-compatible servers) end every stream with `[DONE]` — the raw `.sse` recording does — but
 * the `*.chunks.txt` recordings store the JSON chunks only, so the terminator is added back here
 * (as the vercel/ai tests that made the recordings do when they replay them).
 */
export function chatCompletionEvents(lines: readonly string[]): string[] {
  return [...lines.map((line) => `data: ${line}\n\n`), 'data: [DONE]\n\n'];
}

/**
 * Anthropic Messages events on the wire: `event: <type>` and `data: <json>`, as the API sends them,
 * and no `[DONE]` (Anthropic ends with `message_stop`). `@ai-sdk/anthropic` ignores the `event:`
 * line (it dispatches on the JSON's `type`), so it is sent for fidelity, not because it is needed.
 */
export function anthropicEvents(lines: readonly string[]): string[] {
  return lines.map((line) => {
    const { type } = JSON.parse(line) as { type: string };
    return `event: ${type}\ndata: ${line}\n\n`;
  });
}

export interface ReplayResponse {
  /** Server-sent events, each with its trailing blank line. */
  events: readonly string[];
  /**
   * Send only the first `cutAfter` events, then destroy the socket mid-response (no terminating
   * chunk: the client sees the connection die, as when a provider's connection drops).
   */
  cutAfter?: number;
  /**
   * Send the first `events` events, then wait for `until` before sending the rest: a test can
   * hold the end of a stream back until something it expects has happened while it streamed.
   */
  holdAfter?: { events: number; until: Promise<unknown> };
}

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface ReplayServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** Every request received, in order. */
  readonly requests: readonly ReceivedRequest[];
  /** Queues the response to the next streamed request to `path` (e.g. `/v1/chat/completions`). */
  enqueue(path: string, response: ReplayResponse): void;
  close(): Promise<void>;
}

/**
 * An HTTP server on 127.0.0.1 (a free port) that answers each streamed request to a path with the
 * next queued recording as `text/event-stream`, written at once (no pacing: tests stay fast).
 * A request with nothing queued, or one not asking for a stream, gets a JSON error the provider
 * reports — a recording is a streamed response and cannot answer anything else.
 */
export async function startReplayServer(): Promise<ReplayServer> {
  const queues = new Map<string, ReplayResponse[]>();
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = parseBody(raw);
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body });
      const fail = (status: number, message: string) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ type: 'error', error: { type: 'invalid_request_error', message } }),
        );
      };
      if (req.method !== 'POST')
        return fail(405, `The replay server takes POST, not ${req.method}`);
      if ((body as { stream?: unknown } | undefined)?.stream !== true)
        return fail(400, 'The replay server answers streamed requests only (`stream: true`)');
      const next = queues.get(path)?.shift();
      if (next === undefined) return fail(404, `No recording is queued for POST ${path}`);
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      if (next.holdAfter !== undefined) {
        const { events, until } = next.holdAfter;
        res.write(next.events.slice(0, events).join(''));
        void until.then(() => res.end(next.events.slice(events).join('')));
        return;
      }
      if (next.cutAfter === undefined) {
        for (const event of next.events) res.write(event);
        res.end();
        return;
      }
      // Written in one piece and the socket destroyed once it is flushed: every byte before the
      // cut reaches the client, then the connection closes without the terminating chunk.
      res.write(next.events.slice(0, next.cutAfter).join(''), () => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    enqueue(path, response) {
      const { cutAfter } = response;
      if (cutAfter !== undefined && !(Number.isInteger(cutAfter) && cutAfter >= 1))
        throw new TypeError(`Expected \`cutAfter\` to be an integer ≥ 1, got ${cutAfter}`);
      const queue = queues.get(path) ?? [];
      queue.push(response);
      queues.set(path, queue);
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) =>
        server.close((error) => (error === undefined ? resolve() : reject(error))),
      );
    },
  };
}

function parseBody(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}
