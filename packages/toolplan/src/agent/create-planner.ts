import type { LanguageModelV3, LanguageModelV3Prompt } from '@ai-sdk/provider';
import {
  parsePlanText,
  PlanParseError,
  PlanValidationError,
  validatePlan,
  type PlanLimits,
  type ValidatedPlan,
} from '../plan/index.js';
import {
  fitPrompt,
  fixedText,
  type CompressibleText,
  type PromptPurpose,
  type PromptReport,
} from '../context/index.js';
import { renderCorrectionRequest } from '../model/planner-prompt.js';
import { stableSystemMessage } from '../model/stable-system-message.js';
import { callModelText, type ModelRetryEvent } from '../model/call-model-text.js';
import {
  defaultModelCallPolicy,
  type ModelCallPolicy,
  type RetryBudget,
} from '../model/model-call-policy.js';
import type { SupportedLanguageModel } from '../model/supported-language-model.js';
import { toLanguageModelV3 } from '../model/to-language-model-v3.js';
import { countTokens, createToolRegistry, type ToolSource } from '../tools/index.js';
import { PlanningError } from './planning-error.js';
import { plannerDefaults, preparePlanner, type PreparedPlanner } from './prepare-planner.js';
import { createSentTools, noMoreToolsError } from './sent-tools.js';
import { ToolsRequestedError } from './tools-requested-error.js';
import {
  checkToolSelection,
  type ToolSelectionOptions,
  type ToolSelectionReport,
} from './tool-selection.js';

/** How the plan is asked for: structured output with the plan's JSON Schema, JSON mode, or plain text. */
export type PlanOutputMode = 'json-schema' | 'json' | 'text';

export interface CreatePlannerOptions {
  /** An AI SDK provider's model: `LanguageModelV3` (ai@6) or `LanguageModelV4` (ai@7). */
  model: SupportedLanguageModel;
  tools: ToolSource;
  /**
   * `json-schema` asks for structured output with the plan's wire schema (`planJsonSchema`); AI
   * SDK providers without structured outputs fall back to JSON mode on their own, with a warning.
   * `text` is for models that support neither: the tolerant parser reads the plan out of prose.
   * @default 'json-schema'
   */
  output?: PlanOutputMode;
  /**
   * Limits plans are validated against.
   * @default {} (the defaults of `PlanLimits`)
   */
  limits?: Partial<PlanLimits>;
  /**
   * Rounds in which an invalid plan is sent back with its problems for a corrected one.
   * @default 1
   */
  maxCorrections?: number;
  /**
   * Most tokens (o200k) a planning prompt may take, system prompt included. Results in the
   * request are cut first to fit; a system prompt over it alone is a {@link PromptBudgetError}
   * when the planner is created.
   * @default 16000
   */
  maxPromptTokens?: number;
  /**
   * Send the planner the tools a query needs, chosen from a large catalog by a full-text index,
   * rather than every tool; a catalog within the limits is sent whole, and `false` always sends
   * it whole. The planner can ask for a tool it was not sent, once per run (`need_tools`).
   * @default {} (the defaults of `ToolSelectionOptions`: on past 4,000 tokens or 64 tools)
   */
  toolSelection?: boolean | ToolSelectionOptions;
}

/** Where the text of one planning attempt goes as it streams in (see `plan`'s `onAttempt`). */
export interface PlanAttemptSink {
  /** The next piece of the model's text. */
  write(delta: string): void;
  /** The attempt's plan failed to parse or validate; a correction round follows. */
  rejected(error: unknown): void;
}

export interface PlanResult {
  plan: ValidatedPlan;
  /** The model's text for each attempt, the last one valid. */
  attempts: string[];
}

export interface Planner {
  /**
   * Plans for `request`: the query, or a text holding results that may be cut to fit the
   * budget (a replan's finished steps, a session's earlier results). `available` names results
   * that exist already, which the plan may reference.
   */
  plan(
    request: string | CompressibleText,
    options?: {
      signal?: AbortSignal;
      available?: Iterable<string>;
      /** Called as each attempt starts; its sink receives the attempt's text as it streams. */
      onAttempt?: (attempt: number) => PlanAttemptSink;
      /** Called with each prompt's size and cuts, before it is sent. */
      onPrompt?: (report: PromptReport) => void;
      /**
       * What the first attempt's prompt is reported as (later attempts are corrections).
       * @default 'plan'
       */
      purpose?: 'plan' | 'replan' | 'resume';
      /**
       * The user's query, named by a `ModelCallError` (never the request built around it).
       * @default `request` when it is a string
       */
      query?: string;
    },
  ): Promise<PlanResult>;
  /**
   * The stable system prompt (instructions and tools), and its size in o200k tokens. With tool
   * selection, the prompt of the tools sent so far (before the first query, the `always` ones).
   */
  readonly systemPrompt: string;
  readonly systemPromptTokens: number;
  /** What tool selection sent, once the planner has planned; `undefined` without selection. */
  toolSelection(): ToolSelectionReport | undefined;
}

/**
 * The planner: one streamed model call that writes the whole plan (the model as query planner,
 * not loop controller). A plan that fails to parse or validate is sent back once with every
 * problem found; a second failure is a {@link PlanningError} — and since planning executes
 * nothing, no tool has run.
 */
