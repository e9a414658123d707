import type { UIMessageChunk } from 'ai';
import { LRUCache } from 'lru-cache';
import { loadAiSdk } from '../model/load-ai-sdk.js';
import {
  createSideEffectLedger,
  shareScopeProblem,
  type SideEffectLedger,
} from '../runtime/index.js';
import type { Chain, ChainDefinition, ChainMatcher, TraceStore } from '../trace/index.js';
import type { ChainLearner, ChainLearnerOptions } from './create-chain-learner.js';
import { createDeferredWork } from './create-deferred-work.js';
import type { PlanCache, PlanCacheStats } from './create-plan-cache.js';
import type { LearningStore } from './learning-store.js';
import {
  checkSummary,
  createSessionResolved,
  type CreateSessionOptions,
  type Session,
} from './create-session.js';
import { checkAgentRunOptions } from './check-agent-run-options.js';
import { createUIMessageChunkMapper } from './create-ui-message-chunk-mapper.js';
import { OptionProblems } from './option-problems.js';
import { streamUIMessages } from './stream-ui-messages.js';
import {
  resolveUIMessageStreamOptions,
  type AgentUIMessageStreamOptions,
  type AgentUIMessageStreamResponseOptions,
} from './ui-message-stream-options.js';
import { resolveAgentOptions, type ResolvedAgentOptions } from './resolve-agent-options.js';
import { resolvePlannedRun } from './resolve-run-planned-options.js';
import type { RunPlannedOptions } from './run-planned.js';
import { runOptimizedResolved, type AgentEvent, type AgentRun } from './run-optimized.js';

export interface CreateAgentOptions extends Omit<
  RunPlannedOptions,
  'query' | 'signal' | 'earlier' | 'earlierSources' | 'request' | 'onPlanStep' | 'onAnswerDelta'
> {
  /**
   * Compiled chains tried before anything else: written with `defineChain`, or loaded from mined
   * files (`loadChainFiles`). A chain that no longer fits the tools is refused and the query is
   * planned. A developer's chain (`defineChain`, a file with `"kept": true`) answers as written;
   * a mined file nobody kept runs in shadow until it has agreed with the planner
   * `learn.promoteAfter` times (see `chainAgreements`).
   * @default [] (none)
   */
  chains?: ReadonlyArray<Chain | ChainDefinition> | ChainMatcher;
  /**
   * Agreements with the planner that unreviewed `chains` already earned, by chain name — from a
   * trace log, as `chainStandingFromTraces` counts them (`toolplan run --chains` does this).
   * @default {} (every unreviewed chain starts in shadow)
   */
  chainAgreements?: Readonly<Record<string, number>>;
  /**
   * Reuse the plans of earlier queries of the same shape (`true`: a cache of this agent's own;
   * or one to share). Only plans whose every tool is read-only are cached.
   * @default true
   */
  planCache?: boolean | PlanCache;
  /**
   * Learn from this agent's own runs: mine chains (read-only ones run without review) and a
   * predictor of likely first calls. `false` learns nothing.
   * @default true (the defaults of `ChainLearnerOptions`)
   */
  learn?: boolean | ChainLearnerOptions;
  /**
   * Start the calls the predictors (`predictors`, and what was learned) make likely before the
   * plan asks for them. `false` never speculates.
   * @default true
   */
  predict?: boolean;
  /** Where every run is recorded (`createTraceStore` for the SQLite log). @default none */
  traceStore?: TraceStore;
  /**
   * Share what the agent learns — plan cache, learned chains and their promotion, the predictor,
   * results of read-only tools with `ttlMs` — with the other processes of the application
   * (`redisStore({ url, app })`). Its runs wait for the fleet's state to load, and fail with a
   * `RedisStoreError` when Redis could not be reached for it. Close the store when the process
   * stops (`await store.close()`).
   * @default none (the agent learns alone, in memory)
   */
  store?: LearningStore;
  /**
   * Hears a failure of the work done after a run returned its answer — learning from it,
   * recording its trace (a closed trace store, a full disk). Such a failure never reaches the
   * caller of `run` and never takes the process down.
   * @default a process warning (code `TOOLPLAN_BACKGROUND_ERROR`)
   */
  onError?: (error: unknown) => void;
}

