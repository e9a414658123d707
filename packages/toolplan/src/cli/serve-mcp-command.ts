import { Command } from 'commander';
import { createAgent, type Agent } from '../agent/index.js';
import { createMcpServer, startMcpHttpServer, type ToolplanMcpServer } from '../mcp/index.js';
// Not in the mcp layer's index: its types are the SDK's, which public declarations must not need.
import { loadMcpServerSdk } from '../mcp/load-mcp-server-sdk.js';
import { createOpenAICompatibleModel } from '../model/index.js';
import { createToolRegistry } from '../tools/index.js';
import { CliUsageError } from './cli-usage-error.js';
import {
  describeApiKeyVariables,
  endpointFromOptions,
  type EndpointFlags,
} from './endpoint-options.js';
import type { CommandIo } from './exec-command.js';
import { loadScriptBook } from './load-script-book.js';
import { loadToolsModule } from './load-tools-module.js';
import { connectMcpToolSources, type McpToolSources } from './mcp-tool-sources.js';
import { portNumber, positiveInteger, positiveNumber } from './option-parsers.js';
import { loadSimulatorPackage, type SimulatedProviderHandle } from './optional-packages.js';
import { PortUnavailableError } from './port-unavailable-error.js';
import { reserveStdoutForProtocol } from './reserve-stdout-for-protocol.js';

/** The environment variable the HTTP server's bearer token is read from (kept out of `ps`). */
export const MCP_TOKEN_VARIABLE = 'TOOLPLAN_MCP_TOKEN';

interface ServeMcpFlags extends EndpointFlags {
  tools?: string;
  mcp?: string[];
  mcpUrl?: string[];
  trustMcp?: boolean;
  port?: number;
  host?: string;
  token?: string;
  allowOrigin?: string[];
  trustPlans?: boolean;
  scripts?: string;
  profile?: string;
  speed?: number;
  maxConcurrency?: number;
  timeout?: number;
}

/**
 * `toolplan serve-mcp --tools MODULE`: toolplan as an MCP server, offering `run_plan` (and `ask`
 * when a model is configured), over stdio — nothing but the protocol on stdout, logs on stderr
 * — or over Streamable HTTP with `--port`. Runs until interrupted (SIGINT, SIGTERM) or, over
 * stdio, until its client closes stdin.
 */
export function serveMcpCommand(
  io: CommandIo & { waitForShutdown?: () => Promise<void> },
): Command {
  return new Command('serve-mcp')
    .description(
      'Serve the tools as an MCP server: run_plan executes a whole plan in one call (and ask answers a query)',
    )
    .option('--tools <module>', 'ES module whose default export is an array or record of tools')
    .option(
      '--mcp <command>',
      'also serve the tools of the MCP server this command starts (repeatable)',
      collect,
    )
    .option(
      '--mcp-url <url>',
      'also serve the tools of the MCP server at this Streamable HTTP URL (repeatable)',
      collect,
    )
    .option('--trust-mcp', "count those servers' annotations (readOnlyHint, idempotentHint)")
    .option(
      '--port <n>',
      'serve Streamable HTTP on this port (0 picks a free one) instead of stdio',
      portNumber,
    )
    .option('--host <address>', 'address to listen on, with --port (default: 127.0.0.1)')
    .option(
      '--token <token>',
      `bearer token every HTTP request must carry (prefer the variable ${MCP_TOKEN_VARIABLE})`,
    )
    .option(
      '--allow-origin <origin>',
      'a web origin whose pages may call the HTTP server (repeatable; default: none)',
      collect,
    )
    .option(
      '--trust-plans',
      "DANGEROUS: trust clients' plans, so that side effects run on their values (default: denied)",
    )
    .option('--base-url <url>', 'an OpenAI-compatible endpoint for `ask`')
    .option('--model <name>', 'the model to ask at --base-url')
    .option(
      '--scripts <file>',
      'offer `ask`, answered by the simulated provider from this script book',
    )
    .option(
      '--profile <name>',
      'profile of the simulated provider, with --scripts (default: gpt-4o)',
    )
    .option(
      '--speed <x>',
      'speed of the simulated provider, with --scripts (default: 1)',
      positiveNumber,
    )
    .option('--max-concurrency <n>', 'most tool calls running at once, per plan', positiveInteger)
    .option('--timeout <ms>', 'time-out for tools that declare none', positiveInteger)
    .addHelpText('after', HELP_AFTER)
    .action(async (flags: ServeMcpFlags) => {
      // Flags that do not go together are a usage error before anything is loaded or started.
      const settings = checkFlags(flags);
      let sources: McpToolSources | undefined;
      let provider: SimulatedProviderHandle | undefined;
      try {
        const own = flags.tools === undefined ? [] : await loadToolsModule(flags.tools);
        sources = await connectMcpToolSources({ ...flags, beside: own });
        const tools = createToolRegistry(sources.tools);
        let agent: Agent | undefined;
        if (settings.ask !== undefined) {
          let endpoint = settings.ask.endpoint;
          if (endpoint === undefined) {
            const simulator = await loadSimulatorPackage('`toolplan serve-mcp --scripts`');
            provider = await simulator.createSimulatedProvider({
              profile: settings.ask.profile,
              speed: settings.ask.speed,
              scripts: await loadScriptBook({
                path: settings.ask.scripts,
                speed: settings.ask.speed,
                seed: 1,
              }),
            });
            endpoint = { baseURL: provider.url, modelId: provider.profile.name };
          }
          agent = createAgent({
            model: createOpenAICompatibleModel({
              baseURL: endpoint.baseURL,
              modelId: endpoint.modelId,
              ...(endpoint.apiKey === undefined ? {} : { apiKey: endpoint.apiKey }),
            }),
            tools,
          });
        }
        const createServer = () =>
          createMcpServer({
            tools,
            ...(agent === undefined ? {} : { agent }),
            trustPlans: flags.trustPlans === true,
            execute: {
              ...(flags.maxConcurrency === undefined
                ? {}
                : { maxConcurrency: flags.maxConcurrency }),
              ...(flags.timeout === undefined ? {} : { defaultTimeoutMs: flags.timeout }),
            },
          });
        const offered = agent === undefined ? 'run_plan' : 'run_plan and ask';
        const summary = `${offered} with ${tools.size} tool${tools.size === 1 ? '' : 's'} (${tools.names().join(', ')})`;
        if (flags.trustPlans === true)
          io.stderr('warning: --trust-plans: side effects run on the values of any client’s plan');
        if (settings.http === undefined) {
          await serveStdio({ io, createServer, summary });
        } else {
          await serveHttp({ io, createServer, summary, http: settings.http });
        }
      } finally {
        await provider?.close();
        await sources?.close();
      }
    });
}

