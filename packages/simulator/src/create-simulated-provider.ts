import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chatCompletionsWire } from './chat-completions-wire.js';
import { handleModelRequest, writeApiError } from './handle-model-request.js';
import type { ModelProfile } from './profiles/index.js';
import {
  resolveSimulatorOptions,
  type SimulatedProviderOptions,
} from './simulated-provider-options.js';
import { responsesWire } from './responses-wire.js';
import { SimulatedApiError } from './simulator-errors.js';
import { SimulatorState } from './simulator-state.js';
import type { SimulatorStats } from './simulator-stats.js';

/** A running simulated provider. */
export interface SimulatedProvider {
  /** The base URL clients take, ending in `/v1` (`http://127.0.0.1:53211/v1`). */
  url: string;
  port: number;
  /** The profile served; requests name `profile.name` as their `model`. */
  profile: ModelProfile;
  /** Stops listening and drops open connections (streams in flight end abruptly). */
  close(): Promise<void>;
  /** Totals and a per-request log since start or the last `resetStats()`. */
  stats(): SimulatorStats;
  resetStats(): void;
  /** Forgets every cached prompt, as if the provider's cache had expired. */
  clearPromptCache(): void;
  /**
   * Starts the latency draws over: the next request with a given content gets the draws its first
   * occurrence got. Strategies that send the same requests are then timed on the same draws.
   */
  restartDraws(): void;
}

/** Bodies beyond this are refused with 413, as a real API refuses oversized requests. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * Starts a simulated OpenAI-compatible provider on a real HTTP server: `POST
 * /v1/chat/completions` and `POST /v1/responses` (streamed and not) and `GET /v1/models`. It answers from a script book,
 * counts tokens with o200k, caches prompt prefixes as OpenAI does, and spends time as the chosen
 * profile's model would. Options are checked before anything listens.
 */
export async function createSimulatedProvider(
  options: SimulatedProviderOptions = {},
): Promise<SimulatedProvider> {
  const state = new SimulatorState(resolveSimulatorOptions(options));
  const { profile, host, port } = state.options;
  const server = createServer((request, response) => {
    void route(state, request, response).catch((error: unknown) => {
      state.options.logger.error(`[toolplan simulator] ${(error as Error).message}`);
      if (!response.headersSent) {
        writeApiError(
          response,
          new SimulatedApiError({ status: 500, type: 'server_error', message: 'Internal error.' }),
        );
      } else response.destroy();
    });
  });
  // Node closes an idle keep-alive connection after 5 s, and a client that picks it up just
  // then sees "other side closed" — a race that event-loop stalls under load make common (the
  // bench's transport errors). Providers behind load balancers keep connections far longer
  // (AWS ALB's idle timeout defaults to 60 s); so does the simulator, with headers allowed a
  // little longer, as Node's documentation advises.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${address.port}/v1`,
    port: address.port,
    profile,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      });
      return closing;
    },
    stats: () => state.stats.snapshot(),
    resetStats: () => state.stats.reset(),
    clearPromptCache: () => state.clearPromptCaches(),
    restartDraws: () => state.resetOccurrences(),
  };
}

async function route(
  state: SimulatorState,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const startedAt = state.options.clock.now();
  const path = (request.url ?? '/').split('?')[0]?.replace(/\/+$/, '') ?? '';
  const method = request.method ?? 'GET';
  if (method === 'POST' && (path === '/v1/chat/completions' || path === '/v1/responses')) {
    const body = await readBody(request);
    if (body === undefined) {
      writeApiError(
        response,
        new SimulatedApiError({
          status: 413,
          type: 'invalid_request_error',
          message: `The request body exceeds ${MAX_BODY_BYTES} bytes.`,
        }),
      );
      return;
    }
    const served = { state, request, response, body, startedAt };
    if (path === '/v1/responses') await handleModelRequest({ ...served, wire: responsesWire });
    else await handleModelRequest({ ...served, wire: chatCompletionsWire });
    return;
  }
  const { profile } = state.options;
  const model = {
    id: profile.name,
    object: 'model',
    created: 1_700_000_000,
    owned_by: 'toolplan-simulator',
  };
  if (method === 'GET' && path === '/v1/models') {
    writeJson(response, 200, { object: 'list', data: [model] });
    return;
  }
  if (method === 'GET' && path.startsWith('/v1/models/')) {
    const id = decodeURIComponent(path.slice('/v1/models/'.length));
    if (id === profile.name) {
      writeJson(response, 200, model);
      return;
    }
    writeApiError(
      response,
      new SimulatedApiError({
        status: 404,
        type: 'invalid_request_error',
        param: 'model',
        code: 'model_not_found',
        message: `The model \`${id}\` does not exist or you do not have access to it.`,
      }),
    );
    return;
  }
  writeApiError(
    response,
    new SimulatedApiError({
      status: 404,
      type: 'invalid_request_error',
      message: `Invalid URL (${method} ${path || '/'})`,
    }),
  );
}

/** The body as text, or `undefined` when it is too large. */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function writeJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
