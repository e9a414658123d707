import { ToolplanError } from 'toolplan/internal';

/** `createSimulatedProvider` was given an option it cannot use. */
export class SimulatorOptionsError extends ToolplanError {
  /** The option at fault, e.g. `speed` or `faults[1].times`. */
  readonly option: string;

  constructor(options: { message: string; option: string; cause?: unknown }) {
    super({ name: 'SimulatorOptionsError', message: options.message, cause: options.cause });
    this.option = options.option;
  }
}

/**
 * A script book is malformed: a scenario without a query, duplicate call ids, a reference to a
 * call that does not exist, a dependency cycle… Raised when the provider is created, so that a
 * broken scenario fails before any request is served.
 */
export class ScriptBookError extends ToolplanError {
  /** Every problem found, each as `path: message`. */
  readonly problems: readonly string[];

  constructor(options: { problems: readonly string[] }) {
    const noun = options.problems.length === 1 ? 'problem' : 'problems';
    super({
      name: 'ScriptBookError',
      message: `The script book has ${options.problems.length} ${noun}:\n${options.problems.map((problem) => `- ${problem}`).join('\n')}`,
    });
    this.problems = options.problems;
  }
}

/**
 * A request the simulated provider answers with an OpenAI-shaped error. `status`, `type`, `code`
 * and `param` go onto the wire as `{ "error": { "message", "type", "param", "code" } }`.
 */
export class SimulatedApiError extends ToolplanError {
  readonly status: number;
  readonly type: string;
  readonly code: string | null;
  readonly param: string | null;
  readonly headers: Readonly<Record<string, string>>;

  constructor(options: {
    status: number;
    message: string;
    type: string;
    code?: string | null;
    param?: string | null;
    headers?: Record<string, string>;
    cause?: unknown;
  }) {
    super({ name: 'SimulatedApiError', message: options.message, cause: options.cause });
    this.status = options.status;
    this.type = options.type;
    this.code = options.code ?? null;
    this.param = options.param ?? null;
    this.headers = options.headers ?? {};
  }

  /** The body OpenAI sends with an error status. */
  toJSON(): {
    error: { message: string; type: string; param: string | null; code: string | null };
  } {
    return {
      error: { message: this.message, type: this.type, param: this.param, code: this.code },
    };
  }
}
