import type { Plan } from '../plan/index.js';

/**
 * What a run had done when a later model call failed (`error.partial` of a `ModelCallError` or a
 * `PlanningError` thrown after steps ran): every plan executed, every step with its status, and
 * every result that finished. Nothing that ran is lost, and a caller retrying with the same run
 * id (`runId`) repeats no side effect.
 */
export interface PartialRun {
  /** The run's id: pass it again to retry with the same record of side effects. */
  runId: string | undefined;
  plans: Plan[];
  steps: ReadonlyArray<{
    id: string;
    tool: string;
    status: string;
    value?: unknown;
    error?: Error;
  }>;
  results: Record<string, unknown>;
}
