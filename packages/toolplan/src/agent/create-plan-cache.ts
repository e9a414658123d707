import { LRUCache } from 'lru-cache';
import { stringify } from 'safe-stable-stringify';
import {
  isValidatedPlan,
  PlanValidationError,
  validatePlan,
  type Plan,
  type ValidatedPlan,
} from '../plan/index.js';
import { createToolRegistry, ToolRegistry, type ToolSource } from '../tools/index.js';
import {
  bindChainParams,
  ChainOptionsError,
  generalizePlan,
  learnSlotProfile,
  matchChain,
  type ChainDefinition,
  type ChainParam,
  type RefusedChainMatch,
  type GeneralizedPlan,
  type MatchChainOptions,
} from '../trace/index.js';
import { guessFromRefusedMatch } from './guess-from-refused-match.js';

export interface CreatePlanCacheOptions {
  /**
   * Most plans kept; the least recently used is dropped first.
   * @default 256
   */
  maxEntries?: number;
  /**
   * A query must match a cached shape at least this surely to reuse its plan.
   * @default 0.8
   */
  minConfidence?: number;
  /**
   * Also cache plans that call tools without `readOnly`. Off: replaying a side effect for a
   * query that merely looks the same is not a risk to take without asking.
   * @default false
   */
  cacheSideEffects?: boolean;
  /**
   * Times a newly cached plan must agree with the planner before it answers alone (issue 18:
   * promotion on evidence). Until then it is in shadow: a query it matches still goes to the
   * planner, and the cached plan, bound to the query's values, is only compared with the
   * planner's (`confirm`) — it costs no tool call. A disagreement puts it back to zero. `0` lets a
   * plan answer from its first remembering.
   * @default 3
   */
  promoteAfter?: number;
}

/** A cached plan, rebound to a new query's values and validated against the current tools. */
export interface PlanCacheHit {
  plan: ValidatedPlan;
  params: Record<string, unknown>;
  /** Pass it to `fail` when the plan fails, to `confirm` after its shadow was compared. */
  key: string;
  /**
   * The entry has not agreed with the planner `promoteAfter` times yet: do not run it; plan the
   * query, then `confirm` whether the planner's plan was this one.
   */
  shadow: boolean;
}

export type RememberOutcome =
  { cached: true; key: string } | { cached: false; reason: 'not-generalizable' | 'side-effects' };

export interface PlanCacheStats {
  hits: number;
  misses: number;
  evictions: number;
  /** Cached plans that failed when run with a query's values (the entry is kept). */
  failures: number;
  /** Lookups that matched an entry still in shadow (the planner answered). */
  shadowHits: number;
  /** Entries that reached `promoteAfter` agreements and answer alone. */
  promotions: number;
  /** Shadow comparisons that disagreed (the entry went back to zero). */
  demotions: number;
}

export interface PlanCacheLookupOptions {
  /** Hears why a cached shape that the query's wording fits was not used (a near miss). */
  onNearMiss?: (reason: string) => void;
  /**
   * Hears the plan of a cached shape whose wording fit the query but whose slots refused its
   * values, bound to them anyway: not an answer, a guess of the planner's calls for speculation.
   */
  onGuess?: (plan: Plan) => void;
}

export interface PlanCache {
  /** The cached plan for a query of a known shape, or `undefined` (plan it afresh). */
  lookup(
    query: string,
    tools: ToolSource,
    options?: PlanCacheLookupOptions,
  ): PlanCacheHit | undefined;
  /**
   * The cached plans a query's wording fits, bound to its values — whether they would answer,
   * are in shadow, or had a slot refuse a value (then without the steps that take it) — as
   * guesses of the planner's calls for speculation. Changes nothing: no statistics, no recency.
   */
  guess?(query: string, tools: ToolSource): Plan[];
  /** Keeps the plan of a run that succeeded, generalised over the query's values. */
  remember(query: string, plan: ValidatedPlan | Plan, tools?: ToolSource): RememberOutcome;
  /**
   * Records that a hit's plan failed with its values: those values are not tried from this entry
   * again, and the entry goes back to shadow, but it stays — it succeeded for other values, and
   * one odd value (a city the weather service does not know) says little against them.
   */
  fail(key: string, params: Readonly<Record<string, unknown>>): void;
  /**
   * After a shadow hit: whether the planner's plan for the query was the cached plan bound to its
   * values. Agreeing counts towards promotion; disagreeing puts the entry back to zero.
   */
  confirm(key: string, agreed: boolean): void;
  /** Drops a cached plan, so the next query of its shape is planned afresh. */
  evict(key: string): boolean;
  readonly size: number;
  readonly stats: Readonly<PlanCacheStats>;
}