export function createPlanner(options: CreatePlannerOptions): Planner {
  const tools = createToolRegistry(options.tools);
  const maxCorrections = options.maxCorrections ?? plannerDefaults.maxCorrections;
  if (!(Number.isInteger(maxCorrections) && maxCorrections >= 0)) {
    throw new TypeError(
      `Expected \`maxCorrections\` to be an integer ≥ 0, got \`${String(maxCorrections)}\``,
    );
  }
  const maxPromptTokens = options.maxPromptTokens ?? plannerDefaults.maxPromptTokens;
  if (!(Number.isInteger(maxPromptTokens) && maxPromptTokens > 0)) {
    throw new TypeError(
      `Expected \`maxPromptTokens\` to be an integer > 0, got \`${String(maxPromptTokens)}\``,
    );
  }
  const prepared = preparePlanner({
    tools,
    output: options.output ?? plannerDefaults.output,
    limits: options.limits ?? {},
    maxCorrections,
    maxPromptTokens,
    toolSelection: checkToolSelection(options.toolSelection, tools),
  });
  return createPlannerFrom(prepared, toLanguageModelV3(options.model));
}

/**
 * Room kept free when the extra round's tools are chosen: its message's own words, and the reply's
 * margin for the token counts of a message's framing.
 */
const MORE_TOOLS_MARGIN = 64;

/** How a planner's model calls are retried and timed out, and whom it tells of retries. */
export interface PlannerCallSettings {
  /** @default `defaultModelCallPolicy()` */
  policy?: ModelCallPolicy;
  /** Retries left to the run the planner serves. @default only `policy.maxRetries` per call */
  budget?: RetryBudget;
  onRetry?: (event: ModelRetryEvent) => void;
}

/**
 * A planner for `model` (V3: `toLanguageModelV3` made it so) from a prepared one: what `createPlanner` returns, without checking and
 * rendering again what an agent or a session prepared once for all of its runs.
 */
export function createPlannerFrom(
  prepared: PreparedPlanner,
  model: LanguageModelV3,
  settings: PlannerCallSettings = {},
): Planner {
  const { tools, limits, maxCorrections, maxPromptTokens, responseFormat, selection } = prepared;
  const policy = settings.policy ?? defaultModelCallPolicy();
  // The tools this planner sent (a planner serves one run): chosen at its first call.
  const sent = selection === undefined ? undefined : createSentTools(selection, tools);
  const systemPrompt = () => sent?.systemPrompt() ?? prepared.systemPrompt;
  return {
    get systemPrompt() {
      return systemPrompt();
    },
    get systemPromptTokens() {
      return sent === undefined ? prepared.systemPromptTokens : countTokens(systemPrompt());
    },
    toolSelection: () => sent?.report(),
    async plan(request, { signal, available, onAttempt, onPrompt, purpose = 'plan', query } = {}) {
      const namedQuery = query ?? (typeof request === 'string' ? request : undefined);
      const requestText = typeof request === 'string' ? fixedText(request) : request;
      sent?.select(namedQuery ?? requestText.render(requestText.results));
      // One system prompt for every attempt of this call: an extra round adds its tools as a
      // message, so the prefix a provider cached stays the same.
      const system = systemPrompt();
      // Each correction round adds the rejected attempt's text and the problems found in it; the
      // extra round of tool selection adds the attempt that asked and the tools it asked for.
      const corrections: LanguageModelV3Prompt = [];
      const attempts: string[] = [];
      let correctionRounds = 0;
      let next: PromptPurpose = purpose;
      for (;;) {
        // Refitted every round: a correction round adds to the prompt, so the request's results
        // may have to give up more room.
        const { prompt, report } = fitPrompt({
          purpose: next,
          budget: maxPromptTokens,
          text: requestText,
          build: (text) => [
            stableSystemMessage(system),
            { role: 'user', content: [{ type: 'text', text }] },
            ...corrections,
          ],
        });
        onPrompt?.(report);
        const sink = onAttempt?.(attempts.length + 1);
        // Only the reply's own text is the plan: not a commentary message before it.
        const { replyText: text } = await callModelText({
          model,
          prompt,
          purpose: 'plan',
          policy,
          ...(settings.budget === undefined ? {} : { budget: settings.budget }),
          ...(settings.onRetry === undefined ? {} : { onRetry: settings.onRetry }),
          ...(namedQuery === undefined ? {} : { query: namedQuery }),
          ...(sink === undefined ? {} : { onTextDelta: (delta: string) => sink.write(delta) }),
          ...(responseFormat === undefined ? {} : { responseFormat }),
          ...(signal === undefined ? {} : { signal }),
        });
        attempts.push(text);
        try {
          const raw = parsePlanText(text);
          const wanted = sent?.requested(raw);
          if (sent !== undefined && wanted !== undefined) {
            if (sent.roundsLeft > 0) {
              // Not a failure of the plan: the model lacked a tool. Whatever the attempt started
              // early is cancelled, and it is asked again with the tools it asked for.
              const reason = new ToolsRequestedError({ request: wanted });
              sink?.rejected(reason);
              const used = report.tokens + countTokens(text);
              const message = sent.addRound(wanted, maxPromptTokens - used - MORE_TOOLS_MARGIN);
              corrections.push(
                { role: 'assistant', content: [{ type: 'text', text }] },
                { role: 'user', content: [{ type: 'text', text: message }] },
              );
              next = 'tools';
              continue;
            }
            if (wanted.queries.length > 0) throw noMoreToolsError(raw);
          }
          const plan = validatePlan(raw, {
            tools: sent?.catalog ?? tools,
            limits,
            ...(available === undefined ? {} : { available }),
          });
          return { plan, attempts };
        } catch (error) {
          if (!(error instanceof PlanParseError || error instanceof PlanValidationError))
            throw error;
          // Whatever the attempt started early is cancelled before anything else happens.
          sink?.rejected(error);
          if (correctionRounds >= maxCorrections)
            throw new PlanningError({ attempts, cause: error });
          correctionRounds += 1;
          next = 'correction';
          corrections.push(
            { role: 'assistant', content: [{ type: 'text', text }] },
            {
              role: 'user',
              content: [{ type: 'text', text: renderCorrectionRequest(error.message) }],
            },
          );
        }
      }
    },
  };
}
