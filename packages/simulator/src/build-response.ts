import type { CompletionIdentity, CompletionReply, StreamEvent } from './build-completion.js';
import { checkStrictJsonSchema } from './check-strict-json-schema.js';
import type { TokenUsage } from './compute-request-cost.js';
import { countOutputTokens, countToolCallTokens, splitIntoTokenPieces } from './output-tokens.js';
import type { ParsedResponsesRequest } from './responses-request.js';
import type { StoredResponseItem } from './response-items.js';
import { drawId, type Random } from './seeded-random.js';

/** The Responses API's `usage`, with every detail field OpenAI sends today. */
export interface ResponsesUsage {
  input_tokens: number;
  input_tokens_details: { cached_tokens: number };
  output_tokens: number;
  output_tokens_details: { reasoning_tokens: number };
  total_tokens: number;
}

/** What one Responses answer is built from. */
export interface ResponseAnswer {
  identity: CompletionIdentity;
  request: ParsedResponsesRequest;
  reply: CompletionReply;
  usage: TokenUsage;
  /** The output items' ids (`msg_…` for text, `fc_…` per call), in output order. */
  items: readonly StoredResponseItem[];
}

export function toResponsesUsage(usage: TokenUsage): ResponsesUsage {
  return {
    input_tokens: usage.promptTokens,
    input_tokens_details: { cached_tokens: usage.cachedTokens },
    output_tokens: usage.completionTokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: usage.promptTokens + usage.completionTokens,
  };
}

/**
 * The output items of a reply, with fresh ids drawn from `random`: one `message` for text, one
 * `function_call` per tool call.
 */
export function responseItemsOf(reply: CompletionReply, random: Random): StoredResponseItem[] {
  if (reply.kind === 'text') {
    return [{ type: 'message', id: `msg_${drawId(random, 48)}`, text: reply.text }];
  }
  return reply.calls.map((call) => ({
    type: 'function_call',
    id: `fc_${drawId(random, 48)}`,
    call_id: call.id,
    name: call.name,
    arguments: call.arguments,
  }));
}

/** The non-streamed `response` object, completed. */
export function buildResponse(answer: ResponseAnswer): Record<string, unknown> {
  return responseObject(answer, 'completed');
}

/**
 * The server-sent events of a streamed Responses answer, in the order and shape of OpenAI's
 * recorded streams (data/provider-streams/openai-responses-*.chunks.txt): `response.created` and
 * `response.in_progress` at once, then per output item `response.output_item.added`, for text
 * `response.content_part.added`, one `response.output_text.delta` per output token,
 * `response.output_text.done`, `response.content_part.done`, for a call one
 * `response.function_call_arguments.delta` per token and `response.function_call_arguments.done`,
 * then `response.output_item.done`; last `response.completed` with the usage. Every event
 * carries its `event:` name and a `sequence_number`; `random` draws the `obfuscation` padding
 * OpenAI adds to deltas.
 */
