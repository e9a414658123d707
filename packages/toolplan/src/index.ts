// toolplan's public entry: what a user builds with. Its names are a contract, like the CLI's.
// Advanced layers have entries of their own (`toolplan/plan`, `toolplan/runtime`,
// `toolplan/trace`); nothing here loads a native module or a tokenizer before it is used.

// The agent: planning, execution, answers, learning.
export { createAgent } from './agent/create-agent.js';
export { runPlanned } from './agent/run-planned.js';
export { createSession } from './agent/create-session.js';
export { createPlanCache } from './agent/create-plan-cache.js';
export { createTracePredictor } from './agent/create-trace-predictor.js';
// Learned state shared by a fleet of processes (ioredis, an optional peer, loaded on first use).
export { redisStore } from './agent/redis-store.js';

// Plans and tools, without a model.
export { executePlan } from './runtime/execute-plan.js';
export { validatePlan } from './plan/validate-plan.js';
export { parsePlan } from './plan/parse-plan.js';
export { defineTool } from './tools/define-tool.js';
export { defaultPolicy, isFromQuery, isTrustedArgument } from './tools/tool-policy.js';
export { createRulePredictor } from './runtime/create-rule-predictor.js';
export { createLruResultCache } from './runtime/create-lru-result-cache.js';

// Models and context.
export { createOpenAICompatibleModel } from './model/create-openai-compatible-model.js';
export { compactHistory } from './context/compact-history.js';
export { compressResult } from './context/compress-result.js';

// Compiled chains and the trace log.
export { defineChain } from './trace/define-chain.js';
export { loadChainFiles } from './trace/load-chain-files.js';
export { chainStandingFromTraces } from './agent/chain-standing-from-traces.js';
export { createTraceStore } from './trace/create-trace-store.js';
export { createMemoryTraceStore } from './trace/create-memory-trace-store.js';
export { exportRunAsSpans } from './trace/export-run-as-spans.js';

// MCP: servers as tool sources, and toolplan as a server (the MCP SDK, an optional peer, is
// loaded on first use). Their errors and the rest are in `toolplan/mcp`.
export { mcpTools } from './mcp/mcp-tools.js';
export { mcpToolSets } from './mcp/mcp-tool-sets.js';
export { createMcpServer } from './mcp/create-mcp-server.js';
export { startMcpHttpServer } from './mcp/start-mcp-http-server.js';

// Errors: one class per kind, each with its own `isInstance`.
export { toErrorData, ToolplanError } from './plan/toolplan-error.js';
export { PlanParseError, PlanReferenceError, PlanValidationError } from './plan/plan-errors.js';
export {
  BatchResultCountError,
  DependencyFailedError,
  ForEachError,
  RepeatedSideEffectError,
  RunAbortedError,
  StepTimeoutError,
  ToolExecutionError,
  ToolInputError,
  ToolOutputError,
} from './runtime/step-errors.js';
export { PolicyDeniedError } from './runtime/policy-denied-error.js';
export { StreamingExecutionError } from './runtime/streaming-execution-error.js';
export { ToolDefinitionError } from './tools/tool-definition-error.js';
export { ModelCallError } from './model/model-call-error.js';
export { ModelTimeoutError } from './model/model-timeout-error.js';
export { PromptBudgetError } from './context/prompt-budget-error.js';
export { PlanningError } from './agent/planning-error.js';
export { ResultSerializationError } from './agent/result-serialization-error.js';
export { ToolsRequestedError } from './agent/tools-requested-error.js';
export { AgentOptionsError } from './agent/agent-options-error.js';
export { RedisStoreError } from './agent/redis-store-error.js';
export { TraceStoreError } from './trace/trace-store-error.js';
export {
  ChainDefinitionError,
  ChainFileError,
  ChainNotReviewedError,
  ChainOptionsError,
  ChainParamsError,
  ChainStaleError,
} from './trace/chain-errors.js';

// Every option, result and data type of the layers above.
export type * from './plan/index.js';
export type * from './tools/index.js';
export type * from './runtime/index.js';
export type * from './model/index.js';
export type * from './context/index.js';
export type * from './agent/index.js';
export type * from './trace/index.js';
export type * from './mcp/index.js';
