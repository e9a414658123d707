/** An MCP server started as a child process, spoken to over its stdin and stdout. */
export interface McpStdioSource {
  /** The program (`npx`, `node`, `uvx`…), found on `PATH`; never run through a shell. */
  command: string;
  /** @default [] */
  args?: readonly string[];
  /**
   * Environment variables of the server. The server also gets the few the MCP SDK passes on
   * (`PATH`, `HOME`, `USER`, `SHELL`, `TERM`, `LOGNAME`) — never the rest of this process's
   * environment, which holds API keys.
   * @default {} (those few only)
   */
  env?: Readonly<Record<string, string>>;
  /** @default this process's working directory */
  cwd?: string;
  /**
   * Where the server's stderr (its log) goes.
   * @default 'inherit' (this process's stderr)
   */
  stderr?: 'inherit' | 'ignore';
}

/** An MCP server at a URL, spoken to over Streamable HTTP. */
export interface McpHttpSource {
  url: string | URL;
  /** Sent with every request (`Authorization`, say). @default {} */
  headers?: Readonly<Record<string, string>>;
}

/** Where an MCP server is: a command to start, or a URL. */
export type McpSource = McpStdioSource | McpHttpSource;
