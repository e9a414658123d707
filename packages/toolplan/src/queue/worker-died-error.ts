import { ToolplanError } from '../plan/index.js';

/** Why a side-effecting call whose worker died is failed instead of being run again. */
export const WORKER_DIED_REASON = 'worker died mid-job; not retried: tool has side effects';

/**
 * The worker running a call of a tool with side effects (neither `readOnly` nor `idempotent`)
 * died mid-job. Whether the side effect happened is unknown, and running it again could make it
 * twice, so the call is reported failed: at-least-once delivery cannot be exactly-once for it.
 */
export class WorkerDiedError extends ToolplanError {
  readonly toolName: string;
  readonly idempotencyKey: string;

  constructor(options: { toolName: string; idempotencyKey: string }) {
    super({
      name: 'WorkerDiedError',
      message: `Tool \`${options.toolName}\` (job \`${options.idempotencyKey}\`): ${WORKER_DIED_REASON}.`,
    });
    this.toolName = options.toolName;
    this.idempotencyKey = options.idempotencyKey;
  }
}
