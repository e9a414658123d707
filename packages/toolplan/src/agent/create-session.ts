import { unknownOptionProblems, type EveryKeyOf } from '../plan/index.js';
import {
  compressResults,
  summarizeTurns,
  type CompressedContext,
  type ResultCut,
  type SummarizeTurnsOptions,
} from '../context/index.js';
import { renderSessionRequest } from '../model/session-prompt.js';
import { shareScopeProblem } from '../runtime/index.js';
import type { ValueSource } from '../tools/index.js';
import { OptionProblems } from './option-problems.js';
import {
  plannedSettingsKeys,
  resolvePlannedRun,
  resolvePlannedSettings,
  type ResolvedPlannedSettings,
  type ResolvedRunPlannedOptions,
} from './resolve-run-planned-options.js';
import { runPlannedResolved, type PlannedRun, type RunPlannedOptions } from './run-planned.js';

export interface CreateSessionOptions extends Omit<
  RunPlannedOptions,
  'query' | 'earlier' | 'earlierSources' | 'request' | 'signal'
> {
  /**
   * How earlier turns are summarised in the task line sent with each follow-up.
   * @default {} (the defaults of `SummarizeTurnsOptions`)
   */
  summary?: SummarizeTurnsOptions;
  /**
   * Who the session's turns may share in-flight tool calls and cached results with: runs of the
   * same scope (the user the conversation is with). The same as `execute.shareScope`, which it
   * overrides; without either, each turn shares with no other run.
   * @default `execute.shareScope`, else none
   */
  shareScope?: string;
}

/** One turn of a session. */
export interface SessionTurn extends PlannedRun {
  /** 1 for the first question. */
  turn: number;
  /** The session-wide id of each of this turn's results, by its step id (`w` → `t1_w`). */
  ids: Record<string, string>;
  /** What was cut from this turn's results when they were compressed for the next turn. */
  contextCuts: ResultCut[];
}

export interface Session {
  /** Plans and answers `query`, with the delta of the earlier turns (never their history). */
  ask(query: string, options?: { signal?: AbortSignal }): Promise<SessionTurn>;
  /** What the next turn will send besides its question. */
  context(): CompressedContext;
  /** Every full result of every turn, by session-wide id; the model has seen none of them whole. */
  readonly results: Readonly<Record<string, unknown>>;
  /** Turns answered so far. */
  readonly turns: number;
}

/**
 * A conversation over the same tools: each turn runs the compiler pattern (`runPlanned`), and
 * what the planner is sent per turn is the seed's `CompressedContext` — a task summary, the last
 * turn's compressed results, the tools already called — not the history. Full results stay here,
 * under ids prefixed per turn (`t1_w`), so a follow-up plan passes an earlier result on by
 * reference without the model ever reading it. The planner's system prompt is the same bytes in
 * every turn, so the provider's prompt cache serves it after the first.
 */
/** Every option of `createSession`, checked against `CreateSessionOptions` when the package is built. */
const CREATE_SESSION_KEYS = [
  ...plannedSettingsKeys,
  'onPlanStep',
  'onAnswerDelta',
  'onModelRetry',
  'summary',
  'shareScope',
] as const;
const createSessionOptionKeys: EveryKeyOf<CreateSessionOptions, typeof CREATE_SESSION_KEYS> =
  CREATE_SESSION_KEYS;

export function createSession(options: CreateSessionOptions): Session {
  const { summary, onPlanStep, onAnswerDelta, onModelRetry, shareScope, ...settings } = options;
  // Checked now: a wrong option should fail at creation, not in a later turn.
  const problems = new OptionProblems();
  for (const problem of unknownOptionProblems({
    of: 'createSession',
    given: options,
    known: createSessionOptionKeys,
  }))
    problems.add(problem);
  checkSummary(summary, problems);
  const scopeProblem = shareScopeProblem(shareScope);
  if (scopeProblem !== undefined) problems.add(scopeProblem);
  return createSessionResolved({
    planned: resolvePlannedSettings(
      shareScope === undefined || scopeProblem !== undefined
        ? settings
        : { ...settings, execute: { ...settings.execute, shareScope } },
      problems,
    ),
    summary,
    onPlanStep,
    onAnswerDelta,
    onModelRetry,
  });
}

/** A session's options, resolved: the settings of every turn's `runPlanned`, and its own. */
export interface ResolvedSessionOptions {
  planned: ResolvedPlannedSettings;
  /** Checked already (`checkSummary`). */
  summary: SummarizeTurnsOptions | undefined;
  onPlanStep: ResolvedRunPlannedOptions['onPlanStep'];
  onAnswerDelta: ResolvedRunPlannedOptions['onAnswerDelta'];
  onModelRetry: ResolvedRunPlannedOptions['onModelRetry'];
}

/** Adds to `problems` what is wrong with a session's `summary` option. */
export function checkSummary(
  summary: SummarizeTurnsOptions | undefined,
  problems: OptionProblems,
): void {
  problems.attempt('summary', () => summarizeTurns([], summary));
}

/** `createSession` with its options resolved already (by an agent, once for all its sessions). */
export function createSessionResolved(options: ResolvedSessionOptions): Session {
  const { planned, summary, onPlanStep, onAnswerDelta, onModelRetry } = options;
  const { tools, compress } = planned;
  // A planning budget no request could fit fails here, not at the first question.
  planned.planner();
  const store: Record<string, unknown> = {};
  /** Where each stored result came from, so a follow-up knows whether it plans after untrusted data. */
  const sources: Record<string, readonly ValueSource[]> = {};
  const history: { query: string; answer: string }[] = [];
  const completed = new Set<string>();
  let lastResults: Record<string, unknown> = {};

  const context = (): CompressedContext => ({
    task: summarizeTurns(history, summary),
    lastResults,
    completed: [...completed],
  });

  return {
    get results() {
      return store;
    },
    get turns() {
      return history.length;
    },
    context,
    async ask(query, { signal } = {}) {
      const turn = history.length + 1;
      const { task, completed: done } = context();
      const run = await runPlannedResolved(
        resolvePlannedRun(planned, {
          query,
          earlier: { ...store },
          earlierSources: { ...sources },
          ...(turn === 1
            ? {}
            : {
                request: {
                  results: lastResults,
                  render: (last) => renderSessionRequest({ query, task, last, completed: done }),
                },
              }),
          signal,
          onPlanStep,
          onAnswerDelta,
          onModelRetry,
        }),
      );
      // Only what this turn's plans produced: earlier results passed in are not results of it.
      const own = Object.fromEntries(
        Object.entries(run.results).filter(([id]) => !Object.hasOwn(store, id)),
      );
      const ids = Object.fromEntries(Object.keys(own).map((id) => [id, `t${turn}_${id}`]));
      for (const [id, value] of Object.entries(own)) store[ids[id] ?? id] = value;
      for (const step of run.steps) {
        if (step.sources !== undefined && Object.hasOwn(ids, step.id))
          sources[ids[step.id] as string] = step.sources;
      }
      for (const step of run.steps) if (step.status === 'ok') completed.add(step.tool);
      const compressed = compressResults({
        ...compress,
        tools,
        plans: run.plans,
        results: own,
        rename: (id) => ids[id] ?? id,
      });
      lastResults = compressed.results;
      history.push({ query, answer: run.answer });
      return { ...run, turn, ids, contextCuts: compressed.cuts };
    },
  };
}
