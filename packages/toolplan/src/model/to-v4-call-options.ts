import type { LanguageModelV3CallOptions } from '@ai-sdk/provider';
import type { LanguageModelV4CallOptions } from '@ai-sdk/provider-v4';
import { toV4Prompt } from './to-v4-prompt.js';

/**
 * V3 call options in V4's terms. V4 takes every V3 option as it is but the prompt, whose files
 * are held differently (`toV4Prompt`). V4's one new option, `reasoning` (how much the model
 * reasons), is not set: a V3 caller cannot ask for it, and left unset it is the provider's
 * default, as it was for V3 models.
 */
export function toV4CallOptions(
  options: LanguageModelV3CallOptions,
  context: { provider: string },
): LanguageModelV4CallOptions {
  const { prompt, ...rest } = options;
  return { ...rest, prompt: toV4Prompt(prompt, context) };
}
