import { isDeepStrictEqual } from 'node:util';
import { resolveValue } from 'toolplan/internal';
import type { CompiledCall } from './compile-script-book.js';
import { readResult, type ConversationToolCall } from './read-tool-calls.js';

/** Where the injected calls of a tool-loop conversation stand. */
export interface InjectedProgress {
  /** Ids of the conversation's tool calls that are injected calls: they are not strangers. */
  recognised: ReadonlySet<string>;
  /** Injected calls not made yet whose dependencies have results, with their arguments. */
  ready: Array<{ call: CompiledCall; args: unknown }>;
  /** How many injected calls the model still means to make (the ready ones and those they feed). */
  pending: number;
}

/**
 * Reads a conversation against the calls injected into it. An injected call is *made* when the
 * conversation holds an assistant tool call with its provider-safe name and deep-equal arguments
 * (its arguments resolved from the results of the injected calls it references); its result is
 * then what later injected calls read. A call not made is *ready* once its dependencies have
 * results. A call the model cannot make — its tool is not offered, its arguments cannot be read
 * from the results, or a call it depends on is one of these — is given up, so that it never holds
 * back the answer.
 */
export function trackInjectedCalls(options: {
  calls: readonly CompiledCall[];
  /** Every tool call of the conversation, with its result. */
  conversation: readonly ConversationToolCall[];
  /** Tool names the request offers (provider-safe form). */
  toolNames: ReadonlySet<string>;
}): InjectedProgress {
  const { calls, conversation, toolNames } = options;
  const results = new Map<string, unknown>();
  // Calls made, ready or waiting on those: the ones still in play.
  const live = new Set<string>();
  const recognised = new Set<string>();
  const ready: InjectedProgress['ready'] = [];
  let pending = 0;
  // Dependencies always come earlier (readInjectedCalls), so one pass in order sees them first.
  for (const call of calls) {
    if (!call.dependencies.every((id) => live.has(id))) continue;
    if (!call.dependencies.every((id) => results.has(id))) {
      if (toolNames.has(call.providerName)) {
        live.add(call.id);
        pending += 1;
      }
      continue;
    }
    let args: unknown;
    try {
      args = resolveValue(call.args, { results, stepId: call.id });
    } catch {
      continue;
    }
    const made = conversation.find(
      (conversationCall) =>
        conversationCall.name === call.providerName &&
        isDeepStrictEqual(readResult(conversationCall.argumentsText), args),
    );
    if (made !== undefined) {
      live.add(call.id);
      recognised.add(made.id);
      if (made.result !== undefined) results.set(call.id, made.result.value);
      continue;
    }
    if (!toolNames.has(call.providerName)) continue;
    live.add(call.id);
    pending += 1;
    ready.push({ call, args });
  }
  return { recognised, ready, pending };
}
