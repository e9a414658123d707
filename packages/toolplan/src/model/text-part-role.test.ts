import { describe, expect, it } from 'vitest';
import { textPartRole } from './text-part-role.js';

describe('textPartRole', () => {
  it("reads OpenAI's commentary phase and Anthropic's compaction summary", () => {
    expect(textPartRole({ openai: { itemId: 'msg_1', phase: 'commentary' } })).toBe('commentary');
    expect(textPartRole({ openai: { itemId: 'msg_2', phase: 'final_answer' } })).toBe('reply');
    expect(textPartRole({ anthropic: { type: 'compaction' } })).toBe('summary');
    expect(textPartRole(undefined)).toBe('reply');
  });
});
