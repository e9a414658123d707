import { Command } from 'commander';
import {
  createTraceStore,
  DEFAULT_TRACE_DB_PATH,
  formatToolSequence,
  redactTraceTarget,
  traceStoreTarget,
  type TraceRun,
  type TraceSummary,
} from '../trace/index.js';
import type { CommandIo } from './exec-command.js';
import { positiveInteger } from './option-parsers.js';
import { traceLogMayExist } from './trace-log-may-exist.js';

/** `toolplan traces`: the recent runs in the trace log, and what they add up to. */
export function tracesCommand(io: CommandIo): Command {
  return new Command('traces')
    .description('List the recent runs in the trace log and summarise it')
    .option(
      '--traces <file-or-url>',
      'the trace log: a SQLite file, or a postgres:// URL',
      DEFAULT_TRACE_DB_PATH,
    )
    .option('--db <file-or-url>', 'the same as --traces (its older name)')
    .option('--limit <n>', 'most recent runs listed', positiveInteger, 20)
    .option('--json', 'print exactly one JSON object on stdout: { runs, summary }')
    .action(async (options: { traces: string; db?: string; limit: number; json?: boolean }) => {
      const traces = options.db ?? options.traces;
      // Listing must not create a trace file where there was none (a typo in --db, say).
      if (!traceLogMayExist(traces)) {
        if (options.json === true) {
          io.stdout(JSON.stringify({ runs: [], summary: emptySummary() }));
        } else {
          io.stdout(`No traces recorded yet at ${traces}.`);
        }
        return;
      }
      let runs: TraceRun[];
      let summary: TraceSummary;
      const store = createTraceStore(traceStoreTarget(traces));
      try {
        runs = await store.listRuns({ limit: options.limit });
        summary = await store.summary();
      } finally {
        await store.close();
      }
      io.stdout(
        options.json === true
          ? JSON.stringify({ runs, summary })
          : formatTraces(redactTraceTarget(traces), runs, summary),
      );
    });
}

function emptySummary(): TraceSummary {
  return { runs: 0, strategies: [], tools: [], sequences: [] };
}

function formatTraces(path: string, runs: readonly TraceRun[], summary: TraceSummary): string {
  const lines = [`${summary.runs} run${summary.runs === 1 ? '' : 's'} in ${path}`, ''];
  lines.push(`Recent runs (${runs.length}):`);
  for (const run of runs) {
    const llm = run.usage === undefined ? '' : ` ${run.usage.llmCalls} LLM`;
    const tools =
      run.steps.length === 0 ? 'no tools' : formatToolSequence(run.steps.map((s) => s.tool));
    lines.push(
      `  ${run.startedAt}  ${run.strategy}  ${run.status}  ${Math.round(run.wallMs)} ms${llm}  ${tools}`,
      `      ${truncate(run.query, 100)}`,
    );
  }
  if (summary.strategies.length > 0) {
    lines.push('', 'Strategies:');
    for (const { strategy, runs: count, errors } of summary.strategies)
      lines.push(`  ${strategy}: ${count} run${count === 1 ? '' : 's'}, ${errors} failed`);
  }
  if (summary.tools.length > 0) {
    lines.push('', 'Tools:');
    for (const tool of summary.tools) {
      lines.push(
        `  ${tool.tool}: ${tool.calls} call${tool.calls === 1 ? '' : 's'}, ${tool.errors} failed, p50 ${round(tool.p50Ms)} ms, p95 ${round(tool.p95Ms)} ms`,
      );
    }
  }
  if (summary.sequences.length > 0) {
    lines.push('', 'Most frequent tool sequences:');
    for (const { sequence, runs: count } of summary.sequences)
      lines.push(`  ${count}× ${sequence}`);
  }
  return lines.join('\n');
}

function round(ms: number): string {
  return ms >= 10 ? String(Math.round(ms)) : ms.toFixed(1);
}

function truncate(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
