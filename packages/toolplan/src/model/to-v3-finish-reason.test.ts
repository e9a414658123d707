import type { LanguageModelV4FinishReason } from '@ai-sdk/provider-v4';
import { describe, expect, it } from 'vitest';
import { toV3FinishReason } from './to-v3-finish-reason.js';

describe('toV3FinishReason', () => {
  it('keeps the reasons V3 has, and what the provider sent', () => {
    const reasons = ['stop', 'length', 'content-filter', 'tool-calls', 'error', 'other'] as const;
    for (const unified of reasons)
      expect(toV3FinishReason({ unified, raw: `raw-${unified}` })).toEqual({
        unified,
        raw: `raw-${unified}`,
      });
  });

  it('reads an interrupted stream as V3 providers report it: other, the raw reason kept', () => {
    const interrupted: LanguageModelV4FinishReason = { unified: 'interrupted', raw: undefined };
    expect(toV3FinishReason(interrupted)).toEqual({ unified: 'other', raw: undefined });
    expect(toV3FinishReason({ unified: 'interrupted', raw: 'eof' })).toEqual({
      unified: 'other',
      raw: 'eof',
    });
  });
});
