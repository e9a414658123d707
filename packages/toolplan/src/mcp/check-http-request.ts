import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Why a request to the MCP endpoint is refused before the MCP transport sees it. */
export interface RefusedRequest {
  status: 401 | 403 | 404;
  message: string;
  headers?: Record<string, string>;
}

/** The names a server bound to a loopback address may be reached by. */
export const LOOPBACK_HOSTNAMES: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The checks the MCP specification's security guidance asks of an HTTP server, in order: the
 * endpoint's path (404), the `Host` a loopback server is reached by — a DNS-rebinding page names
 * its own host (403), the `Origin` of a browser's request, which must be allowed by name (403;
 * a request without one is not a browser's and passes), and the bearer token when one is set
 * (401). `undefined` when the request may go on.
 */
export function checkHttpRequest(options: {
  url: string | undefined;
  headers: IncomingHttpHeaders;
  path: string;
  /** Hostnames `Host` may name; `undefined` checks none (a server bound beyond loopback). */
  allowedHostnames: ReadonlySet<string> | undefined;
  /** Origins (`scheme://host[:port]`) a browser's request may come from. */
  allowedOrigins: ReadonlySet<string>;
  token: string | undefined;
}): RefusedRequest | undefined {
  const { headers } = options;
  if (pathOf(options.url) !== options.path) {
    return { status: 404, message: `Not found: the MCP endpoint is ${options.path}` };
  }
  if (options.allowedHostnames !== undefined) {
    const hostname = hostnameOf(headers.host);
    if (hostname === undefined || !options.allowedHostnames.has(hostname)) {
      return {
        status: 403,
        message: `Forbidden: the server is not reached by the name \`${headers.host ?? ''}\``,
      };
    }
  }
  const origin = headers.origin;
  if (origin !== undefined && !options.allowedOrigins.has(origin)) {
    return {
      status: 403,
      message: `Forbidden: requests from the origin \`${origin}\` are not allowed`,
    };
  }
  if (options.token !== undefined && !hasBearerToken(headers.authorization, options.token)) {
    return {
      status: 401,
      message: 'Unauthorized: a valid bearer token is required',
      headers: { 'WWW-Authenticate': 'Bearer realm="toolplan"' },
    };
  }
  return undefined;
}

function pathOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(url, 'http://localhost').pathname;
  } catch {
    return undefined;
  }
}

function hostnameOf(host: string | undefined): string | undefined {
  if (host === undefined || host === '') return undefined;
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
}

/** Compared in constant time (of the digests), so that timing tells nothing of the token. */
function hasBearerToken(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer +(\S+) *$/i.exec(authorization ?? '');
  if (match === null) return false;
  return timingSafeEqual(digest(match[1] as string), digest(token));
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * An origin as browsers send it (`scheme://host[:port]`, default port left out), or `undefined`
 * when `text` is not one: `http://localhost:3000/` → `http://localhost:3000`.
 */
export function normalizeOrigin(text: string): string | undefined {
  try {
    const url = new URL(text);
    if (url.origin === 'null' || (url.pathname !== '/' && url.pathname !== '')) return undefined;
    if (url.search !== '' || url.hash !== '' || url.username !== '') return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}
