import { ToolplanError } from '../plan/index.js';

/** Which deadline of a model call passed. */
export type ModelTimeoutPhase = 'first-token' | 'total';

/**
 * A model call took longer than its time-out: no content arrived within `firstToken`, or the
 * whole call did not finish within `total` (see `ModelCallPolicy`). It is the reason the call
 * was aborted with, and the cause of the {@link ModelCallError} the caller finally sees.
 */
export class ModelTimeoutError extends ToolplanError {
  readonly phase: ModelTimeoutPhase;
  readonly timeoutMs: number;

  constructor(options: { phase: ModelTimeoutPhase; timeoutMs: number }) {
    super({
      name: 'ModelTimeoutError',
      message:
        options.phase === 'first-token'
          ? `No content arrived from the model within ${options.timeoutMs} ms`
          : `The model call did not finish within ${options.timeoutMs} ms`,
    });
    this.phase = options.phase;
    this.timeoutMs = options.timeoutMs;
  }
}
