import type { ToolRegistry } from '../tools/index.js';

/**
 * Tags the planner's requests. It costs a few tokens and lets a provider-side router (and the
 * simulated provider's scripts) tell a planning request from any other.
 */
export const PLANNER_PROMPT_TAG = '[toolplan:plan]';

/**
 * The step a planner writes for a tool that its prompt did not list, when tool selection sent only
 * some of a large catalog (`need_tools(query='what it must do')`): not a tool, a request for more.
 */
export const NEED_TOOLS_TOOL = 'need_tools';

/** The line that opens the message listing the tools a planner asked for. */
export const MORE_TOOLS_HEADING = 'More tools:';

/** The line after which the planner's prompt lists the tools, one signature a line. */
export const TOOLS_HEADING = 'Tools:';

// Teaches the wire form (`PlanEnvelope`, call-string steps): it is input on every planning call,
// so every line must pay for itself.
const INSTRUCTIONS = `${PLANNER_PROMPT_TAG} Reply with one JSON plan of every tool call needed to answer the user.
Each step is a string id=tool(name=value,…); values are JSON or 'text'.
Steps run in parallel unless one uses another's result: $a or $a.x[0].y as a whole value passes it, typed; '\${a.x}' in text inserts it; $$ is $.
" for […]" or " for $a.list" runs a step per item ($item, $index in args; $b[$index] is b's item at that index) and gives the list of results; use it rather than repeating a step.
" after a,b" orders steps without data.
"answer": the final answer as a template over results, or null if it needs reasoning.
Short ids. Example:
{"steps":["w=get_weather(city=$item) for ['Oslo','Rome']","c=compare(results=$w)"],"answer":"Warmest: \${c.warmest}"}
`;

// With tool selection: how to ask for a tool that was not listed (one extra round at most).
const NEED_TOOLS_INSTRUCTIONS = `Only the likeliest tools are listed. If one the plan needs is not, reply only {"steps":["n=${NEED_TOOLS_TOOL}(query='what it must do')"],"answer":null}, a step per missing tool.
`;

/**
 * The planner's system prompt: the instructions, then the tools as compact signatures. It holds
 * nothing that changes between queries — the query goes in the user message after it — so it is
 * byte-identical across calls and a provider's prompt cache covers it.
 */
export function renderPlannerPrompt(tools: ToolRegistry): string {
  return `${INSTRUCTIONS}${TOOLS_HEADING}\n${tools.renderCompact()}`;
}

/**
 * The planner's system prompt when tool selection sent only some of the catalog: the same
 * instructions, how to ask for a tool that is not listed (`need_tools`), then the signatures of
 * the tools sent (in the catalog's order, so a repeated query's prompt is byte-identical).
 */
export function renderSelectedPlannerPrompt(signatures: readonly string[]): string {
  return `${INSTRUCTIONS}${NEED_TOOLS_INSTRUCTIONS}${TOOLS_HEADING}\n${signatures.join('\n')}`;
}

/**
 * The reply to a plan that asked for tools (`need_tools`): the signatures of those found, or word
 * that none was, and the request for the whole plan.
 */
export function renderMoreToolsRequest(signatures: readonly string[]): string {
  if (signatures.length === 0)
    return 'No other tool matches. Reply with the whole plan as one JSON object, using the tools listed.';
  return `${MORE_TOOLS_HEADING}\n${signatures.join('\n')}\nReply with the whole plan as one JSON object.`;
}

/** The follow-up that asks for a corrected plan, with every problem found. */
export function renderCorrectionRequest(problems: string): string {
  return `${problems}\nReply with the whole corrected plan as one JSON object.`;
}
