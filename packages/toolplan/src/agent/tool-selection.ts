import { renderSelectedPlannerPrompt } from '../model/planner-prompt.js';
import { countTokens, createToolIndex, type ToolIndex, type ToolRegistry } from '../tools/index.js';

/**
 * `toolSelection`: plan with the tools a query needs, picked from a large catalog by a full-text
 * index over their names, descriptions and parameters (BM25; no model call, no network), rather
 * than with every tool. A catalog that fits within `maxTokens` and `maxTools` is sent whole.
 */
export interface ToolSelectionOptions {
  /**
   * Most tokens (o200k) of tool signatures in a planning prompt: about 50 tools of BFCL's size (a
   * mean of 70 tokens each), a quarter of the default prompt budget.
   * @default 4000
   */
  maxTokens?: number;
  /**
   * Most tools in a planning prompt. Models choose worse among many tools ("Claude's ability to
   * pick the right tool degrades once you exceed 30–50 available tools", Anthropic's tool search
   * guide, platform.claude.com/docs/en/agents-and-tools/tool-use/tool-search-tool), and a plan
   * rarely needs more than a few; the token budget binds first for tools of ordinary size.
   * @default 64
   */
  maxTools?: number;
  /**
   * Tools sent with every query, whatever it says (they count against both limits).
   * @default [] (none)
   */
  always?: readonly string[];
}

/** The defaults of `ToolSelectionOptions`. */
export const toolSelectionDefaults = Object.freeze({
  maxTokens: 4_000,
  maxTools: 64,
  always: Object.freeze([]) as readonly string[],
});

/** `toolSelection` checked: its limits, or `false` for never. */
export type ToolSelectionSettings =
  false | { maxTokens: number; maxTools: number; always: readonly string[] };

/**
 * Checks `toolSelection` (`false`, `true`, an options object, or `undefined`: the defaults)
 * against `tools`; throws a `TypeError` naming the first wrong part.
 */
export function checkToolSelection(given: unknown, tools: ToolRegistry): ToolSelectionSettings {
  if (given === false) return false;
  if (given === undefined || given === true) return { ...toolSelectionDefaults };
  if (typeof given !== 'object' || given === null || Array.isArray(given))
    throw new TypeError(
      `Expected \`toolSelection\` to be a boolean or { maxTokens, maxTools, always }, got \`${String(given)}\``,
    );
  const options = given as Record<string, unknown>;
  const unknown = Object.keys(options).filter(
    (key) => !['maxTokens', 'maxTools', 'always'].includes(key),
  );
  if (unknown.length > 0)
    throw new TypeError(
      `Unknown option ${unknown.map((key) => `\`toolSelection.${key}\``).join(', ')}; expected \`maxTokens\`, \`maxTools\`, \`always\``,
    );
  const positive = (name: 'maxTokens' | 'maxTools') => {
    const value = options[name] ?? toolSelectionDefaults[name];
    if (!(Number.isInteger(value) && (value as number) > 0))
      throw new TypeError(
        `Expected \`toolSelection.${name}\` to be a positive integer, got \`${String(value)}\``,
      );
    return value as number;
  };
  const maxTokens = positive('maxTokens');
  const maxTools = positive('maxTools');
  const always = options['always'] ?? toolSelectionDefaults.always;
  if (!Array.isArray(always) || !always.every((name) => typeof name === 'string'))
    throw new TypeError(
      `Expected \`toolSelection.always\` to be an array of tool names, got \`${String(always)}\``,
    );
  const missing = always.filter((name: string) => !tools.has(name));
  if (missing.length > 0)
    throw new TypeError(
      `\`toolSelection.always\` names ${missing.map((name: string) => `\`${name}\``).join(', ')}, which ${missing.length === 1 ? 'is not a tool' : 'are not tools'}`,
    );
  return { maxTokens, maxTools, always: [...(always as string[])] };
}

/** A planner's tool selection: its limits and the catalog's index. */
export interface PreparedToolSelection {
  index: ToolIndex;
  /** Most tokens of signatures per prompt: `maxTokens`, or less where the prompt budget is smaller. */
  maxTokens: number;
  maxTools: number;
  always: readonly string[];
  /** The system prompt with the `always` tools alone: the least any query is sent. */
  basePrompt: string;
}

/**
 * The part of a planner's prompt budget kept for the query and the results a replan or a session
 * shows: tools take at most the rest.
 */
const QUERY_SHARE = 1 / 4;

/**
 * The selection a planner runs with, or `undefined` when the catalog is sent whole: selection is
 * off, or the catalog fits its limits (cutting it could only lose a tool).
 */
export function prepareToolSelection(options: {
  tools: ToolRegistry;
  settings: ToolSelectionSettings;
  maxPromptTokens: number;
}): PreparedToolSelection | undefined {
  const { tools, settings, maxPromptTokens } = options;
  if (settings === false) return undefined;
  if (tools.size <= settings.maxTools && countTokens(tools.renderCompact()) <= settings.maxTokens)
    return undefined;
  const index = createToolIndex(tools);
  const basePrompt = renderSelectedPlannerPrompt(
    settings.always.map((name) => index.signature(name)),
  );
  const room =
    Math.floor(maxPromptTokens * (1 - QUERY_SHARE)) - countTokens(renderSelectedPlannerPrompt([]));
  return {
    index,
    maxTokens: Math.max(0, Math.min(settings.maxTokens, room)),
    maxTools: settings.maxTools,
    always: settings.always,
    basePrompt,
  };
}

/** What tool selection sent a run's planner (`PlannedRun.toolSelection`, `AgentRun.toolSelection`). */
export interface ToolSelectionReport {
  /** Tools in the catalog. */
  catalog: number;
  /** The tools selected for the query, in the catalog's order: the first planning prompt's. */
  selected: string[];
  /** Tokens (o200k) of their signatures. */
  selectedTokens: number;
  /** What the planner asked for when a tool it needed was not sent (`need_tools`), as written. */
  asked: string[];
  /** The tools sent in the extra round, in the catalog's order. */
  added: string[];
  /** Extra planning rounds made to send more tools: 0, or 1. */
  rounds: number;
}
