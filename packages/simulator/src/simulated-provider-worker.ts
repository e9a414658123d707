import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { toErrorData, type ErrorData } from 'toolplan/internal';
import { createSimulatedProvider, type SimulatedProvider } from './create-simulated-provider.js';
import type { ModelProfile } from './profiles/index.js';
import type { SimulatedProviderOptions } from './simulated-provider-options.js';
import type { SimulatorStats } from './simulator-stats.js';

/**
 * The options a worker-hosted provider takes: everything but the clock and the logger, which are
 * functions and cannot cross a thread boundary (the worker uses the system clock and its console,
 * whose lines reach the parent's stderr).
 */
export type SimulatedProviderWorkerOptions = Omit<SimulatedProviderOptions, 'clock' | 'logger'>;

/** What the parent asks of the worker; each request is answered by `done` or `failed`. */
export interface SimulatedProviderWorkerRequest {
  id: number;
  command: 'clear-prompt-cache' | 'restart-draws' | 'stats' | 'reset-stats' | 'close';
}

/** What the worker tells the parent: one `ready` or `start-failed`, then one answer per request. */
export type SimulatedProviderWorkerMessage =
  | { type: 'ready'; url: string; port: number; profile: ModelProfile }
  | { type: 'start-failed'; error: ErrorData }
  | { type: 'done'; id: number; stats?: SimulatorStats }
  | { type: 'failed'; id: number; error: ErrorData };

/** Tells the worker's `workerData` apart from any other, so importing this file elsewhere is inert. */
export const SIMULATED_PROVIDER_WORKER_TAG = 'toolplan:simulated-provider-worker';

/**
 * The worker's side: starts the provider with `options` and answers the parent's requests over
 * `port` until it is asked to close. A start-up failure is reported, never thrown: the parent
 * rejects with it.
 */
export async function serveSimulatedProviderWorker(options: {
  port: MessagePort;
  providerOptions: SimulatedProviderWorkerOptions;
}): Promise<void> {
  const { port } = options;
  const post = (message: SimulatedProviderWorkerMessage) => port.postMessage(message);
  let provider: SimulatedProvider;
  try {
    provider = await createSimulatedProvider(options.providerOptions);
  } catch (error) {
    post({ type: 'start-failed', error: toErrorData(error) });
    return;
  }
  port.on('message', (request: SimulatedProviderWorkerRequest) => {
    void answer(provider, request).then(
      (stats) => post({ type: 'done', id: request.id, ...(stats === undefined ? {} : { stats }) }),
      (error: unknown) => post({ type: 'failed', id: request.id, error: toErrorData(error) }),
    );
  });
  post({ type: 'ready', url: provider.url, port: provider.port, profile: provider.profile });
}

async function answer(
  provider: SimulatedProvider,
  request: SimulatedProviderWorkerRequest,
): Promise<SimulatorStats | undefined> {
  switch (request.command) {
    case 'clear-prompt-cache':
      provider.clearPromptCache();
      return undefined;
    case 'restart-draws':
      provider.restartDraws();
      return undefined;
    case 'stats':
      return provider.stats();
    case 'reset-stats':
      provider.resetStats();
      return undefined;
    case 'close':
      await provider.close();
      return undefined;
  }
}

const data = workerData as { tag?: unknown; options?: SimulatedProviderWorkerOptions } | null;
if (!isMainThread && parentPort !== null && data?.tag === SIMULATED_PROVIDER_WORKER_TAG) {
  void serveSimulatedProviderWorker({ port: parentPort, providerOptions: data.options ?? {} });
}
