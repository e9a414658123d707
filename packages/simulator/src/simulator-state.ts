import { createHash } from 'node:crypto';
import { FaultSchedule } from './fault-schedule.js';
import { IssuedCalls } from './issued-calls.js';
import { PromptCache } from './prompt-cache.js';
import { ResponseItems } from './response-items.js';
import type { ResolvedSimulatorOptions } from './simulated-provider-options.js';
import { StatsRecorder } from './simulator-stats.js';

/** Everything one simulated provider remembers between requests. */
export class SimulatorState {
  readonly options: ResolvedSimulatorOptions;
  readonly issuedCalls = new IssuedCalls();
  /** Output items sent through the Responses API, for `item_reference` inputs. */
  readonly responseItems = new ResponseItems();
  readonly stats = new StatsRecorder();
  readonly faults: FaultSchedule;
  /** OpenAI's per-deployment fingerprint; stable per profile. */
  readonly systemFingerprint: string;
  readonly #occurrences = new Map<string, number>();
  // Per namespace (`X-Toolplan-Namespace`), as a real provider keeps one prompt cache per
  // organisation: clients in different namespaces never warm each other's cache.
  readonly #promptCaches = new Map<string, PromptCache>();

  constructor(options: ResolvedSimulatorOptions) {
    this.options = options;
    this.faults = new FaultSchedule(options.faults);
    const digest = createHash('sha256').update(options.profile.snapshot).digest('hex');
    this.systemFingerprint = `fp_${digest.slice(0, 10)}`;
  }

  /** The prompt cache of one namespace (`''` for requests that name none). */
  promptCache(namespace = ''): PromptCache {
    let cache = this.#promptCaches.get(namespace);
    if (cache === undefined) {
      cache = new PromptCache(this.options.promptCacheSize);
      this.#promptCaches.set(namespace, cache);
    }
    return cache;
  }

  /** Empties every namespace's prompt cache. */
  clearPromptCaches(): void {
    this.#promptCaches.clear();
  }

  /**
   * How many times a request with this key was seen before in this namespace (0 the first time):
   * clients in different namespaces sending the same requests meet the same draws.
   */
  nextOccurrence(key: string, namespace = ''): number {
    const scoped = `${namespace}\u0000${key}`;
    const count = this.#occurrences.get(scoped) ?? 0;
    this.#occurrences.set(scoped, count + 1);
    return count;
  }

  /** Starts every request's draws over, as if none had been seen (see `restartDraws`). */
  resetOccurrences(): void {
    this.#occurrences.clear();
  }
}
