import type { RunResult, StepRecord } from '../runtime/index.js';

const MARK = { ok: '✓', error: '✗', skipped: '–' } as const;

/**
 * A readable account of a run: one line per step with its timing (and, for a `forEach` step, how
 * many items it ran), then the answer.
 */
export function formatRunSummary(result: RunResult): string {
  const idWidth = Math.max(2, ...result.steps.map((step) => step.id.length));
  const labels = result.steps.map((step) => {
    const items = forEachItems(result, step);
    return items === undefined
      ? step.tool
      : `${step.tool} × ${items} item${items === 1 ? '' : 's'}`;
  });
  const labelWidth = Math.max(4, ...labels.map((label) => label.length));
  const lines = result.steps.map((step, index) => {
    const timing = step.status === 'skipped' ? '' : `${ms(step.startMs)} → ${ms(step.endMs)}`;
    const shared = step.sharedWith === undefined ? '' : ` (shared with ${step.sharedWith})`;
    const label = (labels[index] ?? step.tool).padEnd(labelWidth);
    const line = `${MARK[step.status]} ${step.id.padEnd(idWidth)}  ${label}  ${timing.padEnd(21)}${shared}`;
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

/**
 * How many items a `forEach` step ran: its result has one per item; a literal list says so
 * before it runs. A reference that never resolved (the step failed or was skipped) says nothing.
 */
function forEachItems(result: RunResult, step: StepRecord): number | undefined {
  const forEach = result.plan.steps.find((each) => each.id === step.id)?.forEach;
  if (forEach === undefined) return undefined;
  if (step.status === 'ok' && Array.isArray(step.value)) return step.value.length;
  return Array.isArray(forEach) ? forEach.length : undefined;
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}
