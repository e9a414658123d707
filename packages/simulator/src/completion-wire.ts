import type { CompletionIdentity, CompletionReply, StreamEvent } from './build-completion.js';
import type { ChatRequest } from './chat-request.js';
import type { ModelApi } from './check-request-rules.js';
import type { TokenUsage } from './compute-request-cost.js';
import type { Random } from './seeded-random.js';
import type { SimulatorState } from './simulator-state.js';

/** What one request is answered with, in one body or as a stream. */
export interface WireAnswer {
  body(): unknown;
  events(): StreamEvent[];
}

/**
 * One OpenAI API as the simulated provider speaks it: how a body is read into the internal chat
 * shape every request is served in, and how a reply is written back. Everything between —
 * checks, scripts, tokens, cache, latency, faults — is the same for every API.
 */
export interface CompletionWire<Source> {
  readonly api: ModelApi;
  /** Reads a parsed JSON body (throwing `SimulatedApiError` as the API would). */
  read(body: unknown, state: SimulatorState): { chat: ChatRequest; source: Source };
  /** A fresh id for an answer (`chatcmpl-…`, `resp_…`). */
  newId(random: Random): string;
  /** The answer to a request whose reply is decided; may remember what it sent in `state`. */
  answer(options: {
    state: SimulatorState;
    source: Source;
    chat: ChatRequest;
    identity: CompletionIdentity;
    reply: CompletionReply;
    usage: TokenUsage;
    random: Random;
  }): WireAnswer;
}
