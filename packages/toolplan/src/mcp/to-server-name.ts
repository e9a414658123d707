/** What a server's name may be: it prefixes tool names, which providers see too. */
export const SERVER_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A server's name from the name it gives itself in the handshake (`serverInfo.name`), for
 * prefixes when no `name` option was given: the last segment of a path-like name
 * (`mcp-servers/everything` → `everything`, `@acme/server-files` → `server-files`), characters
 * a tool name cannot hold as `_`, cut to 64 characters; `mcp` when nothing is left.
 */
export function toServerName(given: string | undefined): string {
  const last = (given ?? '').split('/').findLast((segment) => segment.trim() !== '') ?? '';
  const name = last
    .trim()
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 64);
  return name === '' ? 'mcp' : name;
}
