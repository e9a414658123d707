import { ToolplanError } from '../plan/index.js';
import type { PolicyDecisionKind } from '../tools/index.js';

/**
 * A policy denied a step's call before it went out (DESIGN.md, "Trust"). The step is a value of
 * the run, failed with this error, and every step depending on it is skipped. The message says
 * only which step and tool were denied — never the arguments or the policy's reason — because a
 * replan's prompt shows it to the model: a denial must not carry untrusted data back.
 */
export class PolicyDeniedError extends ToolplanError {
  readonly stepId: string;
  readonly toolName: string;
  /** The `forEach` item whose call was denied (the whole step is denied with it). */
  readonly index: number | undefined;
  /**
   * Who denied it: the tool's own `policy`, the run's policy (`defaultPolicy` unless another was
   * given), or `approve` answering an `'ask'` (`'no-approver'` when there was none to ask).
   */
  readonly deniedBy: 'tool-policy' | 'run-policy' | 'approve' | 'no-approver';
  /** What the policy answered (`'deny'`, or `'ask'` when the asking was refused). */
  readonly decision: Exclude<PolicyDecisionKind, 'allow'>;
  /** The policy's reason, for the caller's logs; not part of the message. */
  readonly reason: string | undefined;

  constructor(options: {
    stepId: string;
    toolName: string;
    index?: number;
    deniedBy: PolicyDeniedError['deniedBy'];
    decision: Exclude<PolicyDecisionKind, 'allow'>;
    reason?: string;
    cause?: unknown;
  }) {
    const where = options.index === undefined ? '' : ` (forEach item ${options.index})`;
    super({
      name: 'PolicyDeniedError',
      message: `Step \`${options.stepId}\`${where}: the call of \`${options.toolName}\` was denied by policy; it did not run.`,
      ...(options.cause === undefined ? {} : { cause: options.cause }),
    });
    this.stepId = options.stepId;
    this.toolName = options.toolName;
    this.index = options.index;
    this.deniedBy = options.deniedBy;
    this.decision = options.decision;
    this.reason = options.reason;
  }
}