export interface AgentRunOptions {
  signal?: AbortSignal;
  /**
   * The run's id, or an idempotency key of the caller's request. A run with the id of an earlier
   * one (a retry after a `ModelCallError`, whose `partial.runId` it is) shares that run's record
   * of side effects: a side-effect call the earlier run made is not made again (its result is
   * reused). The agent remembers the last `RUN_LEDGERS_KEPT` ids.
   * @default a random UUID
   */
  runId?: string;
  /**
   * Who this run may share in-flight tool calls and cached results with: runs of the same scope
   * (name the user or the tenant whose data the tools read). Without one the run shares with no
   * other run. It overrides `execute.shareScope` of the agent (see `ExecutePlanOptions`).
   * Chains and the plan cache are shared by every run regardless: they hold shapes of plans, not
   * results.
   * @default `execute.shareScope` of the agent, else none (the run's own)
   */
  shareScope?: string;
}

/** How many run ids' side-effect records an agent keeps for retried requests. */
export const RUN_LEDGERS_KEPT = 1_000;

export interface Agent {
  /** Answers one query with the optimized pipeline. */
  run(query: string, options?: AgentRunOptions): Promise<AgentRun>;
  /**
   * The same, as events while it happens: plan steps as they stream in, step starts and ends,
   * the answer's text, and `finish` with the whole result. Leaving the loop early aborts the run.
   */
  stream(query: string, options?: AgentRunOptions): AsyncGenerator<AgentEvent, void, undefined>;
  /**
   * The same run as the AI SDK's UI message stream, for `useChat` (read it with the AI SDK's
   * `readUIMessageStream`): returned at once, the run starting when it is read. Each plan step
   * is a tool part (`tool-<tool>`), shown as soon as the step is known — while the plan still
   * streams — in state `input-available`, then `output-available` with its result or
   * `output-error` with why it failed or was skipped; the answer is a text part; the message's
   * metadata is `ToolplanMessageMetadata`. A failure, or a wrong option, is an `error` chunk,
   * never a throw. Aborting `signal`, or cancelling the stream, aborts the run.
   */
  toUIMessageStream(
    query: string,
    options?: AgentUIMessageStreamOptions,
  ): ReadableStream<UIMessageChunk>;
  /**
   * `toUIMessageStream` as an HTTP response of server-sent events with the AI SDK's headers: what
   * a route of `useChat`'s default transport returns. When the client goes away, the body is
   * cancelled and with it the run.
   */
  toUIMessageStreamResponse(query: string, options?: AgentUIMessageStreamResponseOptions): Response;
  /**
   * A conversation with these tools and this model (see `createSession`); its turns share calls
   * and cached results within `shareScope` only.
   */
  session(options?: Pick<CreateSessionOptions, 'summary' | 'shareScope'>): Session;
  /** What the agent has learned and reused so far. */
  stats(): {
    planCache?: Readonly<PlanCacheStats> & { size: number };
    learner?: ChainLearner['stats'];
    /** The given chains: trusted as written, or unreviewed and promoted, or still in shadow. */
    chains?: { trusted: number; promoted: number; shadow: number };
  };
}

/**
 * The one entry point: compiled chains first (no model call), then the plan cache, then one
 * streamed planning call executed as it arrives, with likely calls already speculated, and the
 * model again only when results need reasoning or a plan failed. Every part can be switched off;
 * the defaults are the whole pipeline.
 *
 * ```ts
 * const agent = createAgent({ model: openai('gpt-4o'), tools: [getWeather, compareTemps] });
 * const { answer, usage } = await agent.run('Compare the weather in Boston and Miami today');
 * ```
 */
