import { describe, expect, it } from 'vitest';
import { checkHttpRequest, LOOPBACK_HOSTNAMES, normalizeOrigin } from './check-http-request.js';

const allowed = {
  url: '/mcp',
  path: '/mcp',
  allowedHostnames: LOOPBACK_HOSTNAMES,
  allowedOrigins: new Set(['http://localhost:3000']),
  token: 'sesame',
};
const headers = { host: '127.0.0.1:4000', authorization: 'Bearer sesame' };

describe('checkHttpRequest', () => {
  it('lets a non-browser request with the token through', () => {
    expect(checkHttpRequest({ ...allowed, headers })).toBeUndefined();
    expect(checkHttpRequest({ ...allowed, url: '/mcp?x=1', headers })).toBeUndefined();
  });

  it('answers 404 off the endpoint', () => {
    expect(checkHttpRequest({ ...allowed, url: '/', headers })?.status).toBe(404);
    expect(checkHttpRequest({ ...allowed, url: '/mcp/x', headers })?.status).toBe(404);
  });

  it('refuses a loopback server reached by another name (DNS rebinding) with 403', () => {
    for (const host of ['evil.example:4000', '', '10.0.0.1:4000'])
      expect(checkHttpRequest({ ...allowed, headers: { ...headers, host } })?.status).toBe(403);
    for (const host of ['localhost:4000', '[::1]:4000', '127.0.0.1'])
      expect(checkHttpRequest({ ...allowed, headers: { ...headers, host } })).toBeUndefined();
    // A server bound beyond loopback checks no name.
    expect(
      checkHttpRequest({
        ...allowed,
        allowedHostnames: undefined,
        headers: { ...headers, host: 'box.lan:4000' },
      }),
    ).toBeUndefined();
  });

  it('refuses a browser page of an origin not allowed with 403, and lets an allowed one in', () => {
    const from = (origin: string) =>
      checkHttpRequest({ ...allowed, headers: { ...headers, origin } })?.status;
    expect(from('http://evil.example')).toBe(403);
    expect(from('http://localhost:3001')).toBe(403);
    expect(from('null')).toBe(403);
    expect(from('http://localhost:3000')).toBeUndefined();
  });

  it('refuses a missing or wrong bearer token with 401 and a challenge', () => {
    for (const authorization of [
      undefined,
      'Bearer sesam',
      'Bearer sesame2',
      'Basic sesame',
      'sesame',
    ]) {
      const refused = checkHttpRequest({ ...allowed, headers: { ...headers, authorization } });
      expect(refused).toMatchObject({
        status: 401,
        headers: { 'WWW-Authenticate': 'Bearer realm="toolplan"' },
      });
    }
    expect(
      checkHttpRequest({ ...allowed, headers: { ...headers, authorization: 'bearer sesame' } }),
    ).toBeUndefined();
    expect(
      checkHttpRequest({ ...allowed, token: undefined, headers: { host: headers.host } }),
    ).toBeUndefined();
  });

  it('checks the origin before the token: a page without the token learns nothing more', () => {
    expect(
      checkHttpRequest({
        ...allowed,
        headers: { host: headers.host, origin: 'http://evil.example' },
      })?.status,
    ).toBe(403);
  });
});

describe('normalizeOrigin', () => {
  it('writes an origin as browsers send it', () => {
    expect(normalizeOrigin('http://localhost:3000/')).toBe('http://localhost:3000');
    expect(normalizeOrigin('HTTPS://App.Example:443')).toBe('https://app.example');
  });

  it('refuses what is not an origin', () => {
    for (const text of [
      'localhost:3000x',
      'http://a.example/path',
      'http://a.example/?q',
      'file:///x',
      'nope',
    ])
      expect(normalizeOrigin(text)).toBeUndefined();
  });
});
