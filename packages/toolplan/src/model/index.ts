export {
  createOpenAICompatibleModel,
  type OpenAICompatibleModelOptions,
} from './create-openai-compatible-model.js';
export type { SupportedLanguageModel } from './supported-language-model.js';
export { meterModel, type MeteredModel, type ModelCallRecord } from './meter-model.js';
export { toAiSdkTools } from './to-ai-sdk-tools.js';
export { addUsage, emptyUsage, sumUsage, type UsageTotals } from './usage-totals.js';
export { ModelCallError, type ModelCallAttempt } from './model-call-error.js';
export { ModelTimeoutError, type ModelTimeoutPhase } from './model-timeout-error.js';
export type { PartialRun } from './partial-run.js';
export {
  describeModelError,
  type ModelErrorDescription,
  type ModelErrorKind,
} from './describe-model-error.js';
export {
  callModelText,
  type CallModelTextOptions,
  type ModelRetryEvent,
} from './call-model-text.js';
export {
  defaultModelCallPolicy,
  modelCallDefaults,
  retryDelayMs,
  type ModelCallPolicy,
  type RetryBudget,
} from './model-call-policy.js';
export { systemModelClock, type ModelClock } from './model-clock.js';
export { textPartRole, type TextPartRole } from './text-part-role.js';
export {
  streamModelText,
  type ModelTextPart,
  type ModelTextResult,
  type StreamModelTextOptions,
} from './stream-model-text.js';
export {
  MORE_TOOLS_HEADING,
  NEED_TOOLS_TOOL,
  PLANNER_PROMPT_TAG,
  renderMoreToolsRequest,
  renderPlannerPrompt,
  renderSelectedPlannerPrompt,
  TOOLS_HEADING,
} from './planner-prompt.js';
export { CACHE_STABLE_PREFIX, stableSystemMessage } from './stable-system-message.js';
export {
  renderJoinRequest,
  renderReplanRequest,
  renderResumeRequest,
  REPLAN_REQUEST_MARKER,
  RESUME_REQUEST_MARKER,
} from './joiner-prompt.js';
export { renderSessionRequest } from './session-prompt.js';
export { MISSING_USAGE_WARNING_CODE, warnMissingUsage } from './warn-missing-usage.js';
