import { ToolplanError } from 'toolplan/internal';

/**
 * The worker thread hosting a simulated provider failed: it could not start (a port in use, a
 * module that would not load), crashed, exited, or was asked something after `close()`. Option
 * and script-book mistakes are not this: they arrive as `SimulatorOptionsError` and
 * `ScriptBookError`, as from `createSimulatedProvider`.
 */
export class SimulatorWorkerError extends ToolplanError {
  /** What was under way: `start`, a command such as `restart-draws`, or `close`. */
  readonly during: string;

  constructor(options: { message: string; during: string; cause?: unknown }) {
    super({ name: 'SimulatorWorkerError', message: options.message, cause: options.cause });
    this.during = options.during;
  }
}
