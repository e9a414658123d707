import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { unknownOptionProblems, type EveryKeyOf } from '../plan/index.js';
import { checkHttpRequest, LOOPBACK_HOSTNAMES, normalizeOrigin } from './check-http-request.js';
import type { ToolplanMcpServer } from './create-mcp-server.js';
import { loadMcpServerSdk } from './load-mcp-server-sdk.js';
import { McpServerOptionsError } from './mcp-server-options-error.js';

export interface StartMcpHttpServerOptions {
  /**
   * Makes the MCP server of one session (an MCP server serves one client at a time), e.g.
   * `() => createMcpServer({ tools })`.
   */
  createServer: () => Promise<ToolplanMcpServer>;
  /** The port to listen on; 0 lets the system pick a free one (see `port` of the result). @default 0 */
  port?: number;
  /**
   * The address to listen on. Beyond loopback, anyone who can reach the machine can call the
   * tools: set a `token`.
   * @default '127.0.0.1'
   */
  host?: string;
  /** The path of the MCP endpoint. @default '/mcp' */
  path?: string;
  /**
   * A bearer token every request must carry (`Authorization: Bearer …`); a request without it
   * is refused with 401.
   * @default undefined (none)
   */
  token?: string;
  /**
   * Origins (`http://localhost:3000`) whose browser pages may call the server. A request with
   * any other `Origin` is refused with 403 — a web page the user happens to open must not reach
   * a local server — and one without `Origin` (not a browser's) is let through.
   * @default [] (no browser page)
   */
  allowedOrigins?: readonly string[];
  /**
   * A session with no request open for this long (ms) is closed, as if its client had ended it:
   * a client that went away without ending its session must not hold it forever.
   * @default 1_800_000 (30 minutes)
   */
  sessionIdleMs?: number;
  /**
   * Hears what goes wrong that no caller awaits: a malformed request the transport refused, a
   * response that could not be sent. Must not throw.
   * @default undefined (ignored)
   */
  onError?: (error: unknown) => void;
}

/** A running MCP server on Streamable HTTP. */
export interface McpHttpServer {
  /** The endpoint, e.g. `http://127.0.0.1:53127/mcp`. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Sessions open now. */
  readonly sessions: number;
  /** Stops listening and closes every session; requests in flight are cancelled. */
  close(): Promise<void>;
}

const OPTION_KEYS = [
  'createServer',
  'port',
  'host',
  'path',
  'token',
  'allowedOrigins',
  'sessionIdleMs',
  'onError',
] as const;
const everyOption: EveryKeyOf<StartMcpHttpServerOptions, typeof OPTION_KEYS> = OPTION_KEYS;

interface Session {
  readonly server: ToolplanMcpServer;
  readonly transport: {
    readonly sessionId: string | undefined;
    handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void>;
  };
  /** Requests of the session whose responses are still open. */
  open: number;
  idle: NodeJS.Timeout | undefined;
}

/**
 * Serves MCP over Streamable HTTP, as the MCP specification's security guidance asks: bound to
 * loopback unless told otherwise, reached only by a loopback name there (against DNS
 * rebinding), refusing browser pages of origins not allowed, and with an optional bearer token.
 *
 * Each client gets a session (`Mcp-Session-Id`) with its own MCP server. Sessions rather than
 * stateless requests, because a cancellation is a message of its own: only within a session does
 * the client's `notifications/cancelled` reach the request it cancels, so that a cancelled
 * `run_plan` stops its tools. A session ends when its client ends it (`DELETE`), when it has
 * been idle for `sessionIdleMs`, or when the server closes.
 */