interface Entry {
  /** The generalised plan, kept in the chain format so the chain matcher serves lookups. */
  chain: ChainDefinition;
  /**
   * The plan as remembered, with its own values: when a rebound plan fails validation, this one
   * tells a stale entry (it fails too: evict) from values the tools refuse (it passes: a miss).
   */
  original: Plan;
  /** Every value seen per parameter over the runs remembered: the slots' kinds come from them. */
  values: Map<string, Array<string | number>>;
  /** Parameter bindings whose plan failed when run: a miss from now on. */
  failed: Set<string>;
  /** Shadow comparisons agreed in a row; at `promoteAfter` the entry answers alone. */
  agreements: number;
}

/** Bindings remembered as failed per entry; the oldest is forgotten first. */
const MAX_FAILED_BINDINGS = 64;

/**
 * A cache of successful plans by query shape: "weather in Boston" and "weather in Paris" share a
 * plan with the city as a parameter (see `generalizePlan`). A query hits only when its every word
 * is explained: the shape's literal words match exactly and each slot's value fits the kind of
 * value the slot learned (from the values remembered and the tools' schemas): "weather in Paris
 * tomorrow" does not reuse the plan of "weather in New York". A hit is the cached template with
 * the new values written in, validated against the current tools like any plan. Independent of
 * mined chains.
 *
 * States of an entry:
 *
 *     absent ──remember──► shadow ──confirm(agreed) × promoteAfter──► promoted
 *                            ▲  └─confirm(disagreed): back to zero        │
 *                            └──────────confirm(disagreed)────────────────┘
 *     shadow | promoted ──evict, stale at lookup, least recent replaced──► absent
 *
 * In shadow a hit is only compared with the planner's plan (no tool runs); promoted, it answers
 * alone. Remembering the same plan for the same shape again widens what its slots accept and
 * keeps its standing; a different plan for the shape starts again in shadow. A hit whose plan
 * fails (`fail`) keeps the entry and only refuses those values from then on.
 */
