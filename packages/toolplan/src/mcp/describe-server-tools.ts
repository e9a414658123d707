import type { ToolRegistry } from '../tools/index.js';

// What a client (most often a model) is told about `run_plan`: the plan format in the fewest
// lines that teach it, what happens to side effects, and the tools as compact signatures.
const PLAN_FORMAT = `Runs a plan of tool calls in one request. The whole plan is validated before anything runs (an invalid plan returns every problem, and nothing runs); then steps run in parallel unless one uses another's result.
A plan is JSON: {"steps": [{"id": "a", "tool": "name", "args": {…}}, …], "answer": "…"}.
- "$a" or "$a.x[0].y" as a whole argument value passes step a's result, typed; "\${a.x}" inside text inserts it; "$$" is a literal $.
- "forEach": "$a.list" or a literal array runs the step once per item, with $item and $index in args; its result is the list of results.
- "after": ["a"] orders steps without data.
- "answer": optional template of the final answer over the results, e.g. "Warmest: \${c.city}".
A step may also be a call string: "w=get_weather(city='Oslo')".`;

const UNTRUSTED = `The plan is untrusted input: a call of a tool with side effects is denied (step status "denied"; it does not run) unless a policy set on the server allows it. Read-only tools run.`;

const TRUSTED = `Calls of tools with side effects run when their arguments are the plan's own values; one whose argument comes from a tool's untrusted output is denied (step status "denied").`;

/** The description of `run_plan`: the plan format, the side-effect rule, the tools. */
export function describeRunPlan(options: { tools: ToolRegistry; trustPlans: boolean }): string {
  const rule = options.trustPlans ? TRUSTED : UNTRUSTED;
  return `${PLAN_FORMAT}\n${rule}\nTools:\n${options.tools.renderCompact()}`;
}

/** The description of `ask`: what it does, and the tools it may use. */
export function describeAsk(options: { tools: ToolRegistry }): string {
  return `Answers a question in one call: a model plans the tool calls (or a known plan is reused) and they are executed, in parallel where they can be. Returns the answer, the plans run (each can be run again with run_plan), every step and the model usage.\nTools it may use: ${options.tools.names().join(', ')}.`;
}
