import type { LanguageModelV3GenerateResult } from '@ai-sdk/provider';
import type { LanguageModelV4GenerateResult } from '@ai-sdk/provider-v4';
import { toV3Content } from './to-v3-content.js';
import { toV3FinishReason } from './to-v3-finish-reason.js';
import { toV3ProviderMetadata } from './to-v3-provider-metadata.js';
import { toV3Usage } from './to-v3-usage.js';
import { toV3Warning } from './to-v3-warning.js';

/**
 * A V4 `doGenerate` result in V3's terms: its content part by part (`toV3Content`: parts V3 has no
 * counterpart for are left out), finish reason, usage and warnings mapped; request and response
 * as they are (V4's `request.url` is one more field, which V3 readers do not look at).
 *
 * V4's `structuredOutputText` (the text to parse as structured output when it differs from the
 * text parts joined) has no V3 counterpart and is left out: V3 readers parse the text parts
 * joined, as they do with any V3 model. toolplan itself only streams.
 */
export function toV3GenerateResult(
  result: LanguageModelV4GenerateResult,
): LanguageModelV3GenerateResult {
  const { request, response } = result;
  const providerMetadata = toV3ProviderMetadata(result.providerMetadata);
  return {
    content: result.content.flatMap((part) => {
      const mapped = toV3Content(part);
      return mapped === undefined ? [] : [mapped];
    }),
    finishReason: toV3FinishReason(result.finishReason),
    usage: toV3Usage(result.usage),
    warnings: result.warnings.map(toV3Warning),
    ...(providerMetadata === undefined ? {} : { providerMetadata }),
    ...(request === undefined ? {} : { request }),
    ...(response === undefined ? {} : { response }),
  };
}
