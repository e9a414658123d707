import { describe, expect, it } from 'vitest';
import { toProviderToolName } from './provider-tool-name.js';

describe('toProviderToolName', () => {
  it('keeps names providers accept', () => {
    expect(toProviderToolName('get_weather')).toBe('get_weather');
    expect(toProviderToolName('a-b_C9')).toBe('a-b_C9');
  });

  it('replaces dots and colons with underscores', () => {
    expect(toProviderToolName('spotify.play')).toBe('spotify_play');
    expect(toProviderToolName('mcp:github.create_issue')).toBe('mcp_github_create_issue');
  });

  it('cuts names to 64 characters', () => {
    expect(toProviderToolName('a'.repeat(70))).toBe('a'.repeat(64));
    expect(toProviderToolName(`${'a'.repeat(63)}.b`)).toBe(`${'a'.repeat(63)}_`);
  });

  it('never returns an empty name', () => {
    expect(toProviderToolName('')).toBe('tool');
  });
});
