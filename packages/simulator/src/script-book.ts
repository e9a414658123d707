/**
 * # The script book: what the simulated model says
 *
 * The simulated provider invents nothing. Every answer comes from a script book, plain data that a
 * benchmark scenario ships beside its tools:
 *
 * ```ts
 * const book: ScriptBook = {
 *   scenarios: [
 *     {
 *       name: 'weather',
 *       query: 'Compare the weather in Boston and NYC on 2024-01-20.',
 *       loop: {
 *         calls: [
 *           { id: 'bos', tool: 'weather.get', args: { city: 'Boston', date: '2024-01-20' } },
 *           { id: 'nyc', tool: 'weather.get', args: { city: 'NYC', date: '2024-01-20' } },
 *           { id: 'cmp', tool: 'compare_temps', args: { results: ['$bos', '$nyc'] } },
 *         ],
 *         answer: 'Warmer: ${cmp.warmer} (${cmp.diff} degrees)',
 *       },
 *       plan: { steps: [ … ], answer: '…' },
 *       joinAnswer: 'Warmer: ${cmp.warmer} (${cmp.diff} degrees)',
 *     },
 *   ],
 * };
 * ```
 *
 * **Which scenario.** A request belongs to the scenario whose `query` (trimmed) occurs in the text
 * of one of its user messages: the latest user message is tried first, then the earlier ones (in a
 * multi-turn conversation the newest question is the one being answered); where several queries
 * occur in the same message, the one whose occurrence ends last wins (a follow-up prompt quotes
 * earlier questions before the one it asks), and of those ending at the same place the longest,
 * so a query that extends another is not shadowed by it. Containment rather than equality lets a planner or a joiner wrap the query
 * in its own prompt. A request matching no scenario is answered with a 400 error that quotes the
 * first user message.
 *
 * **Which mode.**
 * - *Planning*: the system, developer or user text contains `PLAN_REQUEST_MARKER`
 *   (`[toolplan:plan]`), or the `response_format` is a json_schema named
 *   `PLAN_SCHEMA_NAME` (`toolplan_plan`). The reply is `plan` as JSON text: an object (a plan
 *   in toolplan's canonical form) is sent in the wire form the planner's prompt asks for, steps
 *   as call strings and the answer or `null` (`planReplyText`); a string is sent as written, so a
 *   scenario can script a broken plan.
 *   The marker wins over `tools`.
 * - *Tool loop*: otherwise, when the request has `tools` (and `tool_choice` is not `"none"`).
 *   The model reads the conversation since the question was last asked (the latest user message
 *   containing the query; calls before it answered earlier questions): the assistant tool calls
 *   already made and the `role: "tool"` results answering them (by `tool_call_id`). A scripted call is *ready* when every call it
 *   depends on — its `after` and every call its `args` reference — has a result. With parallel
 *   tool calls (the default) the reply holds every ready call at once; with
 *   `parallel_tool_calls: false` only the first ready one, in script order. Once every call has a
 *   result, the reply is `answer` as text. A call is sent under its provider-safe name
 *   (`weather.get` → `weather_get`) and must be among the request's tools.
 * - *Join*: any other request. The reply is `joinAnswer`.
 *
 * **References.** `args`, `answer` and `joinAnswer` may use toolplan's reference syntax: a string
 * that is exactly `$id` or `$id.path` becomes that value (typed), `${id.path}` inside a longer
 * string is interpolated as text, `$$` is a literal dollar. In the loop, `id` is a scripted call's
 * id and its value is the JSON-parsed content of the tool message answering it (the raw text when
 * it is not JSON): the model "reads" the results. In `joinAnswer`, `id` is a plan step's id and the
 * value is looked up in the prompt: a tool message whose `tool_call_id` is that id, or the key
 * `id` of a JSON object in any message's text (top level, or under `"results"` or `"steps"`).
 * A reference that cannot be resolved is a 500 error naming the query — never made-up text.
 *
 * **How a conversation's calls are recognised.** A call id the simulator issued maps back to its
 * scripted call. A call with any other id (a conversation replayed across restarts) is matched by
 * tool name and deep-equal arguments. A call that matches nothing in the script is a 400 error:
 * the conversation has left the script.
 */
export interface ScriptBook {
  scenarios: readonly ScriptedScenario[];
}

/** One user query and everything the model says about it. */
export interface ScriptedScenario {
  /** Unique; used in error messages and statistics. */
  name: string;
  /** The user's query; unique within the book. */
  query: string;
  /** The tool-loop conversation a competent model would have. */
  loop?: ScriptedLoop;
  /** The plan a competent planner writes: a canonical plan object (sent in the wire form), or its exact text. */
  plan?: string | Record<string, unknown>;
  /** The answer written from the plan's results (references name plan step ids). */
  joinAnswer?: string;
}

export interface ScriptedLoop {
  /** Every tool call the model makes, in the order it would make them one at a time. */
  calls: readonly ScriptedCall[];
  /** The final answer once every call has a result; may reference the calls' results. */
  answer: string;
}

export interface ScriptedCall {
  /** Unique within the loop, `[A-Za-z_][A-Za-z0-9_]*`; what references name. */
  id: string;
  /** The tool's name as registered (it is sent under its provider-safe form). */
  tool: string;
  /** The arguments; may reference earlier calls' results. */
  args?: Record<string, unknown>;
  /** Calls that must have results first although no data flows from them. */
  after?: readonly string[];
}
