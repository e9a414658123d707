import type { TokenUsage } from './compute-request-cost.js';
import { countOutputTokens, countToolCallTokens, splitIntoTokenPieces } from './output-tokens.js';

/** What every chunk of one completion repeats. */
export interface CompletionIdentity {
  id: string;
  created: number;
  model: string;
  systemFingerprint: string;
}

export interface ReplyToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** The model's reply: text, or tool calls. */
export type CompletionReply =
  { kind: 'text'; text: string } | { kind: 'tool-calls'; calls: readonly ReplyToolCall[] };

/** OpenAI's `usage` object, with every detail field OpenAI sends today. */
export interface OpenAIUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number; audio_tokens: number };
  completion_tokens_details: {
    reasoning_tokens: number;
    audio_tokens: number;
    accepted_prediction_tokens: number;
    rejected_prediction_tokens: number;
  };
}

/** One server-sent event, due once `outputTokens` output tokens have been generated. */
export interface StreamEvent {
  /** The event's name (`event:` line), for APIs that name their events (Responses). */
  event?: string;
  data: string;
  outputTokens: number;
  /** Due when the request arrives instead, as the acknowledgements a provider sends at once. */
  atArrival?: boolean;
}

export function completionTokensOf(reply: CompletionReply): number {
  if (reply.kind === 'text') return countOutputTokens(reply.text);
  return reply.calls.reduce((total, call) => total + countToolCallTokens(call), 0);
}

export function toOpenAIUsage(usage: TokenUsage): OpenAIUsage {
  return {
    prompt_tokens: usage.promptTokens,
    completion_tokens: usage.completionTokens,
    total_tokens: usage.promptTokens + usage.completionTokens,
    prompt_tokens_details: { cached_tokens: usage.cachedTokens, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

function finishReasonOf(reply: CompletionReply): 'stop' | 'tool_calls' {
  return reply.kind === 'text' ? 'stop' : 'tool_calls';
}

/** The non-streaming `chat.completion` object. */
export function buildCompletion(options: {
  identity: CompletionIdentity;
  reply: CompletionReply;
  usage: TokenUsage;
}): Record<string, unknown> {
  const { identity, reply, usage } = options;
  const message =
    reply.kind === 'text'
      ? { role: 'assistant', content: reply.text, refusal: null, annotations: [] }
      : {
          role: 'assistant',
          content: null,
          tool_calls: reply.calls.map((call) => ({
            id: call.id,
            type: 'function',
            function: { name: call.name, arguments: call.arguments },
          })),
          refusal: null,
          annotations: [],
        };
  return {
    id: identity.id,
    object: 'chat.completion',
    created: identity.created,
    model: identity.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: finishReasonOf(reply) }],
    usage: toOpenAIUsage(usage),
    service_tier: 'default',
    system_fingerprint: identity.systemFingerprint,
  };
}

/**
 * The `chat.completion.chunk` events of a streamed reply, shaped like OpenAI's recorded streams:
 * a role chunk, one chunk per output token (`content`, or a tool call's `arguments` fragment after
 * a first fragment naming the call), a chunk with `finish_reason`, the usage chunk when asked for
 * (`choices: []`), then `[DONE]`. Each event says after how many output tokens it is due.
 */
export function buildStreamEvents(options: {
  identity: CompletionIdentity;
  reply: CompletionReply;
  usage: TokenUsage;
  includeUsage: boolean;
}): StreamEvent[] {
  const { identity, reply, usage, includeUsage } = options;
  const events: StreamEvent[] = [];
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      id: identity.id,
      object: 'chat.completion.chunk',
      created: identity.created,
      model: identity.model,
      system_fingerprint: identity.systemFingerprint,
      choices,
      ...extra,
    });
  const delta = (value: Record<string, unknown>, finishReason: string | null = null) => [
    { index: 0, delta: value, logprobs: null, finish_reason: finishReason },
  ];

  // The role chunk goes out with the first token; its fields follow the recordings: text replies
  // open with an empty content and a null refusal, tool-call replies with a null content.
  const roleDelta =
    reply.kind === 'text'
      ? { role: 'assistant', content: '', refusal: null }
      : { role: 'assistant', content: null };
  events.push({ data: chunk(delta(roleDelta)), outputTokens: 1 });

  let generated = 0;
  if (reply.kind === 'text') {
    for (const piece of splitIntoTokenPieces(reply.text)) {
      generated += piece.tokens;
      events.push({ data: chunk(delta({ content: piece.text })), outputTokens: generated });
    }
  } else {
    reply.calls.forEach((call, index) => {
      generated += countToolCallTokens(call) - countOutputTokens(call.arguments);
      const opening = {
        tool_calls: [
          { index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } },
        ],
      };
      events.push({ data: chunk(delta(opening)), outputTokens: generated });
      for (const piece of splitIntoTokenPieces(call.arguments)) {
        generated += piece.tokens;
        const fragment = { tool_calls: [{ index, function: { arguments: piece.text } }] };
        events.push({ data: chunk(delta(fragment)), outputTokens: generated });
      }
    });
  }
  const total = Math.max(1, generated);
  events.push({ data: chunk(delta({}, finishReasonOf(reply))), outputTokens: total });
  if (includeUsage) {
    events.push({ data: chunk([], { usage: toOpenAIUsage(usage) }), outputTokens: total });
  }
  events.push({ data: '[DONE]', outputTokens: total });
  return events;
}
