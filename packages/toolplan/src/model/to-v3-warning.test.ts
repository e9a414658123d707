import type { SharedV4Warning } from '@ai-sdk/provider-v4';
import { describe, expect, it } from 'vitest';
import { toV3Warning } from './to-v3-warning.js';

describe('toV3Warning', () => {
  it('keeps the kinds V3 has', () => {
    const warnings: SharedV4Warning[] = [
      { type: 'unsupported', feature: 'topK', details: 'not on this server' },
      { type: 'compatibility', feature: 'responseFormat' },
      { type: 'other', message: 'something else' },
    ];
    expect(warnings.map(toV3Warning)).toEqual(warnings);
  });

  it('makes a deprecation an other warning naming the setting', () => {
    expect(
      toV3Warning({ type: 'deprecated', setting: 'maxTokens', message: 'Use maxOutputTokens.' }),
    ).toEqual({ type: 'other', message: 'maxTokens: Use maxOutputTokens.' });
  });
});
