import type { Flight } from './single-flight.js';
import type { StepState } from './step-state.js';

/**
 * One input for one step (or one `forEach` item) of a tool: what the deduplicator matches,
 * a job carries, and an outcome is delivered to.
 */
export interface Call {
  readonly step: StepState;
  /** The `forEach` item this call is for. */
  readonly index: number | undefined;
  readonly input: unknown;
  /**
   * Its single-flight key, set by the deduplicator for read-only tools only: a call that has one
   * owns the run's entry under it, and its outcome goes to every call sharing that entry.
   */
  key: string | undefined;
  /** Its entry in the cross-run registry, landed when the call ends. */
  flight: Flight | undefined;
}
