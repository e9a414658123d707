/**
 * A strategy's runs, judged apart from those broken in transport: those have no answer to call
 * right or wrong, and no latency worth averaging. `measured` is what the means are taken over —
 * the judged runs, or every run when nothing else ran (the figures then still exist, marked by
 * `correct: false`).
 */
export function splitTransportErrors<Outcome extends { transportError: boolean }>(
  outcomes: readonly Outcome[],
): { judged: Outcome[]; measured: readonly Outcome[]; transportErrors: number } {
  const judged = outcomes.filter((outcome) => !outcome.transportError);
  return {
    judged,
    measured: judged.length > 0 ? judged : outcomes,
    transportErrors: outcomes.length - judged.length,
  };
}
