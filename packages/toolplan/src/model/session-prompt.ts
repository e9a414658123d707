/**
 * A session's planning request for a follow-up question: the delta since the last turn (the
 * seed's `CompressedContext`) and the question — never the history. It goes in the user message,
 * after the stable system prompt, so the cached prefix is untouched.
 */
export function renderSessionRequest(options: {
  query: string;
  /** What the conversation was about so far. */
  task: string | undefined;
  /** The last turn's results as the model may see them, by id. */
  last: Record<string, unknown>;
  /** Every tool called so far in the session. */
  completed: readonly string[];
}): string {
  const lines: string[] = [];
  if (options.task !== undefined) lines.push(`Earlier in this conversation: ${options.task}`);
  if (options.completed.length > 0)
    lines.push(`Tools already called: ${options.completed.join(', ')}`);
  if (Object.keys(options.last).length > 0)
    lines.push(
      `Latest results (kept in full: pass one on by reference, "$id" or "$id.path", instead of calling again; do not reuse these ids): ${JSON.stringify(options.last)}`,
    );
  lines.push(`Question: ${options.query}`);
  return lines.join('\n');
}
