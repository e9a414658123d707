import type { ValueSource } from './value-source.js';

/**
 * One call a policy decides on, before it goes out. Side-effecting calls are always decided on
 * (by the tool's `policy`, or the run's default policy); a read-only tool's call only when the
 * tool has a `policy` of its own.
 */
export interface PolicyRequest {
  readonly tool: string;
  readonly stepId: string;
  readonly runId: string;
  /** The `forEach` item this call is for; each item is decided on alone. */
  readonly index: number | undefined;
  /** The call's arguments, resolved and validated against the tool's input schema. */
  readonly input: unknown;
  /**
   * The sources of every value in each top-level argument (key `''` when the input is not an
   * object): a literal the user's query holds, a literal the planner wrote, a tool's result.
   */
  readonly sources: Readonly<Record<string, readonly ValueSource[]>>;
  /** Some argument carries a source that is not trusted. */
  readonly untrusted: boolean;
  /** The step was planned by a model call whose prompt held untrusted tool output. */
  readonly plannedAfterUntrusted: boolean;
  /** The tool is `readOnly`. */
  readonly readOnly: boolean;
}

export type PolicyDecisionKind = 'allow' | 'deny' | 'ask';

/** A decision, alone or with a reason (kept on the error; never shown to a model). */
export type PolicyDecision = PolicyDecisionKind | { decision: PolicyDecisionKind; reason?: string };

/**
 * Decides whether a call may go out. `'ask'` goes to the agent's `approve` callback; without one
 * it is `'deny'`. A policy that throws, or returns anything else, denies.
 */
export type ToolPolicy = (request: PolicyRequest) => PolicyDecision | Promise<PolicyDecision>;

/** What `approve` is asked: the call, and the reason its policy gave for asking. */
export interface ApprovalRequest extends PolicyRequest {
  readonly reason: string | undefined;
}

/** Answers an `'ask'` decision (like the AI SDK's `needsApproval`): `true` lets the call go. */
export type ApproveCallback = (request: ApprovalRequest) => boolean | Promise<boolean>;

/**
 * The policy of every side-effecting tool without one of its own: deny a call when one of its
 * arguments carries an untrusted source, or when its step was planned after untrusted output —
 * so text a tool returned can never choose a side effect. Allow the rest.
 */
export const defaultPolicy: ToolPolicy = (request) => {
  if (request.plannedAfterUntrusted) {
    return { decision: 'deny', reason: 'planned after reading untrusted tool output' };
  }
  if (request.untrusted) {
    return { decision: 'deny', reason: 'an argument carries untrusted data' };
  }
  return 'allow';
};

/** Every source of argument `key` is trusted (an absent argument has none). */
export function isTrustedArgument(request: PolicyRequest, key: string): boolean {
  return (request.sources[key] ?? []).every((source) => source.trusted);
}

/** Every source of argument `key` is the user's query (an absent argument has none). */
export function isFromQuery(request: PolicyRequest, key: string): boolean {
  return (request.sources[key] ?? []).every((source) => source.kind === 'query');
}
