import { buildResponse, buildResponseStreamEvents, responseItemsOf } from './build-response.js';
import type { CompletionWire } from './completion-wire.js';
import { parseResponsesRequest, type ParsedResponsesRequest } from './responses-request.js';
import { responsesToChatRequest } from './responses-to-chat-request.js';
import { drawId } from './seeded-random.js';

/**
 * `POST /v1/responses`: read into the chat shape (see `responsesToChatRequest`), answered with a
 * `response` object or its event stream. The output items are remembered, as OpenAI stores them,
 * so that a later request may name them with `item_reference`.
 */
export const responsesWire: CompletionWire<ParsedResponsesRequest> = {
  api: 'responses',
  read(body, state) {
    const source = parseResponsesRequest(body);
    const chat = responsesToChatRequest({
      request: source,
      lookupItem: (id) => state.responseItems.get(id),
    });
    return { chat, source };
  },
  newId: (random) => `resp_${drawId(random, 48)}`,
  answer({ state, source, identity, reply, usage, random }) {
    const items = responseItemsOf(reply, random);
    for (const item of items) state.responseItems.add(item);
    const answer = { identity, request: source, reply, usage, items };
    return {
      body: () => buildResponse(answer),
      events: () => buildResponseStreamEvents({ ...answer, random }),
    };
  },
};
