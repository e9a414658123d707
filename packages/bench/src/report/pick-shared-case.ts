import { pickRepresentativeRun } from '../pick-representative-run.js';

/** A measured run, as far as choosing the case to draw needs it. */
export interface SharedCaseRun {
  caseId: string;
  latencyMs: number;
}

/** The strategy whose typical run decides the case, when it ran. */
export const SHARED_CASE_REFERENCE = 'plan';

/**
 * The one case to draw every strategy's timeline of, so that the rows of a scenario's timeline
 * compare like with like: among the cases every strategy ran, the one whose run of the reference
 * strategy (`plan`, else the first strategy given) is nearest that strategy's median latency —
 * the median over all its runs, the earliest run on a tie. Undefined when no case is common to
 * every strategy (or no strategy ran).
 */
export function pickSharedCase(
  runsByStrategy: Readonly<Record<string, readonly SharedCaseRun[]>>,
  options: {
    /** @default `plan` when it ran, else the first strategy */
    reference?: string;
  } = {},
): string | undefined {
  const strategies = Object.keys(runsByStrategy);
  const reference =
    [options.reference, SHARED_CASE_REFERENCE, ...strategies].find(
      (name) => name !== undefined && runsByStrategy[name] !== undefined,
    ) ?? '';
  const referenceRuns = runsByStrategy[reference] ?? [];
  const everywhere = (caseId: string) =>
    strategies.every((strategy) =>
      (runsByStrategy[strategy] ?? []).some((run) => run.caseId === caseId),
    );
  return pickRepresentativeRun(referenceRuns, (run) => everywhere(run.caseId))?.caseId;
}
