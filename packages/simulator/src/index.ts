export { answerJoin, findResultsInPrompt } from './answer-join.js';
export type { CompletionReply, OpenAIUsage } from './build-completion.js';
export type { ChatMessage, ChatRequest } from './chat-request.js';
export {
  checkGeminiSchema,
  describeGeminiSchemaProblem,
  type GeminiSchemaProblem,
} from './check-gemini-schema.js';
export {
  findRequestRuleProblems,
  type ModelApi,
  type RequestRuleProblem,
} from './check-request-rules.js';
export {
  checkStrictJsonSchema,
  describeStrictSchemaProblem,
  type StrictSchemaProblem,
  type StrictSchemaRule,
} from './check-strict-json-schema.js';
export { classifyRequest, type RequestMode } from './classify-request.js';
export {
  compileScriptBook,
  type CompiledPlan,
  type CompiledScenario,
  type CompiledScriptBook,
} from './compile-script-book.js';
export { computeRequestCost, type TokenUsage } from './compute-request-cost.js';
export { createSimulatedProvider, type SimulatedProvider } from './create-simulated-provider.js';
export { encodePrompt } from './encode-prompt.js';
export type { FaultRule } from './fault-schedule.js';
export { INJECTION_CLOSE, INJECTION_OPEN, readInjectionBlocks } from './read-injection-blocks.js';
export { injectionLimits } from './injection-limits.js';
export { readInjectedCalls, type InjectedCall } from './read-injected-calls.js';
export {
  BEHAVIOUR_HEADER,
  MODEL_BEHAVIOURS,
  parseBehaviourHeader,
  type ModelBehaviour,
} from './model-behaviour.js';
export { fitLogNormal, outputTokenDueMs, planLatency, type LatencyPlan } from './latency-model.js';
export { TOOL_CALL_OVERHEAD_TOKENS } from './output-tokens.js';
export {
  CACHE_INCREMENT_TOKENS,
  cachedTokensFor,
  MIN_CACHED_PREFIX_TOKENS,
  PromptCache,
} from './prompt-cache.js';
export {
  claudeSonnetProfile,
  gpt41MiniProfile,
  gpt4oProfile,
  modelProfiles,
  modelProfileSchema,
  resolveModelProfile,
  type ModelProfile,
} from './profiles/index.js';
export { PLAN_REQUEST_MARKER, PLAN_SCHEMA_NAME } from './request-markers.js';
export type { ScriptBook, ScriptedCall, ScriptedLoop, ScriptedScenario } from './script-book.js';
export {
  createSeededRandom,
  deriveSeed,
  drawStandardNormal,
  type Random,
} from './seeded-random.js';
export { FAULT_HEADER, parseFaultHeader, type SimulatedFault } from './simulated-fault.js';
export type {
  ResolvedSimulatorOptions,
  SimulatedProviderOptions,
  SimulatorLogger,
} from './simulated-provider-options.js';
export { systemClock, type SimulatorClock } from './simulator-clock.js';
export { ScriptBookError, SimulatedApiError, SimulatorOptionsError } from './simulator-errors.js';
export { SimulatorWorkerError } from './simulator-worker-error.js';
export type { SimulatedProviderWorkerOptions } from './simulated-provider-worker.js';
export {
  startSimulatedProviderWorker,
  type SimulatedProviderWorker,
} from './start-simulated-provider-worker.js';
export type { SimulatedRequestRecord, SimulatorStats } from './simulator-stats.js';
export { findScenario } from './find-scenario.js';