const HELP_AFTER = `
Over stdio (the default) the client starts this command and speaks MCP on its stdin and stdout;
nothing else is written to stdout. With --port it serves Streamable HTTP at /mcp, bound to
127.0.0.1 unless --host says otherwise; a browser page is refused unless its origin is allowed
(--allow-origin), and with a token every request must carry it (Authorization: Bearer …).

A plan a client sends is untrusted input: it is validated whole before anything runs, and a call
of a tool with side effects is denied (reported as a "denied" step) unless the tool's own policy
allows it — unless --trust-plans.

Environment variables:
${describeApiKeyVariables({ [MCP_TOKEN_VARIABLE]: 'the bearer token of the HTTP server (in place of --token)' })}

Examples:
  # for an MCP client's configuration: command "npx", args ["toolplan", "serve-mcp", "--tools", "tools.mjs"]
  $ toolplan serve-mcp --tools examples/quickstart/tools.mjs
  # over HTTP, with a token, and ask answered by the simulated provider
  $ TOOLPLAN_MCP_TOKEN=s3cret toolplan serve-mcp --tools examples/quickstart/tools.mjs --port 8765 --scripts examples/quickstart/scripts.json

Exit codes: 0 stopped; 2 could not start (a bad flag or file, a port in use); 70 a bug.`;

interface HttpSettings {
  port: number;
  host: string;
  token: string | undefined;
  allowedOrigins: string[];
}

function checkFlags(flags: ServeMcpFlags, environment: NodeJS.ProcessEnv = process.env) {
  if (flags.tools === undefined && flags.mcp === undefined && flags.mcpUrl === undefined)
    throw new CliUsageError({
      message:
        'Name the tools to serve: `--tools MODULE` (an ES module exporting tools), `--mcp COMMAND` or `--mcp-url URL`.',
    });
  const token = flags.token ?? nonEmpty(environment[MCP_TOKEN_VARIABLE]);
  let http: HttpSettings | undefined;
  if (flags.port === undefined) {
    const httpOnly = [
      ['--host', flags.host !== undefined],
      ['--token', flags.token !== undefined],
      ['--allow-origin', flags.allowOrigin !== undefined],
    ].find(([, given]) => given === true);
    if (httpOnly !== undefined)
      throw new CliUsageError({
        message: `\`${String(httpOnly[0])}\` needs \`--port\`: it is for the HTTP server, and without \`--port\` the server speaks stdio.`,
      });
  } else {
    http = {
      port: flags.port,
      host: flags.host ?? '127.0.0.1',
      token,
      allowedOrigins: flags.allowOrigin ?? [],
    };
  }
  const endpoint = endpointFromOptions(flags, environment);
  if (endpoint !== undefined && flags.scripts !== undefined)
    throw new CliUsageError({
      message:
        '`--scripts` is for the simulated provider; with `--base-url`, `ask` asks that model instead. Give one of them.',
    });
  if (flags.scripts === undefined) {
    const simulatorOnly = [
      ['--profile', flags.profile !== undefined],
      ['--speed', flags.speed !== undefined],
    ].find(([, given]) => given === true);
    if (simulatorOnly !== undefined)
      throw new CliUsageError({
        message: `\`${String(simulatorOnly[0])}\` is for the simulated provider: it needs \`--scripts FILE\`.`,
      });
  }
  const ask =
    endpoint !== undefined
      ? { endpoint, scripts: undefined, profile: 'gpt-4o', speed: 1 }
      : flags.scripts !== undefined
        ? {
            endpoint: undefined,
            scripts: flags.scripts,
            profile: flags.profile ?? 'gpt-4o',
            speed: flags.speed ?? 1,
          }
        : undefined;
  return { http, ask };
}

