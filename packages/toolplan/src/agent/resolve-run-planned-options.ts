import type { LanguageModelV3 } from '@ai-sdk/provider';
import {
  resolveCompressOptions,
  type CompressibleText,
  type ResolvedCompressOptions,
} from '../context/index.js';
import type { ModelRetryEvent } from '../model/call-model-text.js';
import { modelCallDefaults, type ModelCallPolicy } from '../model/model-call-policy.js';
import { systemModelClock } from '../model/model-clock.js';
import { toLanguageModelV3 } from '../model/to-language-model-v3.js';
import {
  resolvePlanLimits,
  unknownOptionProblems,
  type EveryKeyOf,
  type PlanLimits,
  type PlanStep,
} from '../plan/index.js';
import {
  createSpeculator,
  resolveExecuteOptions,
  type Predictor,
  type SpeculationOptions,
} from '../runtime/index.js';
import { createToolRegistry, type ToolRegistry, type ValueSource } from '../tools/index.js';
import type { PlanOutputMode } from './create-planner.js';
import { OptionProblems } from './option-problems.js';
import { checkToolSelection, type ToolSelectionSettings } from './tool-selection.js';
import { plannerDefaults, preparePlanner, type PreparedPlanner } from './prepare-planner.js';
import type { RunPlannedOptions } from './run-planned.js';

/** The options that belong to one run; an agent or a session holds the rest for all its runs. */
type RunOption =
  | 'query'
  | 'signal'
  | 'earlier'
  | 'earlierSources'
  | 'request'
  | 'onPlanStep'
  | 'onAnswerDelta'
  | 'onModelRetry';

/** `runPlanned`'s options that an agent or a session holds for every run. */
export type PlannedSettingsOptions = Omit<RunPlannedOptions, RunOption>;

/** `runPlanned`'s options of one run. */
export type PlannedRunOptions = Pick<RunPlannedOptions, 'query'> & {
  [K in Exclude<RunOption, 'query'>]?: RunPlannedOptions[K] | undefined;
};

/**
 * The time-out of a tool call whose tool declares none, in `runPlanned` and `createAgent`: a
 * hanging tool must not hold a run for ever. Override it with `execute.defaultTimeoutMs`
 * (`Infinity` for none).
 */
export const DEFAULT_TOOL_TIMEOUT_MS = 60_000;

/**
 * Every default of `runPlanned`'s options (the `@default`s of `RunPlannedOptions` say the same);
 * `request` defaults to the query. Shared by every run: nothing a run is given is mutated.
 */
export const runPlannedDefaults = Object.freeze({
  maxReplans: 1,
  stream: true,
  maxResumes: 1,
  output: plannerDefaults.output,
  limits: Object.freeze({}),
  execute: Object.freeze({}),
  maxPromptTokens: plannerDefaults.maxPromptTokens,
  compress: Object.freeze({}),
  earlier: Object.freeze({}),
  predictors: Object.freeze([]),
  speculation: Object.freeze({}),
  maxRetries: modelCallDefaults.maxRetries,
  maxRetriesPerRun: modelCallDefaults.maxRetriesPerRun,
  modelTimeoutMs: Object.freeze({
    firstToken: modelCallDefaults.firstTokenTimeoutMs,
    total: modelCallDefaults.totalTimeoutMs,
  }),
  /** Not an option of `runPlanned` itself: `execute.defaultTimeoutMs` unless given there. */
  toolTimeoutMs: DEFAULT_TOOL_TIMEOUT_MS,
  /** Not an option of `runPlanned`: its planner corrects an invalid plan this many times. */
  maxCorrections: plannerDefaults.maxCorrections,
});

const planOutputModes: readonly PlanOutputMode[] = ['json-schema', 'json', 'text'];

/** `runPlanned`'s settings, checked, with every default filled in. */
export interface ResolvedPlannedSettings {
  /** The model given, as V3 (`toLanguageModelV3`: a V3 model is the same object). */
  model: LanguageModelV3;
  tools: ToolRegistry;
  maxReplans: number;
  stream: boolean;
  maxResumes: number;
  output: PlanOutputMode;
  limits: PlanLimits;
  execute: NonNullable<RunPlannedOptions['execute']>;
  maxPromptTokens: number;
  /** `toolSelection`, checked: its limits, or `false`. */
  toolSelection: ToolSelectionSettings;
  compress: ResolvedCompressOptions;
  predictors: readonly Predictor[];
  speculation: SpeculationOptions;
  /** How each model call is retried and timed out (on `execute.clock` when given). */
  modelCalls: ModelCallPolicy;
  maxRetriesPerRun: number;
  /**
   * The planner's system prompt, rendered and checked against `maxPromptTokens` at the first call
   * and kept: an agent or a session calls it when it is created, so that a budget no query could
   * fit fails there; a run that never plans (a chain or the plan cache answered) never renders it.
   */
  planner(): PreparedPlanner;
}

