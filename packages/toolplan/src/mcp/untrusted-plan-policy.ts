import { defaultPolicy, type ToolPolicy } from '../tools/index.js';

/**
 * The run policy of plans an MCP client sent, when the server does not trust plans: such a plan
 * runs as planned after untrusted data (its author may have read anything), so every call of a
 * side-effecting tool without a policy of its own is denied — as `defaultPolicy` would, with a
 * reason that names where the distrust comes from. A plan run with `trustPlans` gets
 * `defaultPolicy` itself.
 */
export const untrustedPlanPolicy: ToolPolicy = (request) =>
  request.plannedAfterUntrusted
    ? {
        decision: 'deny',
        reason:
          'the plan came from an MCP client and its values are untrusted (the server does not trust plans)',
      }
    : defaultPolicy(request);