export function createAgent(options: CreateAgentOptions): Agent {
  const resolved = resolveAgentOptions(options);
  const { planned, planCache, learner } = resolved;
  const deferred = createDeferredWork({ onError: resolved.onError });
  // The side effects of recent runs by id, for a request retried with the same id.
  const ledgers = new LRUCache<string, SideEffectLedger>({ max: RUN_LEDGERS_KEPT });
  const ledgerFor = (runId: string) => {
    let ledger = ledgers.get(runId);
    if (ledger === undefined) {
      ledger = createSideEffectLedger();
      ledgers.set(runId, ledger);
    }
    return ledger;
  };

  // Async, so that a wrong option of the run rejects like every other failure of it.
  const run = async (
    query: string,
    runOptions: AgentRunOptions & { onEvent?: (event: AgentEvent) => void },
  ) => {
    const problems = new OptionProblems();
    checkAgentRunOptions(runOptions, problems);
    problems.throwIfAny();
    const { runId: given, shareScope } = runOptions;
    // Every run's record is kept under its id, so that the id a failed run reports
    // (`error.partial.runId`) can be retried.
    const runId = given ?? crypto.randomUUID();
    if (resolved.storeReady !== undefined) await resolved.storeReady;
    // The scope reaches the runtime through `execute`: chains, the plan cache's plans and the
    // planner's plans all execute with it.
    const settings = {
      ...planned,
      execute: {
        ...planned.execute,
        ...(planned.execute.sideEffects === undefined ? { sideEffects: ledgerFor(runId) } : {}),
        ...(shareScope === undefined ? {} : { shareScope }),
      },
    };
    return runOptimizedResolved({
      ...resolved,
      planned: resolvePlannedRun(settings, {
        query,
        signal: runOptions.signal,
        onModelRetry: options.onModelRetry,
      }),
      deferred,
      runId,
      onEvent: runOptions.onEvent,
    });
  };

  const uiStream = (
    query: string,
    given: AgentUIMessageStreamResponseOptions,
    of: 'toUIMessageStream' | 'toUIMessageStreamResponse',
  ) => {
    const resolved = resolveUIMessageStreamOptions(given, of);
    const { problems } = resolved;
    // A run's id from the start: the tool parts' ids and the `start` chunk carry it.
    const runId = resolved.run.runId ?? crypto.randomUUID();
    const stream = streamUIMessages({
      events:
        problems === undefined
          ? (signal) => agent.stream(query, { ...resolved.run, runId, signal })
          : // eslint-disable-next-line require-yield
            async function* () {
              throw problems;
            },
      mapper: createUIMessageChunkMapper({
        runId,
        messageId: resolved.messageId,
        messageMetadata: resolved.messageMetadata,
        stepErrorText: resolved.stepErrorText,
      }),
      signal: resolved.run.signal,
      onError: resolved.onError,
    });
    return { stream, response: resolved.response };
  };

  const agent: Agent = {
    run: (query, runOptions = {}) => run(query, runOptions),
    toUIMessageStream: (query, options = {}) =>
      uiStream(query, options, 'toUIMessageStream').stream,
    toUIMessageStreamResponse(query, options = {}) {
      const { stream, response } = uiStream(query, options, 'toUIMessageStreamResponse');
      return loadAiSdk().createUIMessageStreamResponse({ stream, ...response });
    },
    async *stream(query, runOptions = {}) {
      const controller = new AbortController();
      const outer = runOptions.signal;
      const forward = () => controller.abort(outer?.reason);
      if (outer?.aborted === true) forward();
      outer?.addEventListener('abort', forward, { once: true });
      const events: AgentEvent[] = [];
      let wake: (() => void) | undefined;
      let settled = false;
      let failure: { error: unknown } | undefined;
      const running = run(query, {
        ...runOptions,
        signal: controller.signal,
        onEvent: (event) => {
          events.push(event);
          wake?.();
        },
      }).then(
        () => {
          settled = true;
          wake?.();
        },
        (error: unknown) => {
          failure = { error };
          settled = true;
          wake?.();
        },
      );
      try {
        for (;;) {
          const event = events.shift();
          if (event !== undefined) {
            yield event;
            continue;
          }
          if (settled) {
            if (failure !== undefined) throw failure.error;
            return;
          }
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = undefined;
        }
      } finally {
        outer?.removeEventListener('abort', forward);
        if (!settled) {
          controller.abort(new Error('agent.stream() was left before the run finished'));
          await running;
        }
      }
    },
    session: ({ summary, shareScope } = {}) => {
      const problems = new OptionProblems();
      checkSummary(summary, problems);
      const scopeProblem = shareScopeProblem(shareScope);
      if (scopeProblem !== undefined) problems.add(scopeProblem);
      problems.throwIfAny();
      return createSessionResolved({
        planned:
          shareScope === undefined
            ? planned
            : { ...planned, execute: { ...planned.execute, shareScope } },
        summary,
        onPlanStep: undefined,
        onAnswerDelta: undefined,
        onModelRetry: options.onModelRetry,
      });
    },
    stats: () => ({
      ...(planCache === undefined
        ? {}
        : { planCache: { ...planCache.stats, size: planCache.size } }),
      ...(learner === undefined ? {} : { learner: learner.stats }),
      ...(resolved.chains === undefined ? {} : { chains: chainStanding(resolved) }),
    }),
  };
  return agent;
}

function chainStanding({ chains, promotion }: ResolvedAgentOptions) {
  const counts = { trusted: 0, promoted: 0, shadow: 0 };
  for (const chain of chains?.chains ?? []) {
    if (chain.kept) counts.trusted += 1;
    else if (promotion.isShadow(chain)) counts.shadow += 1;
    else counts.promoted += 1;
  }
  return counts;
}
