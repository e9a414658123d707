import { describe, expect, it } from 'vitest';
import { createToolRegistry } from '../tools/index.js';
import { serverToolHints } from './server-tool-hints.js';

const tool = (name: string, annotations: Record<string, unknown>) => ({
  name,
  description: name,
  inputSchema: { type: 'object', properties: {} },
  execute: () => null,
  ...annotations,
});

describe('serverToolHints', () => {
  it('is read-only and idempotent when every tool is read-only', () => {
    const tools = createToolRegistry([
      tool('a', { readOnly: true }),
      tool('b', { readOnly: true }),
    ]);
    expect(serverToolHints(tools)).toEqual({
      readOnlyHint: true,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: true,
    });
  });

  it('may be destructive when one tool has side effects, idempotent if those are', () => {
    const tools = createToolRegistry([
      tool('a', { readOnly: true }),
      tool('b', { idempotent: true }),
    ]);
    expect(serverToolHints(tools)).toEqual({
      readOnlyHint: false,
      destructiveHint: true,
      idempotentHint: true,
      openWorldHint: true,
    });
  });

  it('is not idempotent when a side effect is not', () => {
    const tools = createToolRegistry([tool('a', {})]);
    expect(serverToolHints(tools).idempotentHint).toBe(false);
  });
});
