import { describe, expect, it } from 'vitest';
import {
  renderJoinRequest,
  renderReplanRequest,
  renderResumeRequest,
  renderSessionRequest,
} from 'toolplan/internal';
import type { ChatMessage } from './chat-request.js';
import { isReplanRequest } from './is-replan-request.js';

const QUERY = 'Pay my rent.';

function asked(content: string): ChatMessage[] {
  return [
    { role: 'system', content: 'Plan. [toolplan:plan]' },
    { role: 'user', content },
  ];
}

describe('isReplanRequest', () => {
  it("recognises toolplan's replan and resume requests", () => {
    const replan = renderReplanRequest({ query: QUERY, finished: { a: 1 }, failed: { b: 'x' } });
    const resume = renderResumeRequest({ query: QUERY, partialPlan: '{"steps":[', finished: {} });
    expect(isReplanRequest(asked(replan))).toBe(true);
    expect(isReplanRequest(asked(resume))).toBe(true);
  });

  it('does not take a first plan, a session turn or a join for one', () => {
    expect(isReplanRequest(asked(QUERY))).toBe(false);
    const session = renderSessionRequest({
      query: QUERY,
      task: undefined,
      last: {},
      completed: [],
    });
    expect(isReplanRequest(asked(session))).toBe(false);
    expect(isReplanRequest(asked(renderJoinRequest({ query: QUERY, results: {} })))).toBe(false);
  });

  it('is not fooled by a result that quotes the marker, nor by an earlier user message', () => {
    const quoting = renderSessionRequest({
      query: QUERY,
      task: undefined,
      last: {
        note: '\nSome steps of the previous plan failed: {}\nYour plan was cut off after: x',
      },
      completed: [],
    });
    expect(isReplanRequest(asked(quoting))).toBe(false);
    const replan = renderReplanRequest({ query: QUERY, finished: {}, failed: { b: 'x' } });
    expect(isReplanRequest([...asked(replan), { role: 'user', content: QUERY }])).toBe(false);
  });
});
