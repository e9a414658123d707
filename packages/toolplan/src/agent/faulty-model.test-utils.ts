import { APICallError, type LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { MockLanguageModelV3 } from 'ai/test';

/** What one call of a {@link faultyModel} does. */
export type FaultyReply =
  /** Streams this text and finishes. */
  | string
  /** The provider answers with an HTTP error, as the AI SDK's providers report it. */
  | { status: number; message?: string; headers?: Record<string, string> }
  /** Streams `text`, then the connection is reset (no finish). */
  | { resetAfter: string }
  /** Starts the stream and sends nothing more, ever. */
  | { hang: true };

/**
 * A model for the fault-injection tests of the model layer: each call does the next of
 * `replies`, recording when it was made on `now` (the test's virtual clock).
 */
export function faultyModel(
  replies: readonly FaultyReply[],
  now: () => number,
): MockLanguageModelV3 & { callTimes: number[] } {
  let call = 0;
  const callTimes: number[] = [];
  const model = new MockLanguageModelV3({
    doStream: async ({ abortSignal }) => {
      const reply = replies[call];
      call += 1;
      callTimes.push(now());
      if (reply === undefined) throw new Error(`faultyModel: no reply scripted for call ${call}`);
      if (typeof reply === 'object' && 'status' in reply) {
        throw new APICallError({
          message: reply.message ?? `HTTP ${reply.status}`,
          url: 'https://api.example.test/v1/chat/completions',
          requestBodyValues: {},
          statusCode: reply.status,
          responseHeaders: reply.headers ?? {},
          responseBody: JSON.stringify({ error: { message: reply.message } }),
        });
      }
      const start: LanguageModelV3StreamPart = { type: 'stream-start', warnings: [] };
      if (typeof reply === 'object' && 'hang' in reply) {
        return {
          stream: new ReadableStream<LanguageModelV3StreamPart>({
            start(controller) {
              controller.enqueue(start);
              // As a fetch does: the stream errors when the call is aborted.
              abortSignal?.addEventListener('abort', () => controller.error(abortSignal.reason), {
                once: true,
              });
            },
          }),
        };
      }
      const text = typeof reply === 'string' ? reply : reply.resetAfter;
      const parts: LanguageModelV3StreamPart[] = [
        start,
        { type: 'text-start', id: 't' },
        ...(text.match(/[\s\S]{1,4}/g) ?? []).map((delta) => ({
          type: 'text-delta' as const,
          id: 't',
          delta,
        })),
      ];
      if (typeof reply === 'string') {
        parts.push(
          { type: 'text-end', id: 't' },
          {
            type: 'finish',
            finishReason: { unified: 'stop', raw: 'stop' },
            usage: {
              inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
              outputTokens: { total: 5, text: 5, reasoning: 0 },
            },
          },
        );
      }
      let next = 0;
      return {
        // Pulled one part at a time: an error must come after the text, not discard it.
        stream: new ReadableStream<LanguageModelV3StreamPart>({
          pull(controller) {
            const part = parts[next];
            next += 1;
            if (part !== undefined) controller.enqueue(part);
            else if (typeof reply === 'string') controller.close();
            else
              controller.error(
                Object.assign(new TypeError('terminated'), {
                  cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
                }),
              );
          },
        }),
      };
    },
  });
  return Object.assign(model, { callTimes });
}
