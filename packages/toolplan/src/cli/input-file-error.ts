import { lineAndColumnAt } from '../plan/line-and-column-at.js';
import { locateJsonSyntaxError } from '../plan/locate-json-syntax-error.js';
import { ToolplanError } from '../plan/index.js';

/**
 * A file the CLI was given could not be read or is not what it should be. A syntax error names
 * the place as compilers do, `path:line:column: reason`, which editors and terminals can follow.
 */
export class InputFileError extends ToolplanError {
  readonly path: string;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(options: {
    path: string;
    message: string;
    line?: number;
    column?: number;
    cause?: unknown;
  }) {
    super({ name: 'InputFileError', message: options.message, cause: options.cause });
    this.path = options.path;
    this.line = options.line;
    this.column = options.column;
  }

  /** The error for `text`, read from `path`, on which `JSON.parse` threw `error`. */
  static fromJsonSyntax(options: { path: string; text: string; error: Error }): InputFileError {
    const { reason, line, column } = locateJsonSyntaxError(options.text, options.error);
    return InputFileError.at({ path: options.path, reason, line, column, cause: options.error });
  }

  /** The error for the character at `offset` of the file's text. */
  static atOffset(options: {
    path: string;
    text: string;
    offset: number;
    reason: string;
    cause?: unknown;
  }): InputFileError {
    const { line, column } = lineAndColumnAt(options.text, options.offset);
    return InputFileError.at({ ...options, line, column });
  }

  private static at(options: {
    path: string;
    reason: string;
    line: number | undefined;
    column: number | undefined;
    cause?: unknown;
  }): InputFileError {
    const { path, reason, line, column, cause } = options;
    const place = line === undefined || column === undefined ? path : `${path}:${line}:${column}`;
    return new InputFileError({
      path,
      message: `${place}: ${reason}`,
      ...(line === undefined ? {} : { line }),
      ...(column === undefined ? {} : { column }),
      cause,
    });
  }
}
