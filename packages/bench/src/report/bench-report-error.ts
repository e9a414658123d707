import { ToolplanError } from 'toolplan/internal';

/** The report was asked to draw something it cannot (a negative bar, a width of zero, …). */
export class BenchReportError extends ToolplanError {
  /** The option that was wrong, as a path (`bars[2].value`). */
  readonly option: string;
  readonly value: unknown;

  constructor(options: { option: string; expected: string; value: unknown; cause?: unknown }) {
    super({
      name: 'BenchReportError',
      message: `Expected \`${options.option}\` to be ${options.expected}, got \`${String(options.value)}\``,
      cause: options.cause,
    });
    this.option = options.option;
    this.value = options.value;
  }
}