/** Everything `runPlanned` runs with: its settings and the options of this run, resolved. */
export interface ResolvedRunPlannedOptions extends ResolvedPlannedSettings {
  query: string;
  signal: AbortSignal | undefined;
  earlier: Readonly<Record<string, unknown>>;
  earlierSources: Readonly<Record<string, readonly ValueSource[]>>;
  /** The first planning request: `request` if given, else the query. */
  request: string | CompressibleText;
  onPlanStep: ((step: PlanStep, index: number) => void) | undefined;
  onAnswerDelta: ((delta: string) => void) | undefined;
  onModelRetry: ((event: ModelRetryEvent) => void) | undefined;
}

/**
 * Every option an agent or a session holds for all its runs, checked against
 * `PlannedSettingsOptions` when the package is built; the entry points add their own to it.
 */
const PLANNED_SETTINGS_KEYS = [
  'model',
  'tools',
  'maxReplans',
  'stream',
  'maxResumes',
  'output',
  'limits',
  'execute',
  'approve',
  'maxRetries',
  'maxRetriesPerRun',
  'modelTimeoutMs',
  'maxPromptTokens',
  'toolSelection',
  'compress',
  'predictors',
  'speculation',
] as const;
export const plannedSettingsKeys: EveryKeyOf<PlannedSettingsOptions, typeof PLANNED_SETTINGS_KEYS> =
  PLANNED_SETTINGS_KEYS;

/** Every option of `runPlanned`, checked against `RunPlannedOptions` when the package is built. */
const RUN_PLANNED_KEYS = [
  ...PLANNED_SETTINGS_KEYS,
  'query',
  'signal',
  'earlier',
  'earlierSources',
  'request',
  'onPlanStep',
  'onAnswerDelta',
  'onModelRetry',
] as const;
const runPlannedOptionKeys: EveryKeyOf<RunPlannedOptions, typeof RUN_PLANNED_KEYS> =
  RUN_PLANNED_KEYS;

/**
 * `runPlanned`'s options checked once, every problem gathered into one {@link AgentOptionsError},
 * and every default filled in (from {@link runPlannedDefaults}).
 */
export function resolveRunPlannedOptions(options: RunPlannedOptions): ResolvedRunPlannedOptions {
  const problems = new OptionProblems();
  for (const problem of unknownOptionProblems({
    of: 'runPlanned',
    given: options,
    known: runPlannedOptionKeys,
  }))
    problems.add(problem);
  const run = checkRun(options, problems);
  return { ...resolvePlannedSettings(options, problems), ...run };
}

/**
 * The settings part of `runPlanned`'s options, for an agent or a session to resolve once. Throws
 * one `AgentOptionsError` with every problem found here and any `problems` the caller found in
 * options of its own.
 */
