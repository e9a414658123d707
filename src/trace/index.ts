export { createMemoryTraceStore } from './create-memory-trace-store.js';
export { createTraceStore, openTraceDatabase } from './create-trace-store.js';
export { exportRunAsSpans, type ExportRunAsSpansOptions } from './export-run-as-spans.js';
export { summarizeResult, type SummarizeResultOptions } from './summarize-result.js';
export {
  formatToolSequence,
  summarizeTraces,
  type SummaryRun,
  type TraceSummary,
} from './summarize-traces.js';
export {
  canonicalJson,
  toTraceRun,
  toTraceToolCall,
  type ToTraceRunInput,
  type TraceablePlan,
  type TraceableStep,
} from './to-trace-run.js';
export { migrateTraceDatabase, TRACE_MIGRATIONS, type TraceMigration } from './trace-migrations.js';
export type {
  TraceRun,
  TraceRunStatus,
  TraceStepStatus,
  TraceToolCall,
  TraceUsage,
} from './trace-record.js';
export type { ListRunsOptions, TraceStore } from './trace-store.js';
export { TraceStoreError } from './trace-store-error.js';
export {
  DEFAULT_TRACE_DB_PATH,
  type TraceQueueOptions,
  type TraceStoreOptions,
} from './trace-store-options.js';
