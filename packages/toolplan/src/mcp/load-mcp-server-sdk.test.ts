import { describe, expect, it } from 'vitest';
import { MissingPackageError } from '../tools/index.js';
import { loadMcpServerSdk, missingSdkError } from './load-mcp-server-sdk.js';

/** The error Node throws when a subpath of a package that is not installed is imported. */
function notFound(packageName: string) {
  return Object.assign(
    new Error(
      `Cannot find package '${packageName}' imported from /app/node_modules/toolplan/dist/mcp/x.js`,
    ),
    { code: 'ERR_MODULE_NOT_FOUND' },
  );
}

describe('loadMcpServerSdk', () => {
  it('loads the server parts of the SDK, once', async () => {
    const sdk = await loadMcpServerSdk('this test');
    expect(typeof sdk.McpServer).toBe('function');
    expect(typeof sdk.StreamableHTTPServerTransport).toBe('function');
    expect(await loadMcpServerSdk('this test')).toBe(sdk);
  });
});

describe('missingSdkError', () => {
  it('says what needs the SDK and how to install it, when the SDK is missing', () => {
    const error = missingSdkError(notFound('@modelcontextprotocol/sdk'), '`toolplan serve-mcp`');
    expect(MissingPackageError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      packageName: '@modelcontextprotocol/sdk',
      message:
        '`toolplan serve-mcp` needs the package @modelcontextprotocol/sdk, which is not installed. Install it beside toolplan: `npm install @modelcontextprotocol/sdk`.',
    });
  });

  it('leaves other failures alone: a package the SDK needs, an error inside it', () => {
    expect(missingSdkError(notFound('zod'), 'x')).toBeUndefined();
    expect(missingSdkError(new SyntaxError('Unexpected token'), 'x')).toBeUndefined();
  });
});
