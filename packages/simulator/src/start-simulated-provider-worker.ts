import { Worker } from 'node:worker_threads';
import type { ErrorData } from 'toolplan/internal';
import type { ModelProfile } from './profiles/index.js';
import {
  SIMULATED_PROVIDER_WORKER_TAG,
  type SimulatedProviderWorkerMessage,
  type SimulatedProviderWorkerOptions,
  type SimulatedProviderWorkerRequest,
} from './simulated-provider-worker.js';
import { ScriptBookError, SimulatorOptionsError } from './simulator-errors.js';
import type { SimulatorStats } from './simulator-stats.js';
import { SimulatorWorkerError } from './simulator-worker-error.js';

/**
 * A simulated provider running in its own worker thread: the surface of `SimulatedProvider`, with
 * every control a message round trip that resolves once the worker has acknowledged it.
 */
export interface SimulatedProviderWorker {
  /** The base URL clients take, ending in `/v1`. */
  url: string;
  port: number;
  /** The profile served; requests name `profile.name` as their `model`. */
  profile: ModelProfile;
  /** Stops the server (streams in flight end abruptly) and ends the worker thread. */
  close(): Promise<void>;
  stats(): Promise<SimulatorStats>;
  resetStats(): Promise<void>;
  /** Forgets every cached prompt, as if the provider's cache had expired. */
  clearPromptCache(): Promise<void>;
  /** Starts the latency draws over (see `SimulatedProvider.restartDraws`). */
  restartDraws(): Promise<void>;
}

/**
 * Starts a simulated provider (as `createSimulatedProvider` does) in a worker thread, so that its
 * request handling, token counting and streaming spend another core's time, not the caller's
 * event loop's — as a real provider on another machine would. Rejects with the worker's
 * `SimulatorOptionsError` or `ScriptBookError` when the options are wrong.
 *
 * From the compiled package the worker runs `simulated-provider-worker.js`; from the TypeScript
 * sources (tests) it runs the `.ts` file through tsx.
 */
export async function startSimulatedProviderWorker(
  options: SimulatedProviderWorkerOptions = {},
): Promise<SimulatedProviderWorker> {
  for (const option of ['clock', 'logger']) {
    if (Object.hasOwn(options, option)) {
      throw new SimulatorOptionsError({
        option,
        message: `Expected no \`${option}\`: a provider in a worker thread uses the system clock and its console`,
      });
    }
  }
  const workerData = { tag: SIMULATED_PROVIDER_WORKER_TAG, options };
  let worker: Worker;
  try {
    worker = import.meta.url.endsWith('.ts')
      ? new Worker(tsxBootstrap(), { eval: true, workerData })
      : new Worker(new URL('./simulated-provider-worker.js', import.meta.url), { workerData });
  } catch (error) {
    throw uncloneableOption(options) ?? error;
  }
  return connect(worker);
}

/**
 * Code for a worker that loads the TypeScript entry through tsx (a devDependency; only tests run
 * from the sources). Node 20 does not apply the hooks of `execArgv: ['--import', 'tsx']` to a
 * worker's entry file, so the worker registers them itself through tsx's API.
 */
function tsxBootstrap(): string {
  const entry = new URL('./simulated-provider-worker.ts', import.meta.url).href;
  const api = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}));`;
}

/**
 * States: starting (until `ready` or `start-failed`) → running (requests pending by id) →
 * closing (the `close` request sent) → ended (the thread has exited). Whenever the thread errs or
 * exits, everything pending is rejected and later requests are refused.
 */
function connect(worker: Worker): Promise<SimulatedProviderWorker> {
  const pending = new Map<
    number,
    { command: string; resolve: (stats?: SimulatorStats) => void; reject: (error: Error) => void }
  >();
  let nextId = 0;
  let ended: Error | undefined;
  let closing: Promise<void> | undefined;

  return new Promise((resolveStart, rejectStart) => {
    let started = false;
    const end = (error: Error) => {
      ended ??= error;
      if (!started) rejectStart(error);
      for (const request of pending.values()) request.reject(error);
      pending.clear();
    };
    worker.on('error', (error) =>
      end(
        new SimulatorWorkerError({
          message: `The simulated provider's worker failed: ${error.message}`,
          during: started ? 'run' : 'start',
          cause: error,
        }),
      ),
    );
    worker.on('exit', (code) =>
      end(
        new SimulatorWorkerError({
          message: `The simulated provider's worker has exited (code ${code})`,
          during: started ? 'run' : 'start',
        }),
      ),
    );
    const request = (command: SimulatedProviderWorkerRequest['command']) =>
      new Promise<SimulatorStats | undefined>((resolve, reject) => {
        if (ended !== undefined) {
          reject(ended);
          return;
        }
        const id = nextId;
        nextId += 1;
        pending.set(id, { command, resolve, reject });
        worker.postMessage({ id, command } satisfies SimulatedProviderWorkerRequest);
      });
    worker.on('message', (message: SimulatedProviderWorkerMessage) => {
      switch (message.type) {
        case 'ready':
          started = true;
          resolveStart({
            url: message.url,
            port: message.port,
            profile: message.profile,
            close() {
              closing ??= (async () => {
                try {
                  if (ended === undefined) await request('close');
                } finally {
                  await worker.terminate();
                }
              })();
              return closing;
            },
            stats: async () => (await request('stats')) as SimulatorStats,
            resetStats: async () => void (await request('reset-stats')),
            clearPromptCache: async () => void (await request('clear-prompt-cache')),
            restartDraws: async () => void (await request('restart-draws')),
          });
          return;
        case 'start-failed':
          // The worker ends by itself; terminate only makes sure of it.
          end(reviveError(message.error));
          void worker.terminate();
          return;
        case 'done':
        case 'failed': {
          const waiting = pending.get(message.id);
          pending.delete(message.id);
          if (message.type === 'done') waiting?.resolve(message.stats);
          else {
            waiting?.reject(
              new SimulatorWorkerError({
                message: `The simulated provider's worker failed to ${waiting.command}: ${message.error.message}`,
                during: waiting.command,
                cause: message.error,
              }),
            );
          }
          return;
        }
      }
    });
  });
}

/** The worker's start-up error as the kind `createSimulatedProvider` would have thrown. */
function reviveError(error: ErrorData): Error {
  const { name, message } = error;
  if (name === 'SimulatorOptionsError' && typeof error['option'] === 'string') {
    return new SimulatorOptionsError({ message, option: error['option'] });
  }
  if (name === 'ScriptBookError' && Array.isArray(error['problems'])) {
    return new ScriptBookError({ problems: error['problems'] as string[] });
  }
  return new SimulatorWorkerError({
    message: `The simulated provider's worker could not start: ${message}`,
    during: 'start',
    cause: error,
  });
}

/** Names the first option that cannot be copied into a worker (a function, a class instance…). */
function uncloneableOption(options: SimulatedProviderWorkerOptions): Error | undefined {
  for (const [option, value] of Object.entries(options)) {
    try {
      structuredClone(value);
    } catch (error) {
      return new SimulatorOptionsError({
        option,
        message: `Expected \`${option}\` to be plain data that can be copied into a worker thread: ${(error as Error).message}`,
        cause: error,
      });
    }
  }
  return undefined;
}
