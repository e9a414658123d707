import { ToolplanError } from '../plan/index.js';

/** The Redis server of a queue did not answer in time: nothing was enqueued or taken. */
export class QueueConnectionError extends ToolplanError {
  readonly host: string;
  readonly port: number;
  readonly timeoutMs: number;

  constructor(options: { host: string; port: number; timeoutMs: number; cause?: unknown }) {
    super({
      name: 'QueueConnectionError',
      message: `Could not connect to Redis at ${options.host}:${options.port} within ${options.timeoutMs} ms.`,
      cause: options.cause,
    });
    this.host = options.host;
    this.port = options.port;
    this.timeoutMs = options.timeoutMs;
  }
}
