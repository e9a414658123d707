import { ToolplanError } from '../plan/index.js';

/**
 * A call sent to a tool worker did not succeed there: the tool threw, was cancelled or timed out
 * on the worker, or the worker refused the job. What the worker said is carried as data, since
 * the error itself cannot cross the queue (only its name and message do).
 */
export class QueuedCallError extends ToolplanError {
  readonly toolName: string;
  /** The call's idempotency key (run id + step id, + item index in a `forEach`). */
  readonly idempotencyKey: string;
  /** The `name` of the error the worker reported (`Error`, `AbortError`, a tool's own kind). */
  readonly remoteName: string;
  /** Its message, as the worker reported it. */
  readonly reason: string;

  constructor(options: {
    toolName: string;
    idempotencyKey: string;
    remoteName: string;
    reason: string;
  }) {
    super({
      name: 'QueuedCallError',
      message: `Tool \`${options.toolName}\` failed on its worker (job \`${options.idempotencyKey}\`): ${options.reason}`,
    });
    this.toolName = options.toolName;
    this.idempotencyKey = options.idempotencyKey;
    this.remoteName = options.remoteName;
    this.reason = options.reason;
  }
}
