import { isDeepStrictEqual } from 'node:util';
import { resolveValue, type CompiledValue } from 'toolplan/internal';
import type { ChatMessage } from './chat-request.js';
import type { CompiledCall, CompiledScenario } from './compile-script-book.js';
import { askedAt } from './find-scenario.js';
import type { IssuedCall } from './issued-calls.js';
import { readResult, readToolCalls, type ConversationToolCall } from './read-tool-calls.js';
import { scriptFailure, unscriptedQuery, unscriptedTurn } from './script-failures.js';
import { trackInjectedCalls } from './track-injected-calls.js';

/** What a competent model says next in a tool loop. */
export type LoopTurn = { kind: 'calls'; calls: LoopCall[] } | { kind: 'answer'; text: string };

/** One tool call of a turn: a scripted call, or (`injected`) one the worst-case model obeys. */
export interface LoopCall {
  call: CompiledCall;
  args: unknown;
  injected?: true;
}

/**
 * Reads the conversation so far against the scenario's loop and returns the next turn: every
 * ready call (or only the first, without parallel calls), or the answer once all calls have
 * results. With `injectedCalls` (the worst-case model), the ready injected calls come first and
 * the answer waits for them too. See script-book.ts for the rules.
 */
export function nextLoopTurn(options: {
  scenario: CompiledScenario;
  messages: readonly ChatMessage[];
  /** Tool names the request offers (provider-safe form). */
  toolNames: ReadonlySet<string>;
  parallel: boolean;
  lookupIssuedCall: (id: string) => IssuedCall | undefined;
  /**
   * Calls injected into the conversation that the model obeys (`readInjectedCalls`).
   * @default [] (the honest model)
   */
  injectedCalls?: readonly CompiledCall[];
}): LoopTurn {
  const { scenario, messages, toolNames, parallel, lookupIssuedCall } = options;
  const loop = scenario.loop;
  if (loop === undefined) {
    throw unscriptedQuery(
      `The script book has no tool loop for scenario \`${scenario.name}\` (query ${JSON.stringify(scenario.query)}).`,
    );
  }
  // Only the calls made since the question was asked: in a multi-turn conversation the earlier
  // calls answered earlier questions (other scenarios) and are history, not this script's calls.
  const made = readToolCalls(messages.slice(askedAt(messages, scenario.query) + 1));
  const matched = new Map<string, ConversationToolCall>();
  const used = new Set<ConversationToolCall>();
  const results = new Map<string, unknown>();
  const match = (callId: string, conversationCall: ConversationToolCall) => {
    matched.set(callId, conversationCall);
    used.add(conversationCall);
    if (conversationCall.result !== undefined) results.set(callId, conversationCall.result.value);
  };

  const scripted = new Set(loop.calls.map((call) => call.id));
  for (const conversationCall of made) {
    const issued = lookupIssuedCall(conversationCall.id);
    if (
      issued !== undefined &&
      issued.scenario === scenario.name &&
      scripted.has(issued.callId) &&
      !matched.has(issued.callId)
    ) {
      match(issued.callId, conversationCall);
    }
  }
  // Calls with ids this server did not issue are recognised by name and arguments, in dependency
  // order: a call's arguments can only be known once the results it reads are.
  for (let progress = true; progress;) {
    progress = false;
    for (const call of loop.calls) {
      if (matched.has(call.id) || !call.dependencies.every((id) => results.has(id))) continue;
      const args = resolveCall(scenario, call, results);
      const candidate = made.find(
        (conversationCall) =>
          !used.has(conversationCall) &&
          conversationCall.name === call.providerName &&
          isDeepStrictEqual(readResult(conversationCall.argumentsText), args),
      );
      if (candidate !== undefined) {
        match(call.id, candidate);
        progress = true;
      }
    }
  }

  // Injected calls are read against the whole conversation: one obeyed while an earlier question
  // was being answered has been made all the same.
  const injectedCalls = options.injectedCalls ?? [];
  const injected = trackInjectedCalls({
    calls: injectedCalls,
    conversation: injectedCalls.length === 0 ? [] : readToolCalls(messages),
    toolNames,
  });
  const strangers = made.filter(
    (conversationCall) =>
      !used.has(conversationCall) && !injected.recognised.has(conversationCall.id),
  );
  if (strangers.length > 0) {
    const listed = strangers
      .map((call) => `${call.name}(${call.argumentsText}) [${call.id}]`)
      .join(', ');
    throw unscriptedTurn(
      `The conversation for scenario \`${scenario.name}\` (query ${JSON.stringify(scenario.query)}) holds tool calls its script does not make: ${listed}.`,
    );
  }

  const pending = loop.calls.filter((call) => !matched.has(call.id));
  if (pending.length === 0 && injected.pending === 0) {
    return { kind: 'answer', text: resolveText(scenario, loop.answer, results) };
  }
  const obeyed: LoopCall[] = injected.ready.map(({ call, args }) => ({
    call,
    args,
    injected: true,
  }));
  if (obeyed.length > 0 && !parallel) return { kind: 'calls', calls: obeyed.slice(0, 1) };
  const ready = pending.filter((call) => call.dependencies.every((id) => results.has(id)));
  if (ready.length === 0 && obeyed.length > 0) return { kind: 'calls', calls: obeyed };
  if (ready.length === 0) {
    // Every made call has a result (the request was checked for that), so this means the
    // dependencies point at calls that were matched without results: report rather than guess.
    throw scriptFailure(
      `Scenario \`${scenario.name}\`: no scripted call is ready; waiting on ${pending.map((call) => `\`${call.id}\``).join(', ')}.`,
    );
  }
  const chosen = parallel ? ready : ready.slice(0, 1);
  for (const call of chosen) {
    if (!toolNames.has(call.providerName)) {
      const offered = [...toolNames].map((name) => `\`${name}\``).join(', ') || 'none';
      throw unscriptedTurn(
        `The script for scenario \`${scenario.name}\` calls \`${call.providerName}\` (call \`${call.id}\`), but the request offers only these tools: ${offered}.`,
      );
    }
  }
  return {
    kind: 'calls',
    calls: [
      ...obeyed,
      ...chosen.map((call) => ({ call, args: resolveCall(scenario, call, results) })),
    ],
  };
}

function resolveCall(
  scenario: CompiledScenario,
  call: CompiledCall,
  results: ReadonlyMap<string, unknown>,
): unknown {
  try {
    return resolveValue(call.args, { results, stepId: call.id });
  } catch (error) {
    throw scriptFailure(
      `Scenario \`${scenario.name}\` (query ${JSON.stringify(scenario.query)}): the arguments of call \`${call.id}\` cannot be read from the results: ${(error as Error).message}`,
      error,
    );
  }
}

/** Resolves an answer template against results; a non-text value is written as JSON. */
export function resolveText(
  scenario: CompiledScenario,
  answer: CompiledValue,
  results: ReadonlyMap<string, unknown>,
): string {
  let value: unknown;
  try {
    value = resolveValue(answer, { results });
  } catch (error) {
    throw scriptFailure(
      `Scenario \`${scenario.name}\` (query ${JSON.stringify(scenario.query)}): the answer cannot be written from the results: ${(error as Error).message}`,
      error,
    );
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}
