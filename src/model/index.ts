export {
  createOpenAICompatibleModel,
  type OpenAICompatibleModelOptions,
} from './create-openai-compatible-model.js';
export { meterModel, type MeteredModel, type ModelCallRecord } from './meter-model.js';
export { toAiSdkTools } from './to-ai-sdk-tools.js';
export { addUsage, emptyUsage, sumUsage, type UsageTotals } from './usage-totals.js';
