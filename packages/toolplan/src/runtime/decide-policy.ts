import type {
  ApproveCallback,
  PolicyDecision,
  PolicyDecisionKind,
  PolicyRequest,
  ToolPolicy,
} from '../tools/index.js';
import { PolicyDeniedError } from './policy-denied-error.js';

/**
 * Decides on a step's calls (one, or one per `forEach` item) before any of them goes out:
 * `undefined` when every call is allowed, else the first denial, as the error the step fails
 * with. Synchronous when the policy (and `approve`) answer synchronously, so that a run whose
 * policies allow everything pays no promise per step; otherwise a promise of the same.
 *
 * A policy that throws, rejects or answers anything but a decision denies: a policy is a guard,
 * and a broken guard must not open the door.
 */
export function decidePolicy(options: {
  policy: ToolPolicy;
  /** Whose policy it is, for the error. */
  deniedBy: 'tool-policy' | 'run-policy';
  approve: ApproveCallback | undefined;
  requests: readonly PolicyRequest[];
}): PolicyDeniedError | undefined | Promise<PolicyDeniedError | undefined> {
  const { requests } = options;
  const pending: Array<Promise<PolicyDeniedError | undefined>> = [];
  for (const request of requests) {
    const verdict = decideOne(options, request);
    if (verdict instanceof Promise) pending.push(verdict);
    else if (verdict !== undefined) return verdict;
  }
  if (pending.length === 0) return undefined;
  return Promise.all(pending).then((verdicts) => verdicts.find((each) => each !== undefined));
}

function decideOne(
  options: {
    policy: ToolPolicy;
    deniedBy: 'tool-policy' | 'run-policy';
    approve: ApproveCallback | undefined;
  },
  request: PolicyRequest,
): PolicyDeniedError | undefined | Promise<PolicyDeniedError | undefined> {
  let answer: PolicyDecision | Promise<PolicyDecision>;
  try {
    answer = options.policy(request);
  } catch (cause) {
    return denial({ request, deniedBy: options.deniedBy, reason: 'the policy threw', cause });
  }
  if (isPromiseLike(answer)) {
    return Promise.resolve(answer).then(
      (decision) => settle(options, request, decision),
      (cause: unknown) =>
        denial({ request, deniedBy: options.deniedBy, reason: 'the policy rejected', cause }),
    );
  }
  return settle(options, request, answer);
}

function settle(
  options: { deniedBy: 'tool-policy' | 'run-policy'; approve: ApproveCallback | undefined },
  request: PolicyRequest,
  answer: unknown,
): PolicyDeniedError | undefined | Promise<PolicyDeniedError | undefined> {
  const parsed = parseDecision(answer);
  if (parsed === undefined) {
    return denial({
      request,
      deniedBy: options.deniedBy,
      reason: `the policy answered ${describe(answer)}, not 'allow', 'deny', 'ask' or { decision }`,
    });
  }
  const { decision, reason } = parsed;
  if (decision === 'allow') return undefined;
  if (decision === 'deny') {
    return denial({
      request,
      deniedBy: options.deniedBy,
      ...(reason === undefined ? {} : { reason }),
    });
  }
  const { approve } = options;
  if (approve === undefined) {
    return denial({
      request,
      deniedBy: 'no-approver',
      decision: 'ask',
      ...(reason === undefined ? {} : { reason }),
    });
  }
  const refused = (cause?: unknown) =>
    denial({
      request,
      deniedBy: 'approve',
      decision: 'ask',
      ...(reason === undefined ? {} : { reason }),
      ...(cause === undefined ? {} : { cause }),
    });
  let approved: boolean | Promise<boolean>;
  try {
    approved = approve({ ...request, reason });
  } catch (cause) {
    return refused(cause);
  }
  if (isPromiseLike(approved)) {
    return Promise.resolve(approved).then(
      (yes) => (yes === true ? undefined : refused()),
      (cause: unknown) => refused(cause),
    );
  }
  return approved === true ? undefined : refused();
}

function parseDecision(
  answer: unknown,
): { decision: PolicyDecisionKind; reason: string | undefined } | undefined {
  if (isDecisionKind(answer)) return { decision: answer, reason: undefined };
  if (typeof answer !== 'object' || answer === null) return undefined;
  const { decision, reason } = answer as { decision?: unknown; reason?: unknown };
  if (!isDecisionKind(decision)) return undefined;
  return { decision, reason: typeof reason === 'string' ? reason : undefined };
}

function isDecisionKind(value: unknown): value is PolicyDecisionKind {
  return value === 'allow' || value === 'deny' || value === 'ask';
}

function isPromiseLike<T>(value: T | Promise<T>): value is Promise<T> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

function denial(options: {
  request: PolicyRequest;
  deniedBy: PolicyDeniedError['deniedBy'];
  decision?: 'deny' | 'ask';
  reason?: string;
  cause?: unknown;
}): PolicyDeniedError {
  const { request } = options;
  return new PolicyDeniedError({
    stepId: request.stepId,
    toolName: request.tool,
    ...(request.index === undefined ? {} : { index: request.index }),
    deniedBy: options.deniedBy,
    decision: options.decision ?? 'deny',
    ...(options.reason === undefined ? {} : { reason: options.reason }),
    ...(options.cause === undefined ? {} : { cause: options.cause }),
  });
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  try {
    return `\`${JSON.stringify(value)?.slice(0, 80) ?? String(value)}\``;
  } catch {
    return 'a value that is not JSON';
  }
}