export function resolvePlannedSettings(
  options: PlannedSettingsOptions,
  problems: OptionProblems = new OptionProblems(),
): ResolvedPlannedSettings {
  const defaults = runPlannedDefaults;
  const tools = createToolRegistry(options.tools);
  const maxReplans = problems.nonNegativeInteger(
    'maxReplans',
    options.maxReplans ?? defaults.maxReplans,
  );
  const maxResumes = problems.nonNegativeInteger(
    'maxResumes',
    options.maxResumes ?? defaults.maxResumes,
  );
  const stream = problems.boolean('stream', options.stream ?? defaults.stream);
  const output = options.output ?? defaults.output;
  if (!planOutputModes.includes(output)) {
    const modes = planOutputModes.map((mode) => `\`${mode}\``).join(', ');
    problems.add(`Expected \`output\` to be one of ${modes}, got \`${String(output)}\``);
  }
  const maxPromptTokens = problems.positiveInteger(
    'maxPromptTokens',
    options.maxPromptTokens ?? defaults.maxPromptTokens,
  );
  const execute: NonNullable<RunPlannedOptions['execute']> = {
    defaultTimeoutMs: defaults.toolTimeoutMs,
    ...(options.execute ?? defaults.execute),
    ...(options.approve === undefined ? {} : { approve: options.approve }),
  };
  problems.attempt('execute', () => resolveExecuteOptions(execute));
  const maxRetries = problems.nonNegativeInteger(
    'maxRetries',
    options.maxRetries ?? defaults.maxRetries,
  );
  const maxRetriesPerRun = problems.nonNegativeInteger(
    'maxRetriesPerRun',
    options.maxRetriesPerRun ?? defaults.maxRetriesPerRun,
  );
  const timeouts = resolveModelTimeouts(options.modelTimeoutMs, problems);
  const predictors = options.predictors ?? defaults.predictors;
  if (!Array.isArray(predictors))
    problems.add(`Expected \`predictors\` to be an array, got \`${String(predictors)}\``);
  const speculation = options.speculation ?? defaults.speculation;
  // The speculator checks its own options; one without predictors never starts anything.
  problems.attempt('speculation', () =>
    createSpeculator({ ...speculation, tools, predictors: [] }),
  );
  const toolSelection = problems.attempt('toolSelection', () =>
    checkToolSelection(options.toolSelection, tools),
  );
  const { model, limits, compress } = problems.settle({
    model: problems.attempt('model', () => toLanguageModelV3(options.model)),
    limits: problems.attempt('limits', () => resolvePlanLimits(options.limits ?? defaults.limits)),
    compress: problems.attempt('compress', () =>
      resolveCompressOptions(options.compress ?? defaults.compress),
    ),
  });
  let prepared: PreparedPlanner | undefined;
  return {
    model,
    tools,
    maxReplans,
    stream,
    maxResumes,
    output,
    limits,
    execute,
    maxPromptTokens,
    toolSelection: toolSelection ?? false,
    compress,
    predictors,
    speculation,
    modelCalls: {
      maxRetries,
      firstTokenTimeoutMs: timeouts.firstToken,
      totalTimeoutMs: timeouts.total,
      initialRetryDelayMs: modelCallDefaults.initialRetryDelayMs,
      maxRetryDelayMs: modelCallDefaults.maxRetryDelayMs,
      clock: execute.clock ?? systemModelClock,
      random: Math.random,
    },
    maxRetriesPerRun,
    planner: () =>
      (prepared ??= preparePlanner({
        tools,
        output,
        limits,
        maxCorrections: defaults.maxCorrections,
        maxPromptTokens,
        toolSelection: toolSelection ?? false,
      })),
  };
}

/** The settings an agent or a session resolved, with the options of one of its runs. */
export function resolvePlannedRun(
  settings: ResolvedPlannedSettings,
  options: PlannedRunOptions,
): ResolvedRunPlannedOptions {
  const problems = new OptionProblems();
  const run = checkRun(options, problems);
  problems.throwIfAny();
  return { ...settings, ...run };
}

function checkRun(options: PlannedRunOptions, problems: OptionProblems) {
  const { query } = options;
  if (typeof query !== 'string')
    problems.add(`Expected \`query\` to be a string, got \`${String(query)}\``);
  const earlier = options.earlier ?? runPlannedDefaults.earlier;
  if (typeof earlier !== 'object' || earlier === null)
    problems.add(
      `Expected \`earlier\` to be an object of results by id, got \`${String(earlier)}\``,
    );
  const earlierSources = options.earlierSources ?? {};
  if (typeof earlierSources !== 'object' || earlierSources === null)
    problems.add(
      `Expected \`earlierSources\` to be an object of source lists by id, got \`${String(earlierSources)}\``,
    );
  return {
    query,
    signal: options.signal,
    earlier,
    earlierSources,
    request: options.request ?? query,
    onPlanStep: options.onPlanStep,
    onAnswerDelta: options.onAnswerDelta,
    onModelRetry: options.onModelRetry,
  };
}

/** `modelTimeoutMs`: a number is the whole call's time-out, an object sets either part. */
function resolveModelTimeouts(
  given: RunPlannedOptions['modelTimeoutMs'],
  problems: OptionProblems,
): { firstToken: number; total: number } {
  const defaults = runPlannedDefaults.modelTimeoutMs;
  const positive = (name: string, value: number) => {
    if (!(typeof value === 'number' && value > 0))
      problems.add(`Expected \`${name}\` to be a positive number of ms, got \`${String(value)}\``);
    return value;
  };
  if (given === undefined) return { ...defaults };
  if (typeof given === 'number') {
    const total = positive('modelTimeoutMs', given);
    return { firstToken: Math.min(defaults.firstToken, total), total };
  }
  if (typeof given !== 'object' || given === null) {
    problems.add(
      `Expected \`modelTimeoutMs\` to be a number or { firstToken, total }, got \`${String(given)}\``,
    );
    return { ...defaults };
  }
  const total = positive('modelTimeoutMs.total', given.total ?? defaults.total);
  const firstToken = positive(
    'modelTimeoutMs.firstToken',
    given.firstToken ?? Math.min(defaults.firstToken, total),
  );
  return { firstToken, total };
}
