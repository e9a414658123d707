import type { LanguageModelV3CallOptions } from '@ai-sdk/provider';
import { PromptBudgetError } from '../context/index.js';
import { renderPlannerPrompt } from '../model/planner-prompt.js';
import { planJsonSchema, type PlanLimits } from '../plan/index.js';
import { countTokens, type ToolRegistry } from '../tools/index.js';
import type { PlanOutputMode } from './create-planner.js';
import { DEFAULT_MAX_PROMPT_TOKENS } from './default-max-prompt-tokens.js';
import {
  prepareToolSelection,
  toolSelectionDefaults,
  type PreparedToolSelection,
  type ToolSelectionSettings,
} from './tool-selection.js';

/** The defaults of the planner's options (`CreatePlannerOptions`; `runPlanned` shares two). */
export const plannerDefaults = Object.freeze({
  output: 'json-schema',
  maxCorrections: 1,
  maxPromptTokens: DEFAULT_MAX_PROMPT_TOKENS,
} as const satisfies { output: PlanOutputMode; maxCorrections: number; maxPromptTokens: number });

export interface PreparePlannerOptions {
  tools: ToolRegistry;
  output: PlanOutputMode;
  limits: Partial<PlanLimits>;
  maxCorrections: number;
  maxPromptTokens: number;
  /** @default the defaults of `ToolSelectionOptions` (on for a catalog past its limits) */
  toolSelection?: ToolSelectionSettings;
}

/** Everything a planner holds but its model: its settings, checked, and its rendered prompt. */
export interface PreparedPlanner {
  tools: ToolRegistry;
  limits: Partial<PlanLimits>;
  maxCorrections: number;
  maxPromptTokens: number;
  /**
   * The stable system prompt (instructions and tools), the same bytes for every request; with
   * tool selection, the instructions and the `always` tools (each run adds the tools it selects).
   */
  systemPrompt: string;
  systemPromptTokens: number;
  /** Tool selection, when the catalog is past its limits; `undefined` sends every tool. */
  selection: PreparedToolSelection | undefined;
  responseFormat: LanguageModelV3CallOptions['responseFormat'];
}

/**
 * Renders the planner's system prompt and checks it against the budget, from options already
 * checked. It is the expensive part of a planner (every tool rendered and counted), so an agent
 * does it once, and each run pairs the result with its own (metered) model.
 */
export function preparePlanner(options: PreparePlannerOptions): PreparedPlanner {
  const { tools, output, limits, maxCorrections, maxPromptTokens } = options;
  const selection = prepareToolSelection({
    tools,
    settings: options.toolSelection ?? { ...toolSelectionDefaults },
    maxPromptTokens,
  });
  const systemPrompt = selection?.basePrompt ?? renderPlannerPrompt(tools);
  const systemPromptTokens = countTokens(systemPrompt);
  // Checked now rather than at the first query: no query could ever fit. With selection, a budget
  // that leaves no room for a single tool beside the instructions cannot plan either.
  if (systemPromptTokens > maxPromptTokens || selection?.maxTokens === 0)
    throw new PromptBudgetError({
      purpose: 'plan',
      tokens: systemPromptTokens,
      budget: maxPromptTokens,
    });
  const responseFormat =
    output === 'json-schema'
      ? {
          type: 'json' as const,
          name: 'toolplan_plan',
          description: 'A plan of tool calls',
          schema: planJsonSchema(),
        }
      : output === 'json'
        ? { type: 'json' as const }
        : undefined;
  return {
    tools,
    limits,
    maxCorrections,
    maxPromptTokens,
    systemPrompt,
    systemPromptTokens,
    selection,
    responseFormat,
  };
}
