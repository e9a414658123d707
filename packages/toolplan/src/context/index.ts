export { compactHistory, type CompactHistoryOptions } from './compact-history.js';
export {
  resolveCompressOptions,
  type CompressOptions,
  type ResolvedCompressOptions,
} from './compress-options.js';
export {
  compressResult,
  type CompressedResult,
  type CompressResultOptions,
} from './compress-result.js';
export { compressResults, type CompressResultsOptions } from './compress-results.js';
export {
  compressValue,
  countValueTokens,
  cutCharactersMarker,
  moreItemsMarker,
  tooDeepMarker,
  type CompressedValue,
  type ResultCut,
} from './compress-value.js';
export { fixedText, type CompressibleText } from './compressible-text.js';
export { countPromptTokens, MESSAGE_OVERHEAD_TOKENS } from './count-prompt-tokens.js';
export {
  fitPrompt,
  replacedMarker,
  type FitPromptOptions,
  type FittedPrompt,
} from './fit-prompt.js';
export { projectResult } from './project-result.js';
export { PromptBudgetError } from './prompt-budget-error.js';
export type { PromptPurpose, PromptReport } from './prompt-report.js';
export type { CompressedContext } from './compressed-context.js';
export { summarizeTurns, type SummarizeTurnsOptions } from './summarize-turns.js';
export { compressToolResults } from './compress-tool-results.js';
