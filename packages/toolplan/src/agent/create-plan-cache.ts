import { LRUCache } from 'lru-cache';
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
  matchChain,
  type ChainDefinition,
} from '../trace/index.js';

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
}

/** A cached plan, rebound to a new query's values and validated against the current tools. */
export interface PlanCacheHit {
  plan: ValidatedPlan;
  params: Record<string, unknown>;
  /** Pass it to `evict` when the plan fails. */
  key: string;
}

export type RememberOutcome =
  { cached: true; key: string } | { cached: false; reason: 'not-generalizable' | 'side-effects' };

export interface PlanCacheStats {
  hits: number;
  misses: number;
  evictions: number;
}

export interface PlanCache {
  /** The cached plan for a query of a known shape, or `undefined` (plan it afresh). */
  lookup(query: string, tools: ToolSource): PlanCacheHit | undefined;
  /** Keeps the plan of a run that succeeded, generalised over the query's values. */
  remember(query: string, plan: ValidatedPlan | Plan, tools?: ToolSource): RememberOutcome;
  /** Drops a plan that failed, so the next query of its shape is planned afresh. */
  evict(key: string): boolean;
  readonly size: number;
  readonly stats: Readonly<PlanCacheStats>;
}

interface Entry {
  /** The generalised plan, kept in the chain format so the chain matcher serves lookups. */
  chain: ChainDefinition;
}

/**
 * A cache of successful plans by query shape: "weather in Boston" and "weather in Paris" share a
 * plan with the city as a parameter (see `generalizePlan`). A hit is the cached template with the
 * new values written in, validated against the current tools like any plan; one that no longer
 * validates is evicted and the lookup misses. Independent of mined chains.
 *
 * States of an entry: absent → cached (`remember` after a successful run) → absent again
 * (`evict` after a failed run, a stale validation at lookup, or least-recent replacement).
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
  const entries = new LRUCache<string, Entry>({ max: maxEntries });
  const stats: PlanCacheStats = { hits: 0, misses: 0, evictions: 0 };

  const hasSideEffects = (plan: Plan, tools: ToolRegistry | undefined) =>
    plan.steps.some((step) => tools?.get(step.tool)?.readOnly !== true);

  const evict = (key: string) => {
    const removed = entries.delete(key);
    if (removed) stats.evictions += 1;
    return removed;
  };

  return {
    lookup(query, tools) {
      const registry = createToolRegistry(tools);
      // Most recently used first: the likeliest shape is tried first.
      for (const [key, entry] of [...entries.entries()]) {
        const found = matchChain(entry.chain, query);
        if (found === undefined) continue;
        const plan = bindChainParams(entry.chain.plan, found.params);
        if (!cacheSideEffects && hasSideEffects(plan, registry)) {
          evict(key);
          continue;
        }
        try {
          const validated = validatePlan(plan, { tools: registry });
          entries.get(key);
          stats.hits += 1;
          return { plan: validated, params: found.params, key };
        } catch (error) {
          if (!(error instanceof PlanValidationError)) throw error;
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
      entries.set(key, {
        chain: {
          version: 1,
          name: 'plan-cache',
          origin: 'plan-cache',
          kept: false,
          params: Object.fromEntries(
            Object.entries(generalized.params).map(([name, { type }]) => [name, { type }]),
          ),
          match: { patterns: [generalized.pattern], minConfidence },
          plan: generalized.template,
        },
      });
      return { cached: true, key };
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
