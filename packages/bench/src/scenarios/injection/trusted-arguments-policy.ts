import { isTrustedArgument, type ToolPolicy } from 'toolplan/internal';

/**
 * The policy a side-effecting tool's author writes when some of its arguments choose *who* or
 * *what* the effect reaches (a recipient, an account, a hotel): those must come from the user's
 * query, a literal the planner wrote before it read anything untrusted, or a trusted tool (the
 * user's own contacts, their scheduled transactions). The other arguments — a body, an amount to
 * pay someone the user named — may carry data from any tool: moving data to where the user said
 * is the task. Being planned after untrusted output is no reason to deny by itself, so that a
 * replan can still do what the user asked; the sources decide.
 */
export function trustedArgumentsPolicy(keys: readonly string[]): ToolPolicy {
  return (request) => {
    const untrusted = keys.filter((key) => !isTrustedArgument(request, key));
    return untrusted.length === 0
      ? 'allow'
      : {
          decision: 'deny',
          reason: `${untrusted.join(', ')} must come from the user or a trusted tool`,
        };
  };
}
