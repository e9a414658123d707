import { isValidatedPlan, type Plan } from '../plan/index.js';
import type { ToolRegistry } from '../tools/index.js';
import type { PlanCache } from './create-plan-cache.js';

/** A change to a plan cache, as processes tell each other. Plain JSON. */
export type PlanCacheEvent =
  | { type: 'plan.remember'; query: string; plan: Plan }
  | { type: 'plan.fail'; key: string; params: Record<string, unknown> }
  | { type: 'plan.confirm'; key: string; agreed: boolean }
  | { type: 'plan.evict'; key: string };

/**
 * A plan cache whose changes are told to other processes (`publish`) and that takes theirs
 * (`apply`). What is shared is the operations, not the entries: every process replays the same
 * `remember`/`fail`/`confirm`/`evict` on its own cache, whose keys (a plan's shape and tools) are
 * the same everywhere, so the caches converge — an entry promoted by agreements counted in three
 * processes is promoted in all. Entries stay what they are locally: generalised plans kept as
 * unreviewed chains (`kept: false`), so nothing arriving from Redis is trusted more than what the
 * process learned itself, and a plan with side effects is refused on replay as it is locally.
 * Lookups stay local and synchronous.
 */
export function sharePlanCache(options: {
  local: PlanCache;
  tools: ToolRegistry;
  publish: (event: PlanCacheEvent) => void;
}): { planCache: PlanCache; apply: (event: PlanCacheEvent) => void } {
  const { local, tools, publish } = options;
  const planCache: PlanCache = {
    lookup: (query, given, lookupOptions) => local.lookup(query, given, lookupOptions),
    ...(local.guess === undefined
      ? {}
      : { guess: (query, given) => local.guess?.(query, given) ?? [] }),
    remember(query, plan, given) {
      const outcome = local.remember(query, plan, given);
      if (outcome.cached) {
        publish({
          type: 'plan.remember',
          query,
          plan: isValidatedPlan(plan) ? plan.plan : plan,
        });
      }
      return outcome;
    },
    fail(key, params) {
      local.fail(key, params);
      publish({ type: 'plan.fail', key, params: { ...params } });
    },
    confirm(key, agreed) {
      local.confirm(key, agreed);
      publish({ type: 'plan.confirm', key, agreed });
    },
    evict(key) {
      const removed = local.evict(key);
      if (removed) publish({ type: 'plan.evict', key });
      return removed;
    },
    get size() {
      return local.size;
    },
    get stats() {
      return local.stats;
    },
  };
  const apply = (event: PlanCacheEvent) => {
    switch (event.type) {
      case 'plan.remember':
        local.remember(event.query, event.plan, tools);
        return;
      case 'plan.fail':
        local.fail(event.key, event.params);
        return;
      case 'plan.confirm':
        local.confirm(event.key, event.agreed);
        return;
      case 'plan.evict':
        local.evict(event.key);
        return;
    }
  };
  return { planCache, apply };
}
