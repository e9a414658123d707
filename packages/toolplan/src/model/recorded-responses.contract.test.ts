import { createOpenAI } from '@ai-sdk/openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chunkLines,
  readRecording,
  startReplayServer,
  type ReplayServer,
} from './replay-server.test-utils.js';
import { streamModelText } from './stream-model-text.js';
import { toLanguageModelV3 } from './to-language-model-v3.js';

// The Responses API as `@ai-sdk/openai@3` reads it (what `openai('gpt-4o')` is), replayed from
// the real recording of a reply with a "commentary" message before its final text.

const RESPONSES_PATH = '/v1/responses';
let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(async () => {
  await server.close();
});

describe('OpenAI Responses: a commentary message before the reply', () => {
  it('keeps the commentary out of the reply text the planner and the joiner read', async () => {
    const lines = chunkLines(readRecording('openai-responses-phase.1.chunks.txt'));
    server.enqueue(RESPONSES_PATH, { events: lines.map((line) => `data: ${line}\n\n`) });
    const model = toLanguageModelV3(
      createOpenAI({ baseURL: `${server.origin}/v1`, apiKey: 'test' }).responses('gpt-5.3-codex'),
    );
    const deltas: string[] = [];
    const result = await streamModelText({
      model,
      prompt: [{ role: 'user', content: [{ type: 'text', text: 'AI news today?' }] }],
      purpose: 'answer',
      onTextDelta: (delta) => deltas.push(delta),
    });
    const commentary = result.parts.filter((part) => part.role === 'commentary');
    expect(commentary).toHaveLength(1);
    expect(commentary[0]?.text).toMatch(/^Got it/);
    expect(result.text.startsWith(commentary[0]?.text ?? '-')).toBe(true);
    expect(result.replyText).not.toContain('Got it');
    expect(result.replyText.length).toBeGreaterThan(0);
    expect(deltas.join('')).toBe(result.replyText);
  });
});
