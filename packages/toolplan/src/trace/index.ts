export { createMemoryTraceStore } from './create-memory-trace-store.js';
export { createTraceStore } from './create-trace-store.js';
export {
  createPostgresTraceStore,
  type PostgresTraceStoreOptions,
} from './create-postgres-trace-store.js';
export {
  isPostgresUrl,
  redactTraceTarget,
  traceStoreTarget,
  type TraceStoreTarget,
} from './trace-store-target.js';
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
export type {
  TraceRun,
  TraceRunStatus,
  TraceStepStatus,
  TraceToolCall,
  TraceSpeculation,
  TraceUsage,
} from './trace-record.js';
export type { ListRunsOptions, TraceStore } from './trace-store.js';
export { TraceStoreError } from './trace-store-error.js';
export {
  DEFAULT_TRACE_DB_PATH,
  type TraceQueueOptions,
  type TraceStoreOptions,
} from './trace-store-options.js';
export { bindChainParams } from './bind-chain-params.js';
export {
  CHAIN_NAME_PATTERN,
  CHAIN_PARAM_TYPES,
  chainDefinitionSchema,
  type ChainDefinition,
  type ChainMatchRules,
  type ChainOrigin,
  type ChainParam,
  type ChainParamType,
} from './chain-definition.js';
export {
  ChainDefinitionError,
  ChainFileError,
  ChainNotReviewedError,
  ChainOptionsError,
  ChainParamsError,
  ChainStaleError,
} from './chain-errors.js';
export { CHAIN_FILE_SUFFIX, chainFileName } from './chain-file-name.js';
export { CHAIN_PARAMS_ID } from './chain-params-id.js';
export { compileChain, type CompiledChain } from './compile-chain.js';
export { createChainMatcher, type ChainMatcher } from './create-chain-matcher.js';
export {
  defineChain,
  type Chain,
  type CustomChainMatch,
  type CustomChainMatcher,
  type DefineChainOptions,
} from './define-chain.js';
export { generalizePlan, type GeneralizedPlan } from './generalize-plan.js';
export { loadChainFiles, parseChainFile } from './load-chain-files.js';
export {
  DEFAULT_MIN_CONFIDENCE,
  matchChain,
  type ChainMatch,
  type MatchChainOptions,
  type RefusedChainMatch,
} from './match-chain.js';
export { learnSlotProfile } from './learn-slot-profile.js';
export { SLOT_KINDS, type SlotKind, type SlotProfile } from './slot-profile.js';
export { mineChains, type MineChainsOptions, type MinedChains } from './mine-chains.js';
export { trimQuery } from './trim-query.js';
export { writeChainFile } from './write-chain-file.js';
