import {
  NEED_TOOLS_TOOL,
  renderMoreToolsRequest,
  renderSelectedPlannerPrompt,
} from '../model/planner-prompt.js';
import {
  normalizeParallelGroups,
  parseStepCall,
  PlanValidationError,
  type ToolCatalog,
} from '../plan/index.js';
import { selectTools, type ToolRegistry } from '../tools/index.js';
import type { PreparedToolSelection, ToolSelectionReport } from './tool-selection.js';

/** Extra rounds in which a planner may be sent tools it asked for. */
export const MAX_TOOL_ROUNDS = 1;

/** What a plan asked for beyond the tools it was sent. */
export interface ToolRequest {
  /** The words of each `need_tools` step, as written. */
  queries: string[];
  /** Tools of the catalog the plan calls that were not sent (a model may know a tool's name). */
  named: string[];
}

/**
 * The tools one planner (one run) has sent its model: selected for the query at the first
 * planning call, and those added in the extra round. Plans are validated against them alone: a
 * tool the model was not shown cannot be in a plan it wrote from what it was shown.
 */
export interface SentTools {
  readonly catalog: ToolCatalog;
  /** Selects the tools for `query`, at the first call only: the run keeps what it sent. */
  select(query: string): void;
  /** The system prompt with the tools sent so far, in the catalog's order. */
  systemPrompt(): string;
  /** What `raw` (a parsed plan) asks for beyond the tools sent; `undefined` when nothing. */
  requested(raw: unknown): ToolRequest | undefined;
  readonly roundsLeft: number;
  /**
   * Makes the extra round: selects tools for what was asked, within `maxTokens` (what is left of
   * the prompt budget), and returns the message that sends them.
   */
  addRound(request: ToolRequest, maxTokens: number): string;
  report(): ToolSelectionReport;
}

export function createSentTools(selection: PreparedToolSelection, tools: ToolRegistry): SentTools {
  const { index } = selection;
  const sent = new Set<string>();
  let report: ToolSelectionReport | undefined;
  const asked: string[] = [];
  const added: string[] = [];
  let rounds = 0;
  const signatures = () =>
    index.names.filter((name) => sent.has(name)).map((name) => index.signature(name));
  return {
    catalog: {
      has: (name) => sent.has(name),
      names: () => index.names.filter((name) => sent.has(name)),
      checkArguments: (name, args) => tools.checkArguments(name, args),
    },
    select(query) {
      if (report !== undefined) return;
      const chosen = selectTools({
        index,
        query,
        maxTokens: selection.maxTokens,
        maxTools: selection.maxTools,
        always: selection.always,
      });
      for (const name of chosen.names) sent.add(name);
      report = {
        catalog: index.names.length,
        selected: chosen.names,
        selectedTokens: chosen.tokens,
        asked,
        added,
        rounds: 0,
      };
    },
    systemPrompt: () =>
      report === undefined ? selection.basePrompt : renderSelectedPlannerPrompt(signatures()),
    requested(raw) {
      const queries: string[] = [];
      const named = new Set<string>();
      for (const step of stepsOf(raw)) {
        if (step.tool === NEED_TOOLS_TOOL) queries.push(...wordsOf(step.args));
        else if (!sent.has(step.tool) && index.has(step.tool)) named.add(step.tool);
      }
      if (queries.length === 0 && named.size === 0) return undefined;
      return { queries, named: [...named] };
    },
    get roundsLeft() {
      return MAX_TOOL_ROUNDS - rounds;
    },
    addRound(request, maxTokens) {
      rounds += 1;
      asked.push(...request.queries);
      const found = new Set<string>();
      let tokens = 0;
      // A tool the plan named is what it needs, and comes first.
      for (const name of request.named) {
        const cost = index.tokens(name);
        if (tokens + cost > maxTokens) continue;
        found.add(name);
        tokens += cost;
      }
      if (request.queries.length > 0) {
        // Each thing asked for is a clause of its own: each finds its own best tools.
        const more = selectTools({
          index,
          query: request.queries.join('\n'),
          maxTokens: Math.min(maxTokens - tokens, Math.floor(selection.maxTokens / 2)),
          maxTools: Math.ceil(selection.maxTools / 4),
          exclude: new Set([...sent, ...found]),
        });
        for (const name of more.names) found.add(name);
      }
      const fresh = index.names.filter((name) => found.has(name));
      for (const name of fresh) sent.add(name);
      added.push(...fresh);
      return renderMoreToolsRequest(fresh.map((name) => index.signature(name)));
    },
    report() {
      return {
        catalog: index.names.length,
        selected: [...(report?.selected ?? [])],
        selectedTokens: report?.selectedTokens ?? 0,
        asked: [...asked],
        added: [...added],
        rounds,
      };
    },
  };
}

/**
 * A plan that asks for tools when no round is left: each `need_tools` step is a problem, sent
 * back as a correction would be, so that the model plans with the tools it has.
 */
export function noMoreToolsError(raw: unknown): PlanValidationError {
  return new PlanValidationError({
    issues: stepsOf(raw)
      .filter((step) => step.tool === NEED_TOOLS_TOOL)
      .map((step) => ({
        code: 'unknown_tool' as const,
        path: ['steps', step.index, 'tool'],
        message: `no more tools can be sent (the extra round of \`${NEED_TOOLS_TOOL}\` was used); plan with the tools listed`,
      })),
  });
}

/** The steps of a parsed plan as `{tool, args}`, whatever form each was written in. */
function stepsOf(raw: unknown): Array<{ index: number; tool: string; args: unknown }> {
  const steps = (normalizeParallelGroups(raw) as { steps?: unknown } | null)?.steps;
  if (!Array.isArray(steps)) return [];
  return steps.flatMap((step, index): Array<{ index: number; tool: string; args: unknown }> => {
    if (typeof step === 'string') {
      const parsed = parseStepCall(step);
      return parsed.ok ? [{ index, tool: parsed.step.tool, args: parsed.step.args }] : [];
    }
    const tool = (step as { tool?: unknown } | null)?.tool;
    return typeof tool === 'string'
      ? [{ index, tool, args: (step as { args?: unknown }).args }]
      : [];
  });
}

/** The text a `need_tools` step asks with: every string among its arguments. */
function wordsOf(args: unknown): string[] {
  if (typeof args === 'string') return args.trim() === '' ? [] : [args.trim()];
  if (Array.isArray(args)) return args.flatMap(wordsOf);
  if (typeof args === 'object' && args !== null) return Object.values(args).flatMap(wordsOf);
  return [];
}
