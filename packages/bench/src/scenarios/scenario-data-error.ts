import { ToolplanError } from 'toolplan/internal';

/**
 * A scenario's data (files it reads, a service it needs) is missing or unreadable: the bench
 * reports the scenario as skipped with this message and runs the others.
 */
export class ScenarioDataError extends ToolplanError {
  /** The file or directory at fault. */
  readonly path: string;

  constructor(options: { name?: string; message: string; path: string; cause?: unknown }) {
    super({
      name: options.name ?? 'ScenarioDataError',
      message: options.message,
      cause: options.cause,
    });
    this.path = options.path;
  }
}