export async function startMcpHttpServer(
  options: StartMcpHttpServerOptions,
): Promise<McpHttpServer> {
  const settings = checkOptions(options);
  const { StreamableHTTPServerTransport } = await loadMcpServerSdk(
    'startMcpHttpServer (toolplan as an MCP server over HTTP)',
  );
  const { host, path, token, sessionIdleMs, onError } = settings;
  const allowedOrigins = new Set(settings.allowedOrigins);
  const allowedHostnames = isLoopback(host) ? LOOPBACK_HOSTNAMES : undefined;
  const sessions = new Map<string, Session>();
  const opening = new Set<Session>();
  let closing = false;

  const report = (error: unknown) => {
    try {
      onError?.(error);
    } catch {
      // A listener that throws must not take a request down with it.
    }
  };

  const openSession = async (): Promise<Session> => {
    const server = await settings.createServer();
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        sessions.set(id, session);
      },
    });
    const session: Session = { server, transport, open: 0, idle: undefined };
    // Set before `connect`, which keeps these and calls its own after them.
    transport.onclose = () => {
      clearTimeout(session.idle);
      const id = transport.sessionId;
      if (id !== undefined && sessions.get(id) === session) sessions.delete(id);
    };
    transport.onerror = report;
    await server.connect(transport);
    return session;
  };

  const serve = async (session: Session, req: IncomingMessage, res: ServerResponse) => {
    session.open += 1;
    clearTimeout(session.idle);
    res.once('close', () => {
      session.open -= 1;
      if (session.open === 0 && session.transport.sessionId !== undefined) {
        session.idle = setTimeout(() => {
          session.server.close().catch(report);
        }, sessionIdleMs).unref();
      }
    });
    await session.transport.handleRequest(req, res);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const refused = checkHttpRequest({
      url: req.url,
      headers: req.headers,
      path,
      allowedHostnames,
      allowedOrigins,
      token,
    });
    if (refused !== undefined) return refuse(res, refused);
    if (closing) return refuse(res, { status: 503, message: 'The server is shutting down' });
    const id = req.headers['mcp-session-id'];
    if (typeof id === 'string') {
      const session = sessions.get(id);
      // 404 tells the client to start a new session (the specification's rule).
      if (session === undefined)
        return refuse(res, { status: 404, code: -32001, message: 'Session not found' });
      return serve(session, req, res);
    }
    if (req.method !== 'POST')
      return refuse(res, {
        status: 400,
        message: 'Bad Request: Mcp-Session-Id header is required',
      });
    // A request without a session opens one; only an `initialize` keeps it.
    const session = await openSession();
    opening.add(session);
    try {
      await serve(session, req, res);
    } finally {
      opening.delete(session);
      if (session.transport.sessionId === undefined || closing) await session.server.close();
    }
  };

  const http = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      report(error);
      if (!res.headersSent) refuse(res, { status: 500, message: 'Internal error' });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(settings.port, host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const address = http.address();
  const port = typeof address === 'object' && address !== null ? address.port : settings.port;
  const url = `http://${isIP(host) === 6 ? `[${host}]` : host}:${port}${path}`;

  let closed: Promise<void> | undefined;
  return {
    url,
    host,
    port,
    get sessions() {
      return sessions.size;
    },
    close() {
      closed ??= (async () => {
        closing = true;
        const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
        const all = [...sessions.values(), ...opening];
        await Promise.all(all.map((session) => session.server.close().catch(report)));
        http.closeAllConnections();
        await stopped;
      })();
      return closed;
    },
  };
}

function refuse(
  res: ServerResponse,
  refusal: { status: number; message: string; code?: number; headers?: Record<string, string> },
): void {
  res.writeHead(refusal.status, { 'Content-Type': 'application/json', ...refusal.headers });
  res.end(
    JSON.stringify({
      jsonrpc: '2.0',
      error: { code: refusal.code ?? -32000, message: refusal.message },
      id: null,
    }),
  );
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

function checkOptions(options: StartMcpHttpServerOptions) {
  if (typeof options !== 'object' || options === null) {
    throw new McpServerOptionsError({
      problems: [
        `Expected the options of \`startMcpHttpServer\` to be an object, got \`${String(options)}\``,
      ],
    });
  }
  const problems = unknownOptionProblems({
    of: 'startMcpHttpServer',
    given: options,
    known: everyOption,
  });
  const {
    createServer: create,
    port = 0,
    host = '127.0.0.1',
    path = '/mcp',
    token,
    allowedOrigins = [],
    sessionIdleMs = 1_800_000,
    onError,
  } = options;
  if (typeof create !== 'function')
    problems.push(`Expected \`createServer\` to be a function, got \`${String(create)}\``);
  if (!(Number.isInteger(port) && port >= 0 && port <= 65535))
    problems.push(`Expected \`port\` to be an integer from 0 to 65535, got \`${String(port)}\``);
  if (typeof host !== 'string' || host === '')
    problems.push(`Expected \`host\` to be a non-empty string, got \`${String(host)}\``);
  if (typeof path !== 'string' || !path.startsWith('/'))
    problems.push(`Expected \`path\` to start with \`/\`, got \`${String(path)}\``);
  if (token !== undefined && (typeof token !== 'string' || !/^\S+$/.test(token)))
    problems.push('Expected `token` to be a non-empty string without spaces');
  const origins: string[] = [];
  if (!Array.isArray(allowedOrigins)) {
    problems.push(
      `Expected \`allowedOrigins\` to be an array of origins, got \`${String(allowedOrigins)}\``,
    );
  } else {
    for (const origin of allowedOrigins as unknown[]) {
      const normalized = typeof origin === 'string' ? normalizeOrigin(origin) : undefined;
      if (normalized === undefined)
        problems.push(
          `Expected each of \`allowedOrigins\` to be an origin such as http://localhost:3000, got \`${String(origin)}\``,
        );
      else origins.push(normalized);
    }
  }
  if (!(Number.isFinite(sessionIdleMs) && sessionIdleMs > 0))
    problems.push(
      `Expected \`sessionIdleMs\` to be a positive number, got \`${String(sessionIdleMs)}\``,
    );
  if (onError !== undefined && typeof onError !== 'function')
    problems.push(`Expected \`onError\` to be a function, got \`${String(onError)}\``);
  if (problems.length > 0) throw new McpServerOptionsError({ problems });
  return {
    createServer: create,
    port,
    host,
    path,
    token,
    allowedOrigins: origins,
    sessionIdleMs,
    onError,
  };
}
