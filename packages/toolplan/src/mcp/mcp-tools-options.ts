import { unknownOptionProblems, type EveryKeyOf } from '../plan/index.js';
import type { McpClientLike } from './mcp-client-like.js';
import { McpOptionsError } from './mcp-options-error.js';
import type { McpHttpSource, McpStdioSource } from './mcp-source.js';
import { SERVER_NAME } from './to-server-name.js';

export interface McpToolsOptions {
  /**
   * The server's name: it prefixes a tool's name where two sources have a tool of that name
   * (`everything.echo`), and names the server in errors. 1–64 letters, digits, `_` or `-`.
   * @default the name the server gives itself, its last path segment (`mcp-servers/everything` → `everything`)
   */
  name?: string;
  /**
   * The configuration trusts this server: its `readOnlyHint` and `idempotentHint` count (its
   * read-only tools may start early, be speculated, cached, retried). A server may be anyone's,
   * so by default its hints are ignored and every tool is treated as having side effects;
   * `destructiveHint: true` always wins.
   * @default false
   */
  trustAnnotations?: boolean;
  /**
   * Longest a call of these tools may take (ms), as each tool's `timeoutMs`: the step fails with
   * a `StepTimeoutError` and the request is cancelled on the server.
   * @default none (the run's default time-out, else the MCP SDK's 60 s per request)
   */
  timeoutMs?: number;
  /**
   * Hears a failure that no caller awaits: a listing after `notifications/tools/list_changed`
   * that failed (the tools stay as they were), a listener of `onToolsChanged` that threw.
   * @default a process warning (code `TOOLPLAN_BACKGROUND_ERROR`)
   */
  onError?: (error: unknown) => void;
}

const OPTION_KEYS = ['name', 'trustAnnotations', 'timeoutMs', 'onError'] as const;
const KNOWN_OPTIONS: EveryKeyOf<McpToolsOptions, typeof OPTION_KEYS> = OPTION_KEYS;
const STDIO_KEY_LIST = ['command', 'args', 'env', 'cwd', 'stderr'] as const;
const STDIO_KEYS: EveryKeyOf<McpStdioSource, typeof STDIO_KEY_LIST> = STDIO_KEY_LIST;
const HTTP_KEY_LIST = ['url', 'headers'] as const;
const HTTP_KEYS: EveryKeyOf<McpHttpSource, typeof HTTP_KEY_LIST> = HTTP_KEY_LIST;

/** The longest delay Node's timers take; a longer one fires at once. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** True for a connected client (anything with `listTools` and `callTool`), not a source. */
export function isMcpClient(value: unknown): value is McpClientLike {
  const record = value as Partial<Record<string, unknown>> | null;
  return (
    typeof record === 'object' &&
    record !== null &&
    typeof record['listTools'] === 'function' &&
    typeof record['callTool'] === 'function'
  );
}

/**
 * Checks `mcpTools`' source and options once, before anything is started, and throws an
 * {@link McpOptionsError} listing every problem.
 */
export function checkMcpToolsOptions(source: unknown, options: unknown, of = 'mcpTools'): void {
  const problems: string[] = [];
  problems.push(...sourceProblems(source, of));
  if (typeof options !== 'object' || options === null) {
    problems.push(`Expected the options of \`${of}\` to be an object, got \`${String(options)}\``);
    throw new McpOptionsError({ problems });
  }
  const given = options as Partial<Record<string, unknown>>;
  problems.push(...unknownOptionProblems({ of, given, known: KNOWN_OPTIONS }));
  const { name, trustAnnotations, timeoutMs, onError } = given;
  if (name !== undefined && !(typeof name === 'string' && SERVER_NAME.test(name)))
    problems.push(
      `Expected \`name\` to be 1–64 letters, digits, \`_\` or \`-\`, got \`${String(name)}\``,
    );
  if (trustAnnotations !== undefined && typeof trustAnnotations !== 'boolean')
    problems.push(
      `Expected \`trustAnnotations\` to be a boolean, got \`${String(trustAnnotations)}\``,
    );
  if (
    timeoutMs !== undefined &&
    !(typeof timeoutMs === 'number' && timeoutMs > 0 && timeoutMs <= MAX_TIMEOUT_MS)
  )
    problems.push(
      `Expected \`timeoutMs\` to be a positive number of at most ${MAX_TIMEOUT_MS}, got \`${String(timeoutMs)}\``,
    );
  if (onError !== undefined && typeof onError !== 'function')
    problems.push(`Expected \`onError\` to be a function, got \`${String(onError)}\``);
  if (problems.length > 0) throw new McpOptionsError({ problems });
}

function sourceProblems(source: unknown, of: string): string[] {
  if (isMcpClient(source)) return [];
  if (typeof source !== 'object' || source === null) {
    return [
      `Expected the source of \`${of}\` to be \`{ command, args? }\`, \`{ url }\` or a connected MCP client, got \`${String(source)}\``,
    ];
  }
  const record = source as Partial<Record<string, unknown>>;
  if ('command' in record) {
    const problems = unknownOptionProblems({
      of: `${of}({ command })`,
      given: record,
      known: STDIO_KEYS,
    });
    const { command, args, env, cwd, stderr } = record;
    if (typeof command !== 'string' || command.trim() === '')
      problems.push(`Expected \`command\` to be a non-empty string, got \`${String(command)}\``);
    if (
      args !== undefined &&
      !(Array.isArray(args) && args.every((arg) => typeof arg === 'string'))
    )
      problems.push(`Expected \`args\` to be an array of strings, got \`${JSON.stringify(args)}\``);
    if (
      env !== undefined &&
      !(
        typeof env === 'object' &&
        env !== null &&
        Object.values(env).every((value) => typeof value === 'string')
      )
    )
      problems.push('Expected `env` to be an object of strings');
    if (cwd !== undefined && typeof cwd !== 'string')
      problems.push(`Expected \`cwd\` to be a string, got \`${String(cwd)}\``);
    if (stderr !== undefined && stderr !== 'inherit' && stderr !== 'ignore')
      problems.push(`Expected \`stderr\` to be 'inherit' or 'ignore', got \`${String(stderr)}\``);
    return problems;
  }
  if ('url' in record) {
    const problems = unknownOptionProblems({
      of: `${of}({ url })`,
      given: record,
      known: HTTP_KEYS,
    });
    const { url, headers } = record;
    if (!isHttpUrl(url))
      problems.push(`Expected \`url\` to be an http(s) URL, got \`${String(url)}\``);
    if (
      headers !== undefined &&
      !(
        typeof headers === 'object' &&
        headers !== null &&
        Object.values(headers).every((value) => typeof value === 'string')
      )
    )
      problems.push('Expected `headers` to be an object of strings');
    return problems;
  }
  return [
    `Expected the source of \`${of}\` to have \`command\` (stdio) or \`url\` (Streamable HTTP), or to be a connected MCP client (with \`listTools\` and \`callTool\`)`,
  ];
}

function isHttpUrl(value: unknown): boolean {
  if (!(typeof value === 'string' || value instanceof URL)) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
