import { MORE_TOOLS_HEADING, NEED_TOOLS_TOOL, TOOLS_HEADING } from 'toolplan/internal';
import type { ChatMessage } from './chat-request.js';
import { messageText } from './message-text.js';

/** The tools a planning request shows its model, as toolplan's planner prompt lists them. */
export interface OfferedTools {
  /** Every tool whose signature the request shows (the system prompt's, and any sent later). */
  names: ReadonlySet<string>;
  /** The prompt teaches how to ask for a tool it does not list (toolplan's `need_tools`). */
  canAsk: boolean;
}

// A signature starts its line with the tool's name and its parameter list: `get_weather(city: …`.
// Lines of parameter descriptions are indented, and so never match.
const SIGNATURE = /^([^\s(]+)\(/;

/**
 * What a planning request offers: the tools listed after the `Tools:` line of its system (or
 * developer) prompt, and after the `More tools:` line of each later user message (the extra round
 * of tool selection). `undefined` when the prompt lists no tools at all — a planning request not
 * written by toolplan's planner, about whose tools nothing can be said.
 */
export function readOfferedTools(messages: readonly ChatMessage[]): OfferedTools | undefined {
  const names = new Set<string>();
  let listed = false;
  let canAsk = false;
  for (const message of messages) {
    const text = messageText(message.content);
    const heading =
      message.role === 'system' || message.role === 'developer'
        ? TOOLS_HEADING
        : message.role === 'user'
          ? MORE_TOOLS_HEADING
          : undefined;
    if (heading === undefined) continue;
    const lines = text.split('\n');
    const start = lines.indexOf(heading);
    if (start === -1) continue;
    listed = true;
    if (heading === TOOLS_HEADING && text.includes(`${NEED_TOOLS_TOOL}(`)) canAsk = true;
    for (const line of lines.slice(start + 1)) {
      const name = SIGNATURE.exec(line)?.[1];
      if (name !== undefined) names.add(name);
    }
  }
  return listed ? { names, canAsk } : undefined;
}

/**
 * The plan a model writes when its plan needs tools its prompt does not list but the prompt
 * teaches how to ask: a `need_tools` step for each, asking with the words of the tool's name. A
 * model cannot know a name it was not shown; it names what the tool must do, and a well-named
 * tool's name says that (`religion_history.track` → "religion history track").
 */
export function needToolsPlanText(missing: readonly string[]): string {
  const steps = missing.map(
    (tool, index) => `n${index + 1}=${NEED_TOOLS_TOOL}(query='${nameWords(tool)}')`,
  );
  return JSON.stringify({ steps, answer: null });
}

/** A tool name's words, lower-case, split at `_`, `.`, `-` and camel case. */
export function nameWords(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '')
    .join(' ');
}
