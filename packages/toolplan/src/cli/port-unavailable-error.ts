import { ToolplanError } from '../plan/index.js';

/** `serve-model` could not listen on the port it was given: another server has it, say. */
export class PortUnavailableError extends ToolplanError {
  readonly port: number;

  constructor(options: { port: number; cause: NodeJS.ErrnoException }) {
    const why =
      options.cause.code === 'EADDRINUSE'
        ? 'another program is listening on it'
        : options.cause.code === 'EACCES'
          ? 'permission denied (ports below 1024 need privileges)'
          : options.cause.message;
    super({
      name: 'PortUnavailableError',
      message: `cannot listen on port ${options.port}: ${why}. Pick another with --port (0 picks a free one).`,
      cause: options.cause,
    });
    this.port = options.port;
  }
}
