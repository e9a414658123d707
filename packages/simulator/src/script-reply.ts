import type { ChatMessage, ChatRequest } from './chat-request.js';
import type { RequestMode } from './classify-request.js';
import type { CompiledScenario } from './compile-script-book.js';
import { answerJoin } from './answer-join.js';
import { isReplanRequest } from './is-replan-request.js';
import type { IssuedCall } from './issued-calls.js';
import type { ModelBehaviour } from './model-behaviour.js';
import { nextLoopTurn, type LoopCall } from './next-loop-turn.js';
import { planWithInjectedSteps } from './plan-with-injected-steps.js';
import { readInjectedCalls } from './read-injected-calls.js';
import { needToolsPlanText, readOfferedTools } from './read-offered-tools.js';
import { toolNotOffered, unscriptedQuery } from './script-failures.js';

/**
 * What the script says for a request, before ids and tokens are attached. `injectedCalls` counts
 * the calls the worst-case model obeyed in it: injected steps of a plan, or injected tool calls.
 */
export type ScriptedReply =
  | { kind: 'text'; text: string; injectedCalls: number }
  | { kind: 'tool-calls'; calls: LoopCall[]; injectedCalls: number };

/** Looks up the scripted reply for a request of the given mode. */
export function scriptReply(options: {
  request: ChatRequest;
  scenario: CompiledScenario;
  mode: RequestMode;
  lookupIssuedCall: (id: string) => IssuedCall | undefined;
  /** @default 'honest' */
  behaviour?: ModelBehaviour;
}): ScriptedReply {
  const { request, scenario, mode } = options;
  const worstCase = options.behaviour === 'worst-case';
  if (mode === 'plan') return planReply({ scenario, messages: request.messages, worstCase });
  if (mode === 'join') {
    // The joiner can only write text: obeying an injection would change nothing that acts.
    const text = answerJoin({ scenario, messages: request.messages });
    return { kind: 'text', text, injectedCalls: 0 };
  }
  const turn = nextLoopTurn({
    scenario,
    messages: request.messages,
    toolNames: new Set((request.tools ?? []).map((tool) => tool.function.name)),
    parallel: request.parallel_tool_calls !== false,
    lookupIssuedCall: options.lookupIssuedCall,
    ...(worstCase
      ? { injectedCalls: readInjectedCalls({ messages: request.messages, reservedIds: new Set() }) }
      : {}),
  });
  if (turn.kind === 'answer') return { kind: 'text', text: turn.text, injectedCalls: 0 };
  const injectedCalls = turn.calls.filter((call) => call.injected === true).length;
  return { kind: 'tool-calls', calls: turn.calls, injectedCalls };
}

/** The scripted plan — the replan for a replan or resume request, when there is one. */
function planReply(options: {
  scenario: CompiledScenario;
  messages: readonly ChatMessage[];
  worstCase: boolean;
}): ScriptedReply {
  const { scenario, messages, worstCase } = options;
  const plan =
    (scenario.replan !== undefined && isReplanRequest(messages) ? scenario.replan : undefined) ??
    scenario.plan;
  if (plan === undefined) {
    throw unscriptedQuery(
      `The script book has no plan for scenario \`${scenario.name}\` (query ${JSON.stringify(scenario.query)}).`,
    );
  }
  // A model plans with the tools it was shown: for one it was not, it asks (when the prompt says
  // how) or it cannot write the plan at all.
  const offered = readOfferedTools(messages);
  const missing = plan.tools?.filter((tool) => offered?.names.has(tool) === false) ?? [];
  if (offered !== undefined && missing.length > 0) {
    if (offered.canAsk) return { kind: 'text', text: needToolsPlanText(missing), injectedCalls: 0 };
    throw toolNotOffered(
      `The script's plan for scenario \`${scenario.name}\` calls ${missing.map((tool) => `\`${tool}\``).join(', ')}, which the planning request does not show (it lists ${offered.names.size} tool${offered.names.size === 1 ? '' : 's'}) and offers no way to ask for: a model could not write ${missing.length === 1 ? 'its call' : 'their calls'}.`,
    );
  }
  // A plan scripted as text is deliberately broken: it is sent as written, whoever asks.
  if (!worstCase || plan.object === undefined) {
    return { kind: 'text', text: plan.text, injectedCalls: 0 };
  }
  const obeyed = planWithInjectedSteps({ plan: plan.object, honestText: plan.text, messages });
  return { kind: 'text', text: obeyed.text, injectedCalls: obeyed.injectedSteps };
}
