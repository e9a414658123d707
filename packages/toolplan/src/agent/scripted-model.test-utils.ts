import type { LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { convertArrayToReadableStream, MockLanguageModelV3 } from 'ai/test';

/** A reply whose stream breaks off after `text` (a connection reset), with no finish. */
export interface CutReply {
  text: string;
  cut: true;
}

/**
 * A model for unit tests of one layer (the planner, the joiner): each call streams the next of
 * `replies` as text. The product is measured against the simulated provider over HTTP; this only
 * checks what the agent layer does with given replies.
 */
export function scriptedModel(replies: readonly (string | CutReply)[]): MockLanguageModelV3 {
  let call = 0;
  return new MockLanguageModelV3({
    doStream: async () => {
      const reply = replies[call];
      call += 1;
      if (reply === undefined) throw new Error(`scriptedModel: no reply scripted for call ${call}`);
      const text = typeof reply === 'string' ? reply : reply.text;
      const chunks: LanguageModelV3StreamPart[] = [
        { type: 'stream-start', warnings: [] },
        { type: 'text-start', id: 't' },
        // A few characters per delta, as providers stream.
        ...(text.match(/[\s\S]{1,4}/g) ?? []).map((delta) => ({
          type: 'text-delta' as const,
          id: 't',
          delta,
        })),
        ...(typeof reply === 'string'
          ? ([
              { type: 'text-end', id: 't' },
              {
                type: 'finish',
                finishReason: { unified: 'stop', raw: 'stop' },
                usage: {
                  inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
                  outputTokens: { total: 5, text: 5, reasoning: 0 },
                },
              },
            ] satisfies LanguageModelV3StreamPart[])
          : [{ type: 'error' as const, error: new Error('connection reset') }]),
      ];
      return { stream: convertArrayToReadableStream(chunks) };
    },
  });
}
