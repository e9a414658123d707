import type { LanguageModelV3FinishReason } from '@ai-sdk/provider';
import type { LanguageModelV4FinishReason } from '@ai-sdk/provider-v4';

/**
 * A V4 finish reason in V3's terms. V4 adds one unified reason, `interrupted` (the stream ended
 * without the provider's completion signal, so the output may be incomplete); V3 providers report
 * that same ending as `other` (`@ai-sdk/openai-compatible` 2 does), so it becomes `other`. `raw`,
 * what the provider itself sent, is kept.
 */
export function toV3FinishReason(reason: LanguageModelV4FinishReason): LanguageModelV3FinishReason {
  return {
    unified: reason.unified === 'interrupted' ? 'other' : reason.unified,
    raw: reason.raw,
  };
}
