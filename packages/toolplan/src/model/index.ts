export {
  createOpenAICompatibleModel,
  type OpenAICompatibleModelOptions,
} from './create-openai-compatible-model.js';
export type { SupportedLanguageModel } from './supported-language-model.js';
export { meterModel, type MeteredModel, type ModelCallRecord } from './meter-model.js';
export { toAiSdkTools } from './to-ai-sdk-tools.js';
export { addUsage, emptyUsage, sumUsage, type UsageTotals } from './usage-totals.js';
export { ModelCallError } from './model-call-error.js';
export {
  streamModelText,
  type ModelTextResult,
  type StreamModelTextOptions,
} from './stream-model-text.js';
export { renderPlannerPrompt, PLANNER_PROMPT_TAG } from './planner-prompt.js';
export { CACHE_STABLE_PREFIX, stableSystemMessage } from './stable-system-message.js';
export { renderSessionRequest } from './session-prompt.js';
export { MISSING_USAGE_WARNING_CODE, warnMissingUsage } from './warn-missing-usage.js';