async function serveStdio(options: {
  io: CommandIo & { waitForShutdown?: () => Promise<void> };
  createServer: () => Promise<ToolplanMcpServer>;
  summary: string;
}): Promise<void> {
  const { io } = options;
  const { StdioServerTransport } = await loadMcpServerSdk('`toolplan serve-mcp`');
  const server = await options.createServer();
  const stdout = reserveStdoutForProtocol();
  // The client ends the session by closing our stdin (the MCP specification's stdio shutdown).
  let stdinClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => (stdinClosed = resolve));
  process.stdin.once('end', stdinClosed).once('close', stdinClosed);
  const signal = shutdownRequest(io);
  try {
    await server.connect(new StdioServerTransport(process.stdin, stdout.protocol));
    io.stderr(`toolplan serve-mcp: serving ${options.summary} over stdio`);
    const stopped = await Promise.race([
      signal.requested.then(() => 'signal' as const),
      closed.then(() => 'stdin' as const),
    ]);
    if (stopped === 'stdin') {
      // The client has sent all it will; what it asked before that still gets its answer
      // (requests read in the last chunk start on the next turn), unless a signal cuts it short.
      await new Promise((resolve) => setImmediate(resolve));
      await Promise.race([server.settled(), signal.requested]);
    }
    await server.close();
    // Let the last responses reach stdout before it is handed back.
    await new Promise<void>((resolve) => stdout.protocol.end(resolve));
  } finally {
    signal.dispose();
    stdout.release();
    process.stdin.off('end', stdinClosed).off('close', stdinClosed);
    process.stdin.pause();
  }
}

async function serveHttp(options: {
  io: CommandIo & { waitForShutdown?: () => Promise<void> };
  createServer: () => Promise<ToolplanMcpServer>;
  summary: string;
  http: HttpSettings;
}): Promise<void> {
  const { io, http } = options;
  if (http.token === undefined && !isLoopbackHost(http.host))
    io.stderr(
      `warning: listening on ${http.host} without a token: anyone who can reach this machine can call the tools. Set ${MCP_TOKEN_VARIABLE}.`,
    );
  const server = await startMcpHttpServer({
    createServer: options.createServer,
    port: http.port,
    host: http.host,
    ...(http.token === undefined ? {} : { token: http.token }),
    allowedOrigins: http.allowedOrigins,
    onError: (error) =>
      io.stderr(`warning: ${error instanceof Error ? error.message : String(error)}`),
  }).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES')
      throw new PortUnavailableError({ port: http.port, cause: error as NodeJS.ErrnoException });
    throw error;
  });
  const signal = shutdownRequest(io);
  try {
    io.stdout(`toolplan MCP server listening on ${server.url}`);
    io.stderr(
      `serving ${options.summary}${http.token === undefined ? '' : '; requests need the bearer token'}; press Ctrl-C to stop`,
    );
    await signal.requested;
  } finally {
    signal.dispose();
    await server.close();
  }
}

/**
 * Resolves when the process is asked to stop (SIGINT, SIGTERM), or when the injected
 * `waitForShutdown` does (tests); `dispose` takes the signal handlers off again.
 */
function shutdownRequest(io: { waitForShutdown?: () => Promise<void> }): {
  requested: Promise<void>;
  dispose(): void;
} {
  if (io.waitForShutdown !== undefined)
    return { requested: io.waitForShutdown(), dispose: () => {} };
  let stop: () => void = () => {};
  const requested = new Promise<void>((resolve) => (stop = resolve));
  process.once('SIGINT', stop).once('SIGTERM', stop);
  return {
    requested,
    dispose: () => {
      process.off('SIGINT', stop).off('SIGTERM', stop);
    },
  };
}

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
