import { describe, expect, it } from 'vitest';
import { SERVER_NAME, toServerName } from './to-server-name.js';

describe('toServerName', () => {
  it('takes the last segment of a path-like name', () => {
    expect(toServerName('mcp-servers/everything')).toBe('everything');
    expect(toServerName('@acme/server-files')).toBe('server-files');
    expect(toServerName('weather')).toBe('weather');
    expect(toServerName('a/b/')).toBe('b');
  });

  it('makes what a prefix cannot hold `_`, and falls back to `mcp`', () => {
    expect(toServerName('My Server (v2)')).toBe('My_Server_v2');
    expect(toServerName('sprachführer')).toBe('sprachf_hrer');
    expect(toServerName('')).toBe('mcp');
    expect(toServerName(undefined)).toBe('mcp');
    expect(toServerName('///')).toBe('mcp');
    expect(toServerName('ÄÖÜ')).toBe('mcp');
  });

  it('always gives a valid server name', () => {
    for (const given of ['x'.repeat(300), ' a b ', 'a.b:c', '-_-', '/x y/']) {
      expect(toServerName(given)).toMatch(SERVER_NAME);
    }
  });
});
