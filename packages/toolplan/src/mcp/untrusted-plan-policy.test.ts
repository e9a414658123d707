import { describe, expect, it } from 'vitest';
import type { PolicyRequest } from '../tools/index.js';
import { untrustedPlanPolicy } from './untrusted-plan-policy.js';

const request: PolicyRequest = {
  tool: 'notify',
  stepId: 'n',
  runId: 'r',
  index: undefined,
  input: {},
  sources: {},
  untrusted: false,
  plannedAfterUntrusted: false,
  readOnly: false,
};

describe('untrustedPlanPolicy', () => {
  it('denies a call of a plan sent by a client, saying so', () => {
    expect(
      untrustedPlanPolicy({ ...request, plannedAfterUntrusted: true, untrusted: true }),
    ).toEqual({
      decision: 'deny',
      reason:
        'the plan came from an MCP client and its values are untrusted (the server does not trust plans)',
    });
  });

  it('decides as the default policy on a trusted plan', () => {
    expect(untrustedPlanPolicy(request)).toBe('allow');
    expect(untrustedPlanPolicy({ ...request, untrusted: true })).toEqual({
      decision: 'deny',
      reason: 'an argument carries untrusted data',
    });
  });
});
