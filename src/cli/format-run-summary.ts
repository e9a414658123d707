import type { RunResult } from '../runtime/index.js';

const MARK = { ok: '✓', error: '✗', skipped: '–' } as const;

/** A readable account of a run: one line per step with its timing, then the answer. */
export function formatRunSummary(result: RunResult): string {
  const idWidth = Math.max(2, ...result.steps.map((step) => step.id.length));
  const toolWidth = Math.max(4, ...result.steps.map((step) => step.tool.length));
  const lines = result.steps.map((step) => {
    const timing = step.status === 'skipped' ? '' : `${ms(step.startMs)} → ${ms(step.endMs)}`;
    const shared = step.sharedWith === undefined ? '' : ` (shared with ${step.sharedWith})`;
    const line = `${MARK[step.status]} ${step.id.padEnd(idWidth)}  ${step.tool.padEnd(toolWidth)}  ${timing.padEnd(21)}${shared}`;
    return step.error === undefined
      ? line.trimEnd()
      : `${line.trimEnd()}\n    ${step.error.message}`;
  });
  const counts = { ok: 0, error: 0, skipped: 0 };
  for (const step of result.steps) counts[step.status] += 1;
  lines.push('');
  lines.push(
    `${result.steps.length} steps: ${counts.ok} ok, ${counts.error} failed, ${counts.skipped} skipped in ${ms(result.wallMs)}`,
  );
  if (result.answer !== undefined) lines.push(`answer: ${result.answer}`);
  else if (result.answerError !== undefined)
    lines.push(`answer: not available (${result.answerError.message})`);
  return lines.join('\n');
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}
