import type { ResultCache, SingleFlight } from '../runtime/index.js';
import type { ToolRegistry } from '../tools/index.js';
import type { ChainLearner } from './create-chain-learner.js';
import type { PlanCache } from './create-plan-cache.js';

/**
 * Where an agent's learned state is shared with other processes (`createAgent`'s `store`; see
 * `redisStore`). The agent's own in-memory parts stay the read path — plan-cache lookups are on
 * the hot path and synchronous — and the store keeps them in step with the fleet's.
 */
export interface LearningStore {
  /**
   * Wraps an agent's parts so that what they learn is shared, and what others learn reaches them.
   * Called once per agent, when it is created; `tools` name the catalog the state is kept under.
   */
  attach(options: AttachLearningStoreOptions): AttachedLearningStore;
  /** Stops sharing and closes the store's connections. Agents using it keep what they hold. */
  close(): Promise<void>;
}

export interface AttachLearningStoreOptions {
  tools: ToolRegistry;
  planCache: PlanCache | undefined;
  learner: ChainLearner | undefined;
  /** Hears failures of the store's background work (a write that Redis refused). */
  onError: (error: unknown) => void;
}

/** An agent's parts, shared. */
export interface AttachedLearningStore {
  planCache: PlanCache | undefined;
  learner: ChainLearner | undefined;
  /** Results of read-only tools with `ttlMs`, shared within a `shareScope`. */
  cache: ResultCache;
  /** Calls in flight of the tools that opted in, shared within a `shareScope`. */
  inFlight: SingleFlight | undefined;
  /** Settles when the fleet's state is loaded: the agent's runs wait for it (and fail with it). */
  ready: Promise<void>;
}
