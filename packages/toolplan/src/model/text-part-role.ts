import type { SharedV3ProviderMetadata } from '@ai-sdk/provider';

/**
 * What a text part of a reply is: the reply itself, or text around it that is not the answer —
 * OpenAI's Responses API sends a `commentary` message before the final one (`phase`), Anthropic
 * sends a context-compaction summary as text (`type: 'compaction'`).
 */
export type TextPartRole = 'reply' | 'commentary' | 'summary';

/** Reads a text part's role from the metadata its `text-start` carried. */
export function textPartRole(metadata: SharedV3ProviderMetadata | undefined): TextPartRole {
  if (metadata === undefined) return 'reply';
  for (const entry of Object.values(metadata)) {
    if (entry['phase'] === 'commentary') return 'commentary';
    if (entry['type'] === 'compaction') return 'summary';
  }
  return 'reply';
}
