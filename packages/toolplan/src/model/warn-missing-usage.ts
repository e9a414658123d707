import type { LanguageModelV3, LanguageModelV3Usage } from '@ai-sdk/provider';

/** The warning's code, for `process.on('warning')` filters and `--disable-warning`. */
export const MISSING_USAGE_WARNING_CODE = 'TOOLPLAN_NO_USAGE';

const warned = new Set<string>();

/**
 * Warns once per provider when a call produced text but reported no tokens: every usage and cost
 * toolplan reports for that provider would then read zero. `@ai-sdk/openai-compatible` does this
 * unless its provider is created with `includeUsage: true` (it then asks the server for usage in
 * the stream).
 */
export function warnMissingUsage(options: {
  model: Pick<LanguageModelV3, 'provider' | 'modelId'>;
  text: string;
  usage: LanguageModelV3Usage | undefined;
}): void {
  const { model, text, usage } = options;
  if (text.length === 0) return;
  const reported = (usage?.inputTokens.total ?? 0) + (usage?.outputTokens.total ?? 0);
  if (reported > 0 || warned.has(model.provider)) return;
  warned.add(model.provider);
  process.emitWarning(
    `The model provider \`${model.provider}\` (model \`${model.modelId}\`) reported no token usage for a call that produced text, so toolplan's usage and cost figures for it read 0. With @ai-sdk/openai-compatible, create the provider with \`includeUsage: true\` (toolplan's createOpenAICompatibleModel does).`,
    { code: MISSING_USAGE_WARNING_CODE },
  );
}
