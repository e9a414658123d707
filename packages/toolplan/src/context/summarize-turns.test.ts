import { describe, expect, it } from 'vitest';
import { summarizeTurns } from './summarize-turns.js';

describe('summarizeTurns', () => {
  it('lists the latest turns, cut short, and counts the older ones', () => {
    const turns = Array.from({ length: 7 }, (_, index) => ({
      query: `question ${index}`,
      answer: `answer ${index} ${'x'.repeat(300)}`,
    }));
    const summary = summarizeTurns(turns, { maxTurns: 2, maxChars: 20 }) ?? '';
    expect(summary).toMatch(/^\(5 earlier turns not listed\) \| Q: question 5 A: answer 5/);
    expect(summary).toMatch(/…\(cut 289 characters\)$/);
    expect(summarizeTurns([])).toBeUndefined();
    expect(() => summarizeTurns([], { maxTurns: 0 })).toThrow(/maxTurns/);
  });
});
