import type { LanguageModel } from 'ai';

/**
 * A model toolplan takes: an AI SDK provider's language model of specification `v3` (ai@6,
 * `LanguageModelV3`) or `v4` (ai@7, `LanguageModelV4`). Taken from the installed `ai`'s own
 * `LanguageModel` rather than named here, so that it type-checks on either line: `@ai-sdk/provider`
 * 3 has no `LanguageModelV4` to name, and on ai@7 this is `LanguageModelV4 | LanguageModelV3`.
 * Model ids given as strings (the AI SDK's global provider) and `v2` models are left out.
 */
export type SupportedLanguageModel = Extract<
  LanguageModel,
  { readonly specificationVersion: 'v3' | 'v4' }
>;
