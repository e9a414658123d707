import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { loadOptionalPackage, MissingPackageError } from '../tools/index.js';

// Type-only imports: they are erased from the JavaScript, and no public declaration names them,
// so the library loads, and its types check, without the SDK installed.

const SDK = '@modelcontextprotocol/sdk';
const REMEDY = `Install it beside toolplan: \`npm install ${SDK}\`.`;

/** The parts of the official MCP SDK that toolplan's server uses. */
export interface McpServerSdk {
  McpServer: typeof McpServer;
  StdioServerTransport: typeof StdioServerTransport;
  StreamableHTTPServerTransport: typeof StreamableHTTPServerTransport;
}

let loaded: Promise<McpServerSdk> | undefined;

/**
 * Loads the server side of `@modelcontextprotocol/sdk` (an optional peer of the library) the
 * first time it is needed, once. Missing, it is a `MissingPackageError` that says what to do.
 */
export function loadMcpServerSdk(neededBy: string): Promise<McpServerSdk> {
  loaded ??= Promise.all([
    loadSdkModule<{ McpServer: typeof McpServer }>('server/mcp.js', neededBy),
    loadSdkModule<{ StdioServerTransport: typeof StdioServerTransport }>(
      'server/stdio.js',
      neededBy,
    ),
    loadSdkModule<{ StreamableHTTPServerTransport: typeof StreamableHTTPServerTransport }>(
      'server/streamableHttp.js',
      neededBy,
    ),
  ]).then(([mcp, stdio, http]) => ({
    McpServer: mcp.McpServer,
    StdioServerTransport: stdio.StdioServerTransport,
    StreamableHTTPServerTransport: http.StreamableHTTPServerTransport,
  }));
  // A failed load is not remembered: installing the package and trying again must work.
  loaded.catch(() => (loaded = undefined));
  return loaded;
}

async function loadSdkModule<Module>(subpath: string, neededBy: string): Promise<Module> {
  try {
    return await loadOptionalPackage<Module>({
      name: `${SDK}/${subpath}`,
      neededBy,
      remedy: REMEDY,
    });
  } catch (cause) {
    throw missingSdkError(cause, neededBy) ?? cause;
  }
}

/**
 * The `MissingPackageError` for a failed import of a subpath of the SDK, when the SDK is what is
 * missing. Node names the package, not the subpath, in that error, which `loadOptionalPackage`
 * (matching the specifier it was given) does not recognise as a missing package.
 */
export function missingSdkError(cause: unknown, neededBy: string): MissingPackageError | undefined {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (code !== 'ERR_MODULE_NOT_FOUND' || !(cause instanceof Error)) return undefined;
  if (!cause.message.includes(`'${SDK}'`)) return undefined;
  return new MissingPackageError({
    packageName: SDK,
    message: `${neededBy} needs the package ${SDK}, which is not installed. ${REMEDY}`,
    cause,
  });
}