export function buildResponseStreamEvents(
  answer: ResponseAnswer & { random: Random },
): StreamEvent[] {
  const { reply, items, random } = answer;
  const events: StreamEvent[] = [];
  const push = (
    type: string,
    fields: Record<string, unknown>,
    outputTokens: number,
    atArrival = false,
  ) => {
    const data = JSON.stringify({ type, sequence_number: events.length, ...fields });
    events.push({ event: type, data, outputTokens, ...(atArrival ? { atArrival } : {}) });
  };
  // OpenAI pads each delta event to hide its length; the padding means nothing.
  const obfuscation = (delta: string) => drawId(random, Math.max(1, 16 - delta.length));

  // A real provider acknowledges the request before its first token.
  push('response.created', { response: responseObject(answer, 'in_progress') }, 1, true);
  push('response.in_progress', { response: responseObject(answer, 'in_progress') }, 1, true);

  let generated = 0;
  if (reply.kind === 'text') {
    const [item] = items;
    if (item === undefined || item.type !== 'message')
      throw new Error('A text reply has one message item.');
    const where = { item_id: item.id, output_index: 0, content_index: 0 };
    const part = (text: string) => ({ type: 'output_text', annotations: [], logprobs: [], text });
    push(
      'response.output_item.added',
      { output_index: 0, item: messageItem(item, 'in_progress') },
      1,
    );
    push('response.content_part.added', { ...where, part: part('') }, 1);
    for (const piece of splitIntoTokenPieces(reply.text)) {
      generated += piece.tokens;
      push(
        'response.output_text.delta',
        { ...where, delta: piece.text, logprobs: [], obfuscation: obfuscation(piece.text) },
        generated,
      );
    }
    const total = Math.max(1, generated);
    push('response.output_text.done', { ...where, text: reply.text, logprobs: [] }, total);
    push('response.content_part.done', { ...where, part: part(reply.text) }, total);
    push(
      'response.output_item.done',
      { output_index: 0, item: messageItem(item, 'completed') },
      total,
    );
  } else {
    reply.calls.forEach((call, index) => {
      const item = items[index];
      if (item === undefined || item.type !== 'function_call')
        throw new Error('A tool call has one function_call item.');
      generated += countToolCallTokens(call) - countOutputTokens(call.arguments);
      const opened = Math.max(1, generated);
      push(
        'response.output_item.added',
        { output_index: index, item: functionCallItem(item, 'in_progress') },
        opened,
      );
      const where = { item_id: item.id, output_index: index };
      for (const piece of splitIntoTokenPieces(call.arguments)) {
        generated += piece.tokens;
        push(
          'response.function_call_arguments.delta',
          { ...where, delta: piece.text, obfuscation: obfuscation(piece.text) },
          generated,
        );
      }
      const closed = Math.max(1, generated);
      push(
        'response.function_call_arguments.done',
        { ...where, arguments: call.arguments },
        closed,
      );
      push(
        'response.output_item.done',
        { output_index: index, item: functionCallItem(item, 'completed') },
        closed,
      );
    });
  }
  push(
    'response.completed',
    { response: responseObject(answer, 'completed') },
    Math.max(1, generated),
  );
  return events;
}

function messageItem(
  item: Extract<StoredResponseItem, { type: 'message' }>,
  status: 'in_progress' | 'completed',
): Record<string, unknown> {
  return {
    id: item.id,
    type: 'message',
    status,
    content:
      status === 'completed'
        ? [{ type: 'output_text', annotations: [], logprobs: [], text: item.text }]
        : [],
    role: 'assistant',
  };
}

function functionCallItem(
  item: Extract<StoredResponseItem, { type: 'function_call' }>,
  status: 'in_progress' | 'completed',
): Record<string, unknown> {
  return {
    id: item.id,
    type: 'function_call',
    status,
    arguments: status === 'completed' ? item.arguments : '',
    call_id: item.call_id,
    name: item.name,
  };
}

/**
 * The `response` object, as OpenAI returns it: the request's settings echoed back, the output
 * (empty until completed) and the usage (`null` until completed).
 */
function responseObject(
  answer: ResponseAnswer,
  status: 'in_progress' | 'completed',
): Record<string, unknown> {
  const { identity, request, usage, items } = answer;
  const completed = status === 'completed';
  return {
    id: identity.id,
    object: 'response',
    created_at: identity.created,
    status,
    background: false,
    error: null,
    incomplete_details: null,
    instructions: request.instructions ?? null,
    max_output_tokens: request.max_output_tokens ?? null,
    max_tool_calls: null,
    model: identity.model,
    output: completed
      ? items.map((item) =>
          item.type === 'message'
            ? messageItem(item, 'completed')
            : functionCallItem(item, 'completed'),
        )
      : [],
    parallel_tool_calls: request.parallel_tool_calls ?? true,
    previous_response_id: null,
    prompt_cache_key: null,
    prompt_cache_retention: null,
    reasoning: { effort: null, summary: null },
    safety_identifier: null,
    service_tier: completed ? 'default' : 'auto',
    store: request.store ?? true,
    temperature: request.temperature ?? 1,
    text: { format: request.text?.format ?? { type: 'text' }, verbosity: 'medium' },
    tool_choice: request.tool_choice ?? 'auto',
    tools: request.tools.map((tool) => ({
      type: 'function',
      description: tool.description ?? null,
      name: tool.name,
      parameters: tool.parameters ?? null,
      // Without `strict`, OpenAI makes a function strict when its schema allows it, and says so.
      strict: tool.strict ?? checkStrictJsonSchema(tool.parameters ?? {}).length === 0,
    })),
    top_logprobs: 0,
    top_p: request.top_p ?? 1,
    truncation: 'disabled',
    usage: completed ? toResponsesUsage(usage) : null,
    user: null,
    metadata: request.metadata ?? {},
  };
}
