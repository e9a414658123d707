import { ToolplanError } from '../plan/index.js';

/** A tool given to toolplan cannot be used as it is (no name, no `execute`, a bad annotation…). */
export class ToolDefinitionError extends ToolplanError {
  readonly toolName: string | undefined;

  constructor(options: { message: string; toolName?: string; cause?: unknown }) {
    super({ name: 'ToolDefinitionError', message: options.message, cause: options.cause });
    this.toolName = options.toolName;
  }
}
