import { buildCompletion, buildStreamEvents } from './build-completion.js';
import { parseChatRequest, type ChatRequest } from './chat-request.js';
import type { CompletionWire } from './completion-wire.js';
import { drawId } from './seeded-random.js';

/** `POST /v1/chat/completions`: the body is already the internal shape. */
export const chatCompletionsWire: CompletionWire<ChatRequest> = {
  api: 'chat-completions',
  read(body) {
    const chat = parseChatRequest(body);
    return { chat, source: chat };
  },
  newId: (random) => `chatcmpl-${drawId(random, 29)}`,
  answer({ chat, identity, reply, usage }) {
    return {
      body: () => buildCompletion({ identity, reply, usage }),
      events: () =>
        buildStreamEvents({
          identity,
          reply,
          usage,
          includeUsage: chat.stream_options?.include_usage === true,
        }),
    };
  },
};
