import { describe, expect, it } from 'vitest';
import { modelProfiles, modelProfileSchema, resolveModelProfile } from './profiles/index.js';

describe('built-in profiles', () => {
  it('include a GPT-4o-like, a GPT-4.1-mini-like and a Claude-Sonnet-like model', () => {
    expect(Object.keys(modelProfiles)).toEqual(['gpt-4o', 'gpt-4.1-mini', 'claude-sonnet']);
  });

  it.each(Object.values(modelProfiles))('$name is a valid profile with its sources', (profile) => {
    expect(modelProfileSchema.parse(profile)).toEqual(profile);
    expect(profile.sources.length).toBeGreaterThan(0);
    expect(profile.cachedPrefillTokensPerSecond).toBeGreaterThan(profile.prefillTokensPerSecond);
    expect(profile.pricePerMillionTokens.cachedInput).toBeLessThan(
      profile.pricePerMillionTokens.input,
    );
    expect(resolveModelProfile(profile.name)).toBe(profile);
  });

  it('does not resolve inherited property names as profiles', () => {
    expect(() => resolveModelProfile('constructor')).toThrow(/Expected `profile`/);
  });
});
