import type { ChatRequest } from './chat-request.js';
import type { RequestMode } from './classify-request.js';
import type { CompiledCall, CompiledScenario } from './compile-script-book.js';
import { answerJoin } from './answer-join.js';
import type { IssuedCall } from './issued-calls.js';
import { nextLoopTurn } from './next-loop-turn.js';
import { unscriptedQuery } from './script-failures.js';

/** What the script says for a request, before ids and tokens are attached. */
export type ScriptedReply =
  | { kind: 'text'; text: string }
  | { kind: 'tool-calls'; calls: Array<{ call: CompiledCall; args: unknown }> };

/** Looks up the scripted reply for a request of the given mode. */
export function scriptReply(options: {
  request: ChatRequest;
  scenario: CompiledScenario;
  mode: RequestMode;
  lookupIssuedCall: (id: string) => IssuedCall | undefined;
}): ScriptedReply {
  const { request, scenario, mode } = options;
  if (mode === 'plan') {
    if (scenario.planText === undefined) {
      throw unscriptedQuery(
        `The script book has no plan for scenario \`${scenario.name}\` (query ${JSON.stringify(scenario.query)}).`,
      );
    }
    return { kind: 'text', text: scenario.planText };
  }
  if (mode === 'join') {
    return { kind: 'text', text: answerJoin({ scenario, messages: request.messages }) };
  }
  const turn = nextLoopTurn({
    scenario,
    messages: request.messages,
    toolNames: new Set((request.tools ?? []).map((tool) => tool.function.name)),
    parallel: request.parallel_tool_calls !== false,
    lookupIssuedCall: options.lookupIssuedCall,
  });
  return turn.kind === 'answer'
    ? { kind: 'text', text: turn.text }
    : { kind: 'tool-calls', calls: turn.calls };
}
