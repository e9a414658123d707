import type { ToolRegistry } from '../tools/index.js';

/**
 * Tags the planner's requests. It costs a few tokens and lets a provider-side router (and the
 * simulated provider's scripts) tell a planning request from any other.
 */
export const PLANNER_PROMPT_TAG = '[toolplan:plan]';

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
Tools:
`;

/**
 * The planner's system prompt: the instructions, then the tools as compact signatures. It holds
 * nothing that changes between queries — the query goes in the user message after it — so it is
 * byte-identical across calls and a provider's prompt cache covers it.
 */
export function renderPlannerPrompt(tools: ToolRegistry): string {
  return INSTRUCTIONS + tools.renderCompact();
}

/** The follow-up that asks for a corrected plan, with every problem found. */
export function renderCorrectionRequest(problems: string): string {
  return `${problems}\nReply with the whole corrected plan as one JSON object.`;
}
