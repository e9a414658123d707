import { ToolplanError } from '../plan/index.js';

/**
 * The Redis a `redisStore` was pointed at could not be reached when the store loaded what the
 * fleet learned (an agent's first run waits for that). Later failures — Redis gone after it
 * loaded — do not fail runs: the process goes on with what it holds and reports them to the
 * agent's `onError`.
 */
export class RedisStoreError extends ToolplanError {
  /** The server, without credentials (`redis://host:port/db`). */
  readonly url: string | undefined;
  /** What the store was doing: `connect`, `load`. */
  readonly operation: string;

  constructor(options: { url: string | undefined; operation: string; cause?: unknown }) {
    const reason = options.cause instanceof Error ? `: ${options.cause.message}` : '';
    super({
      name: 'RedisStoreError',
      message: `The learned-state store could not ${options.operation} Redis${options.url === undefined ? '' : ` at ${options.url}`}${reason}`,
      cause: options.cause,
    });
    this.url = options.url;
    this.operation = options.operation;
  }
}
