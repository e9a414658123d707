import { ToolplanError, type PlanIssue } from '../plan/index.js';

// The ways a chain can be refused, one class each. A refused chain never runs: the query goes to
// the planner instead, and the error says what to do about the chain.

/** A chain file cannot be read, is not JSON, or does not fit the chain format. */
export class ChainFileError extends ToolplanError {
  readonly file: string;
  /** The format's complaints, `path: message`, when the file was JSON of the wrong shape. */
  readonly issues: readonly string[];

  constructor(options: { file: string; issues?: readonly string[]; cause?: unknown }) {
    const issues = options.issues ?? [];
    const detail =
      issues.length > 0
        ? `:\n${issues.map((issue) => `- ${issue}`).join('\n')}`
        : `: ${options.cause instanceof Error ? options.cause.message : String(options.cause)}`;
    super({
      name: 'ChainFileError',
      message: `Chain file ${options.file} is not a valid chain${detail}`,
      cause: options.cause,
    });
    this.file = options.file;
    this.issues = issues;
  }
}

/** `defineChain` (or a chain loaded from a file) is inconsistent: unused or unknown parameters, … */
export class ChainDefinitionError extends ToolplanError {
  readonly chainName: string | undefined;

  constructor(options: { chainName?: string; message: string }) {
    const prefix = options.chainName === undefined ? '' : `Chain \`${options.chainName}\`: `;
    super({ name: 'ChainDefinitionError', message: `${prefix}${options.message}` });
    this.chainName = options.chainName;
  }
}

/** A chain's plan no longer fits the current tools (a tool was removed or its schema changed). */
export class ChainStaleError extends ToolplanError {
  readonly chainName: string;
  readonly issues: readonly PlanIssue[];

  constructor(options: { chainName: string; issues: readonly PlanIssue[]; cause?: unknown }) {
    super({
      name: 'ChainStaleError',
      message: `Chain \`${options.chainName}\` no longer fits the current tools; re-mine or edit the file:\n${options.issues
        .map((issue) => `- ${issue.message}`)
        .join('\n')}`,
      cause: options.cause,
    });
    this.chainName = options.chainName;
    this.issues = options.issues;
  }
}

/**
 * A chain would run tools with side effects without a developer's say-so: a mined proposal nobody
 * kept, or a chain in code that did not declare `sideEffects: true`.
 */
export class ChainNotReviewedError extends ToolplanError {
  readonly chainName: string;
  /** The tools without `readOnly` that the chain calls. */
  readonly tools: readonly string[];

  constructor(options: { chainName: string; tools: readonly string[]; origin: string }) {
    const fix =
      options.origin === 'code'
        ? 'declare `sideEffects: true` in its `defineChain` call'
        : 'review its file and set `"kept": true`';
    super({
      name: 'ChainNotReviewedError',
      message: `Chain \`${options.chainName}\` calls tools with side effects (${options.tools.join(', ')}) but was not kept by a developer; it does not run. To allow it, ${fix}.`,
    });
    this.chainName = options.chainName;
    this.tools = options.tools;
  }
}

/** The parameters given to a chain do not fit their declared types. */
export class ChainParamsError extends ToolplanError {
  readonly chainName: string;
  readonly issues: readonly string[];

  constructor(options: { chainName: string; issues: readonly string[] }) {
    super({
      name: 'ChainParamsError',
      message: `Chain \`${options.chainName}\`: the parameters do not fit their declared types: ${options.issues.join('; ')}.`,
    });
    this.chainName = options.chainName;
    this.issues = options.issues;
  }
}

/** `mineChains` or `createPlanCache` was given an option it cannot use. */
export class ChainOptionsError extends ToolplanError {
  /** The option at fault, e.g. `minSupport`. */
  readonly option: string;

  constructor(options: { option: string; message: string }) {
    super({ name: 'ChainOptionsError', message: options.message });
    this.option = options.option;
  }
}
