/** The joiner's system prompt: stable, so a provider's prompt cache covers it. */
export const JOINER_SYSTEM_PROMPT =
  "Answer the user's question from the tool results below. Use only what the results say; if a step failed, say what could not be found. Be brief.";

/**
 * The joiner's user message: the question and the (projected) results as one JSON object keyed
 * by step id — never the raw history.
 */
export function renderJoinRequest(options: {
  query: string;
  results: Record<string, unknown>;
  errors?: Record<string, string>;
}): string {
  const payload: Record<string, unknown> = { results: options.results };
  if (options.errors !== undefined && Object.keys(options.errors).length > 0)
    payload['errors'] = options.errors;
  return `Question: ${options.query}\nResults: ${JSON.stringify(payload)}`;
}

/**
 * Opens the line of a replan request that lists the failed steps (`renderReplanRequest`): a line
 * no JSON-encoded result can start, so a simulated model can tell a replan from a first plan.
 */
export const REPLAN_REQUEST_MARKER = 'Some steps of the previous plan failed';

/** Opens the line of a resume request that quotes the cut plan (`renderResumeRequest`). */
export const RESUME_REQUEST_MARKER = 'Your plan was cut off after';

/** Asks for a plan of what is left after some steps failed, reusing what finished. */
export function renderReplanRequest(options: {
  query: string;
  finished: Record<string, unknown>;
  failed: Record<string, string>;
}): string {
  return [
    options.query,
    '',
    `${REPLAN_REQUEST_MARKER}: ${JSON.stringify(options.failed)}`,
    `These results are finished and can be used by reference ($id) without calling again: ${JSON.stringify(options.finished)}`,
    'Write a new plan for what is still needed. Do not repeat finished steps; do not reuse their ids.',
  ].join('\n');
}

/** Asks again for a plan whose stream broke off, saying what is already done. */
export function renderResumeRequest(options: {
  query: string;
  partialPlan: string;
  finished: Record<string, unknown>;
}): string {
  return [
    options.query,
    '',
    `${RESUME_REQUEST_MARKER}: ${options.partialPlan}`,
    `These steps already finished; use their results by reference ($id) without calling again: ${JSON.stringify(options.finished)}`,
    'Write the whole plan for what is still needed. Do not repeat finished steps; do not reuse their ids.',
  ].join('\n');
}
