import { ToolplanError } from '../plan/index.js';

/** The trace store cannot be opened, migrated or written (a bad option, a newer schema, a full disk). */
export class TraceStoreError extends ToolplanError {
  constructor(options: { message: string; cause?: unknown }) {
    super({ name: 'TraceStoreError', message: options.message, cause: options.cause });
  }
}
