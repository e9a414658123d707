import type { LanguageModelV3StreamPart } from '@ai-sdk/provider';

/**
 * Whether a stream part shows the model producing: the first one is the call's first token (the
 * meter's `firstTokenMs`; the end of the first-token time-out).
 */
export function isContentPart(part: LanguageModelV3StreamPart): boolean {
  return (
    part.type === 'text-delta' ||
    part.type === 'reasoning-delta' ||
    part.type === 'tool-input-start' ||
    part.type === 'tool-input-delta' ||
    part.type === 'tool-call'
  );
}
