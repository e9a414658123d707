import { describe, expect, it } from 'vitest';
import type { PolicyRequest, ValueSource } from 'toolplan/internal';
import { trustedArgumentsPolicy } from './trusted-arguments-policy.js';

const QUERY: ValueSource = { kind: 'query', trusted: true };
const LATE_LITERAL: ValueSource = { kind: 'plan', trusted: false };
const contacts: ValueSource = {
  kind: 'tool',
  tool: 'get_contact',
  stepId: 'emma',
  runId: 'run',
  path: '.email',
  trusted: true,
};
const inbox: ValueSource = { ...contacts, tool: 'read_inbox', stepId: 'inbox', trusted: false };

function request(sources: Record<string, readonly ValueSource[]>): PolicyRequest {
  return {
    tool: 'send_email',
    stepId: 'mail',
    runId: 'run',
    index: undefined,
    input: {},
    sources,
    untrusted: Object.values(sources).some((each) => each.some((source) => !source.trusted)),
    plannedAfterUntrusted: true,
    readOnly: false,
  };
}

describe('trustedArgumentsPolicy', () => {
  const policy = trustedArgumentsPolicy(['to']);

  it('allows a recipient from the query or a trusted tool, whatever the body carries', () => {
    expect(policy(request({ to: [QUERY], body: [inbox] }))).toBe('allow');
    expect(policy(request({ to: [contacts], body: [inbox, LATE_LITERAL] }))).toBe('allow');
  });

  it('denies a recipient an untrusted tool returned, or a literal written after reading one', () => {
    expect(policy(request({ to: [inbox], body: [QUERY] }))).toMatchObject({ decision: 'deny' });
    expect(policy(request({ to: [QUERY, LATE_LITERAL] }))).toEqual({
      decision: 'deny',
      reason: 'to must come from the user or a trusted tool',
    });
  });
});
