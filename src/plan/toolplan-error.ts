const marker = Symbol.for('toolplan.error');

/**
 * The base of every error toolplan throws or records. Each kind of failure has its own subclass
 * with a stable `name`, so callers can branch on `error.name` (or `Kind.isInstance(error)`, which
 * also works across duplicated copies of the package) instead of parsing messages.
 */
export class ToolplanError extends Error {
  private readonly [marker] = true;

  constructor(options: { name: string; message: string; cause?: unknown }) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = options.name;
  }

  static isInstance(error: unknown): error is ToolplanError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}

/** A plain-data view of any thrown value: what `--json` output and traces carry. */
export interface ErrorData {
  name: string;
  message: string;
  [field: string]: unknown;
}

export function toErrorData(error: unknown): ErrorData {
  if (error instanceof Error) {
    const data: ErrorData = { name: error.name, message: error.message };
    for (const [key, value] of Object.entries(error)) {
      if (key === 'cause' || key === 'stack' || typeof value === 'function') continue;
      data[key] = value;
    }
    if (error.cause !== undefined) data['cause'] = toErrorData(error.cause);
    return data;
  }
  return { name: 'NonError', message: String(error) };
}
