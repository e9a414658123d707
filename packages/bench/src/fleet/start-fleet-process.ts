import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FleetChildMessage } from './fleet-messages.js';

/** A process of the fleet, started and ready. */
export interface FleetProcess {
  readonly name: string;
  readonly child: ChildProcess;
  send(message: object): void;
  /** True once the process has exited (killed, or closed). */
  readonly exited: boolean;
  /** Resolves when the process has exited. */
  readonly exit: Promise<void>;
  /** `SIGKILL`: the process dies at once, as on a crashed machine. */
  kill(): void;
  /** Asks the process to finish what it holds and exit; kills it after `graceMs`. */
  close(graceMs?: number): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;
const STDERR_KEPT = 4_000;

/**
 * Forks `fleet-agent-process` or `fleet-worker-process` beside this file and sends it `init`;
 * resolves once it says it is ready. From the sources (tests), the child runs them through tsx
 * with the repository's tsconfig, so that its workspace imports resolve to sources too; built,
 * it runs the JavaScript.
 */
export async function startFleetProcess(options: {
  entry: 'fleet-agent-process' | 'fleet-worker-process';
  name: string;
  init: object;
  onMessage: (message: FleetChildMessage) => void;
}): Promise<FleetProcess> {
  const here = fileURLToPath(import.meta.url);
  const fromSources = extname(here) === '.ts';
  const tsconfig = join(dirname(here), '../../../../tsconfig.json');
  const child = fork(join(dirname(here), `${options.entry}${extname(here)}`), [], {
    execArgv: fromSources ? ['--import', 'tsx'] : [],
    env: {
      ...process.env,
      ...(fromSources && existsSync(tsconfig) ? { TSX_TSCONFIG_PATH: tsconfig } : {}),
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_KEPT);
  });
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve();
    });
  });
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${options.name} was not ready within ${READY_TIMEOUT_MS} ms`)),
      READY_TIMEOUT_MS,
    );
    child.on('message', (message: FleetChildMessage) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve();
      } else if (message.type === 'failed') {
        clearTimeout(timer);
        reject(new Error(`${options.name} could not start: ${message.message}`));
      } else options.onMessage(message);
    });
    void exit.then(() => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited before it was ready: ${stderr.trim()}`));
    });
  });
  child.send({ ...options.init, type: 'init' });
  const handle: FleetProcess = {
    name: options.name,
    child,
    send: (message) => {
      if (!exited && child.connected) child.send(message);
    },
    get exited() {
      return exited;
    },
    exit,
    kill: () => {
      child.kill('SIGKILL');
    },
    async close(graceMs = 10_000) {
      if (exited) return;
      handle.send({ type: 'close' });
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exit;
      clearTimeout(timer);
    },
  };
  try {
    await ready;
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return handle;
}
