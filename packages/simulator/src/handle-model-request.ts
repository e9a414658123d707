import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  completionTokensOf,
  type CompletionIdentity,
  type CompletionReply,
} from './build-completion.js';
import type { ChatRequest } from './chat-request.js';
import { checkRequestRules } from './check-request-rules.js';
import { checkReplyFormat, checkResponseFormatRequest } from './check-response-format.js';
import type { CompletionWire } from './completion-wire.js';
import { classifyRequest } from './classify-request.js';
import { computeRequestCost, type TokenUsage } from './compute-request-cost.js';
import { encodePrompt } from './encode-prompt.js';
import { describeQuery, findScenario } from './find-scenario.js';
import { outputTokenDueMs, planLatency } from './latency-model.js';
import { behaviourOf } from './model-behaviour.js';
import { unscriptedQuery } from './script-failures.js';
import { scriptReply } from './script-reply.js';
import { createSeededRandom, deriveSeed, drawId, type Random } from './seeded-random.js';
import {
  FAULT_HEADER,
  faultError,
  parseFaultHeader,
  type SimulatedFault,
} from './simulated-fault.js';
import { SimulatedApiError } from './simulator-errors.js';
import type { SimulatedRequestRecord } from './simulator-stats.js';
import type { SimulatorState } from './simulator-state.js';
import { writeEventStream } from './write-event-stream.js';

/** How many scripts an unscripted query's error names. */
const SCRIPTS_NAMED = 8;

/**
 * Serves one model request of any OpenAI API the provider speaks (`wire`: Chat Completions or
 * Responses): checks the request as OpenAI would, finds the scripted reply, counts tokens (with
 * the prompt cache), draws the latency, and answers — streamed over time or in one body — or
 * fails the way it was told to.
 */
export async function handleModelRequest<Source>(options: {
  state: SimulatorState;
  request: IncomingMessage;
  response: ServerResponse;
  body: string;
  startedAt: number;
  wire: CompletionWire<Source>;
}): Promise<void> {
  const { state, request, response, body, startedAt, wire } = options;
  const { profile, clock, speed, logger } = state.options;
  const record: SimulatedRequestRecord = {
    id: undefined,
    status: 200,
    stream: false,
    scenario: undefined,
    mode: undefined,
    namespace: namespaceOf(request),
    behaviour: undefined,
    injectedCalls: 0,
    fault: undefined,
    errorCode: undefined,
    promptTokens: 0,
    cachedTokens: 0,
    completionTokens: 0,
    costUsd: 0,
    timeToFirstTokenMs: 0,
    durationMs: 0,
    latenessMs: 0,
  };
  const aborted = new AbortController();
  response.on('close', () => aborted.abort());
  try {
    const fault = pickFault(state, request);
    if (fault !== undefined) record.fault = describeFault(fault);
    const faultResponse = fault === undefined ? undefined : faultError(fault, profile.name);
    if (faultResponse !== undefined) throw faultResponse;

    const behaviour = behaviourOf(request, state.options.behaviour);
    record.behaviour = behaviour;

    const { chat, source } = wire.read(parseJsonBody(body), state);
    record.stream = chat.stream === true;
    if (chat.model !== profile.name) {
      throw new SimulatedApiError({
        status: 404,
        type: 'invalid_request_error',
        param: 'model',
        code: 'model_not_found',
        message: `The model \`${chat.model}\` does not exist or you do not have access to it. This simulated provider serves \`${profile.name}\`.`,
      });
    }
    checkRequestRules(chat, wire.api);
    checkResponseFormatRequest(chat, wire.api);
    const scenario = findScenario(chat.messages, state.options.scripts);
    if (scenario === undefined) {
      const known = state.options.scripts.scenarios.map((entry) => `\`${entry.name}\``);
      // A book of hundreds of scripts would bury the point of the message: name a few.
      const named =
        known.length <= SCRIPTS_NAMED
          ? known.join(', ')
          : `${known.slice(0, SCRIPTS_NAMED).join(', ')} and ${known.length - SCRIPTS_NAMED} more`;
      throw unscriptedQuery(
        `The simulated model has no script for the query ${describeQuery(chat.messages)}. ${known.length === 0 ? 'The script book is empty.' : `Scripted scenarios: ${named}.`} It answers only the queries of its script book (--scripts FILE); for your own queries, use a real model (--base-url).`,
      );
    }
    record.scenario = scenario.name;
    const mode = classifyRequest(chat);
    record.mode = mode;

    const random = requestRandoms(state, chat, namespaceOf(request));
    const scripted = scriptReply({
      request: chat,
      scenario,
      mode,
      lookupIssuedCall: (id) => state.issuedCalls.get(id),
      behaviour,
    });
    const issued =
      scripted.kind === 'text'
        ? []
        : scripted.calls.map(({ call, args, injected }) => ({
            call,
            injected: injected === true,
            id: `call_${drawId(random.ids, 24)}`,
            arguments: JSON.stringify(args),
          }));
    const reply: CompletionReply =
      scripted.kind === 'text'
        ? { kind: 'text', text: scripted.text }
        : {
            kind: 'tool-calls',
            calls: issued.map(({ call, id, arguments: text }) => ({
              id,
              name: call.providerName,
              arguments: text,
            })),
          };
    if (reply.kind === 'text') {
      checkReplyFormat({ text: reply.text, format: chat.response_format, scenario: scenario.name });
    }

    const promptTokens = encodePrompt(chat);
    const usage: TokenUsage = {
      promptTokens: promptTokens.length,
      cachedTokens: state.promptCache(namespaceOf(request)).lookupAndStore(promptTokens),
      completionTokens: completionTokensOf(reply),
    };
    const latency = planLatency({
      profile,
      promptTokens: usage.promptTokens,
      cachedTokens: usage.cachedTokens,
      random: random.latency,
    });
    const identity: CompletionIdentity = {
      id: wire.newId(random.ids),
      created: Math.floor(Date.now() / 1000),
      model: profile.snapshot,
      systemFingerprint: state.systemFingerprint,
    };
    for (const { id, call, injected } of issued) {
      // Injected calls are recognised by name and arguments alone: their ids are not the
      // script's, and one could shadow a scripted call's id.
      if (!injected) state.issuedCalls.add(id, { scenario: scenario.name, callId: call.id });
    }
    Object.assign(record, {
      id: identity.id,
      injectedCalls: scripted.injectedCalls,
      promptTokens: usage.promptTokens,
      cachedTokens: usage.cachedTokens,
      completionTokens: usage.completionTokens,
      costUsd: computeRequestCost(usage, profile),
      timeToFirstTokenMs: latency.timeToFirstTokenMs,
      durationMs: outputTokenDueMs(latency, usage.completionTokens),
    });

    const answer = wire.answer({
      state,
      source,
      chat,
      identity,
      reply,
      usage,
      random: random.ids,
    });

    const cut = fault?.kind === 'cut-stream' ? fault.afterChunks : undefined;
    const headers = {
      'x-request-id': `req_${identity.id.replace(/^[a-z]+[-_]/, '')}`,
      'openai-version': '2020-10-01',
    };
    if (chat.stream === true) {
      response.writeHead(200, {
        ...headers,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      });
      response.flushHeaders();
      await writeEventStream({
        response,
        events: answer.events(),
        latency,
        speed,
        clock,
        startedAt,
        signal: aborted.signal,
        ...(cut === undefined ? {} : { cutAfterChunks: cut }),
        onLate: (lateMs) => {
          record.latenessMs = Math.max(record.latenessMs, lateMs);
        },
      });
      return;
    }
    const due = startedAt + record.durationMs / speed;
    const wait = due - clock.now();
    if (wait >= 1) {
      try {
        await clock.sleep(wait, aborted.signal);
      } catch {
        return;
      }
    }
    record.latenessMs = Math.max(0, clock.now() - due);
    if (cut !== undefined) {
      response.destroy();
      return;
    }
    const completion = JSON.stringify(answer.body());
    response.writeHead(200, { ...headers, 'content-type': 'application/json' });
    response.end(completion);
  } catch (error) {
    const apiError =
      error instanceof SimulatedApiError
        ? error
        : new SimulatedApiError({
            status: 500,
            type: 'server_error',
            code: 'simulator_error',
            message: `The simulated provider failed: ${(error as Error).message}`,
            cause: error,
          });
    record.status = apiError.status;
    record.errorCode = apiError.code ?? apiError.type;
    if (apiError.status >= 500 && record.fault === undefined) {
      logger.error(`[toolplan simulator] ${apiError.status} ${apiError.code}: ${apiError.message}`);
    }
    writeApiError(response, apiError);
  } finally {
    state.stats.record(record);
  }
}

