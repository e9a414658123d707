import { createHash } from 'node:crypto';
import { FaultSchedule } from './fault-schedule.js';
import { IssuedCalls } from './issued-calls.js';
import { PromptCache } from './prompt-cache.js';
import type { ResolvedSimulatorOptions } from './simulated-provider-options.js';
import { StatsRecorder } from './simulator-stats.js';

/** Everything one simulated provider remembers between requests. */
export class SimulatorState {
  readonly options: ResolvedSimulatorOptions;
  readonly promptCache: PromptCache;
  readonly issuedCalls = new IssuedCalls();
  readonly stats = new StatsRecorder();
  readonly faults: FaultSchedule;
  /** OpenAI's per-deployment fingerprint; stable per profile. */
  readonly systemFingerprint: string;
  readonly #occurrences = new Map<string, number>();

  constructor(options: ResolvedSimulatorOptions) {
    this.options = options;
    this.promptCache = new PromptCache(options.promptCacheSize);
    this.faults = new FaultSchedule(options.faults);
    const digest = createHash('sha256').update(options.profile.snapshot).digest('hex');
    this.systemFingerprint = `fp_${digest.slice(0, 10)}`;
  }

  /** How many times a request with this key was seen before (0 the first time). */
  nextOccurrence(key: string): number {
    const count = this.#occurrences.get(key) ?? 0;
    this.#occurrences.set(key, count + 1);
    return count;
  }

  /** Starts every request's draws over, as if none had been seen (see `restartDraws`). */
  resetOccurrences(): void {
    this.#occurrences.clear();
  }
}