export function createPlanCache(options: CreatePlanCacheOptions = {}): PlanCache {
  const maxEntries = options.maxEntries ?? 256;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new ChainOptionsError({
      option: 'maxEntries',
      message: `Expected \`maxEntries\` to be a positive integer, got \`${String(maxEntries)}\``,
    });
  }
  const minConfidence = options.minConfidence ?? 0.8;
  if (typeof minConfidence !== 'number' || !(minConfidence >= 0 && minConfidence <= 1)) {
    throw new ChainOptionsError({
      option: 'minConfidence',
      message: `Expected \`minConfidence\` to be a number in [0, 1], got \`${String(minConfidence)}\``,
    });
  }
  const cacheSideEffects = options.cacheSideEffects ?? false;
  const promoteAfter = options.promoteAfter ?? 3;
  if (!Number.isInteger(promoteAfter) || promoteAfter < 0) {
    throw new ChainOptionsError({
      option: 'promoteAfter',
      message: `Expected \`promoteAfter\` to be an integer ≥ 0, got \`${String(promoteAfter)}\``,
    });
  }
  const entries = new LRUCache<string, Entry>({ max: maxEntries });
  const stats: PlanCacheStats = {
    hits: 0,
    misses: 0,
    evictions: 0,
    failures: 0,
    shadowHits: 0,
    promotions: 0,
    demotions: 0,
  };

  const hasSideEffects = (plan: Plan, tools: ToolRegistry | undefined) =>
    plan.steps.some((step) => tools?.get(step.tool)?.readOnly !== true);

  const evict = (key: string) => {
    const removed = entries.delete(key);
    if (removed) stats.evictions += 1;
    return removed;
  };

  return {
    guess(query, tools) {
      const registry = createToolRegistry(tools);
      const guesses: Plan[] = [];
      const options: MatchChainOptions = {
        schemaOf: (tool: string) => registry.get(tool)?.inputSchema.jsonSchema,
        onRefusedMatch: (refused: RefusedChainMatch) =>
          guesses.push(guessFromRefusedMatch(refused)),
      };
      // Iterating does not touch the entries' recency: a guess is not a use.
      for (const entry of entries.values()) {
        const found = matchChain(entry.chain, query, options);
        if (found !== undefined) guesses.push(bindChainParams(entry.chain.plan, found.params));
      }
      return guesses;
    },

    lookup(query, tools, lookupOptions = {}) {
      const registry = createToolRegistry(tools);
      const schemaOf = (tool: string) => registry.get(tool)?.inputSchema.jsonSchema;
      const { onGuess } = lookupOptions;
      const matchOptions: MatchChainOptions = {
        schemaOf,
        ...(lookupOptions.onNearMiss === undefined ? {} : { onNearMiss: lookupOptions.onNearMiss }),
        ...(onGuess === undefined
          ? {}
          : {
              onRefusedMatch: (refused: RefusedChainMatch) =>
                onGuess(guessFromRefusedMatch(refused)),
            }),
      };
      // Most recently used first: the likeliest shape is tried first.
      for (const [key, entry] of [...entries.entries()]) {
        const found = matchChain(entry.chain, query, matchOptions);
        if (found === undefined) continue;
        if (entry.failed.has(stringify(found.params))) {
          lookupOptions.onNearMiss?.(
            'plan-cache: this query’s values failed with this plan before',
          );
          continue;
        }
        const plan = bindChainParams(entry.chain.plan, found.params);
        if (!cacheSideEffects && hasSideEffects(plan, registry)) {
          evict(key);
          continue;
        }
        try {
          const validated = validatePlan(plan, { tools: registry });
          entries.get(key);
          const shadow = entry.agreements < promoteAfter;
          if (shadow) stats.shadowHits += 1;
          else stats.hits += 1;
          return { plan: validated, params: found.params, key, shadow };
        } catch (error) {
          if (!(error instanceof PlanValidationError)) throw error;
          if (validates(entry.original, registry)) {
            // The tools refuse these values, not the plan: the entry stays good for others.
            lookupOptions.onNearMiss?.(`plan-cache: the tools refuse this query’s values`);
            continue;
          }
          evict(key);
        }
      }
      stats.misses += 1;
      return undefined;
    },

    remember(query, plan, tools) {
      const raw = isValidatedPlan(plan) ? plan.plan : plan;
      const catalog =
        tools === undefined
          ? isValidatedPlan(plan)
            ? plan.tools
            : undefined
          : createToolRegistry(tools);
      const registry = catalog instanceof ToolRegistry ? catalog : undefined;
      if (!cacheSideEffects && hasSideEffects(raw, registry)) {
        return { cached: false, reason: 'side-effects' };
      }
      const generalized = generalizePlan(query, raw);
      if (generalized === undefined) return { cached: false, reason: 'not-generalizable' };
      const toolNames = [...new Set(raw.steps.map((step) => step.tool))].sort();
      const key = `${generalized.shape}\u0000${toolNames.join(',')}`;
      const previous = entries.peek(key);
      // The same plan for the same shape again: its slots learn the new values.
      const values =
        previous !== undefined && stringify(previous.chain.plan) === stringify(generalized.template)
          ? previous.values
          : new Map<string, Array<string | number>>();
      for (const [name, { value }] of Object.entries(generalized.params)) {
        const seen = values.get(name) ?? [];
        seen.push(...(Array.isArray(value) ? value : [value]));
        values.set(name, seen.slice(-MAX_VALUES_SEEN));
      }
      entries.set(key, {
        chain: {
          version: 1,
          name: 'plan-cache',
          origin: 'plan-cache',
          kept: false,
          params: paramsOf(generalized, values),
          match: { patterns: [generalized.pattern], minConfidence },
          plan: generalized.template,
        },
        original: raw,
        values,
        failed: previous?.values === values ? previous.failed : new Set<string>(),
        agreements: previous?.values === values ? previous.agreements : 0,
      });
      return { cached: true, key };
    },

    fail(key, params) {
      const entry = entries.peek(key);
      stats.failures += 1;
      if (entry === undefined) return;
      // A failed run demotes: the entry answers alone again only after agreeing afresh.
      if (entry.agreements >= promoteAfter && promoteAfter > 0) stats.demotions += 1;
      entry.agreements = 0;
      entry.failed.add(stringify(params));
      if (entry.failed.size > MAX_FAILED_BINDINGS) {
        const [oldest] = entry.failed;
        if (oldest !== undefined) entry.failed.delete(oldest);
      }
    },

    confirm(key, agreed) {
      const entry = entries.peek(key);
      if (entry === undefined) return;
      if (!agreed) {
        // Only an entry in shadow is confirmed: a demotion is losing agreements it had.
        if (entry.agreements > 0) stats.demotions += 1;
        entry.agreements = 0;
        return;
      }
      entry.agreements += 1;
      if (entry.agreements === promoteAfter) stats.promotions += 1;
    },

    evict,

    get size() {
      return entries.size;
    },

    get stats() {
      return { ...stats };
    },
  };
}

/** Values kept per parameter: enough to learn a slot's kind and range, bounded in memory. */
const MAX_VALUES_SEEN = 256;

/** The entry's parameters: their types, the strings seen, and the kind of value each holds. */
function paramsOf(
  generalized: GeneralizedPlan,
  values: ReadonlyMap<string, ReadonlyArray<string | number>>,
): Record<string, ChainParam> {
  const params: Record<string, ChainParam> = {};
  for (const [name, { type }] of Object.entries(generalized.params)) {
    const seen = values.get(name) ?? [];
    const entities = [
      ...new Set(seen.filter((value): value is string => typeof value === 'string')),
    ];
    const slot = learnSlotProfile(seen);
    params[name] = {
      type,
      ...(entities.length === 0 ? {} : { entities }),
      ...(slot === undefined ? {} : { slot }),
    };
  }
  return params;
}

function validates(plan: Plan, tools: ToolRegistry): boolean {
  try {
    validatePlan(plan, { tools });
    return true;
  } catch (error) {
    if (error instanceof PlanValidationError) return false;
    throw error;
  }
}