/** Writes an OpenAI-shaped error, or drops the connection if a stream had already begun. */
export function writeApiError(response: ServerResponse, error: SimulatedApiError): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(error.status, { 'content-type': 'application/json', ...error.headers });
  response.end(JSON.stringify(error.toJSON()));
}

function pickFault(state: SimulatorState, request: IncomingMessage): SimulatedFault | undefined {
  // The schedule counts every request, so `skip` means the same with or without header faults.
  const scheduled = state.faults.next();
  const header = request.headers[FAULT_HEADER];
  if (header === undefined) return scheduled;
  return parseFaultHeader(Array.isArray(header) ? header.join(',') : header);
}

function describeFault(fault: SimulatedFault): string {
  if (fault.kind === 'cut-stream') return `cut-stream:${fault.afterChunks}`;
  if (fault.kind === 'rate-limit') return `rate-limit:${fault.retryAfterSeconds ?? 1}`;
  return fault.kind;
}

function parseJsonBody(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new SimulatedApiError({
      status: 400,
      type: 'invalid_request_error',
      param: null,
      code: null,
      message:
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have trouble figuring out how to fix this, please contact us through our help center at help.openai.com.)",
    });
  }
}

/**
 * Generators for this request alone, seeded by the run's seed, what was asked, and how many times
 * the same thing was asked before: concurrent requests get the same draws whatever order they
 * arrive in. Latency and ids draw from separate streams so that one cannot shift the other.
 */
function requestRandoms(
  state: SimulatorState,
  chat: ChatRequest,
  namespace: string,
): { latency: Random; ids: Random } {
  const key = createHash('sha256')
    .update(JSON.stringify([chat.messages, chat.tools ?? null, chat.response_format ?? null]))
    .digest('hex');
  const occurrence = state.nextOccurrence(key, namespace);
  const seed = state.options.seed;
  return {
    latency: createSeededRandom(deriveSeed(seed, key, occurrence, 'latency')),
    ids: createSeededRandom(deriveSeed(seed, key, occurrence, 'ids')),
  };
}

/**
 * The namespace a request names (`X-Toolplan-Namespace`), as an organisation on a real provider:
 * its own prompt cache and its own count of repeated requests. `''` when it names none.
 */
export function namespaceOf(request: IncomingMessage): string {
  const value = request.headers['x-toolplan-namespace'];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}
