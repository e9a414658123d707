import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createToolRegistry, defineTool, type Tool } from '../tools/index.js';
import { catalogHash } from './catalog-hash.js';
import { withoutCredentials } from './redis-store.js';

const tool = (options: {
  name?: string;
  description?: string;
  extra?: boolean;
  readOnly?: boolean;
}) =>
  defineTool({
    name: options.name ?? 'lookup',
    description: options.description ?? 'Looks up',
    inputSchema: options.extra
      ? z.object({ id: z.string(), extra: z.number().optional() })
      : z.object({ id: z.string() }),
    ...(options.readOnly === false ? {} : { readOnly: true }),
    execute: () => null,
  }) as Tool;

const hash = (...tools: Tool[]) => catalogHash(createToolRegistry(tools));

describe('catalogHash', () => {
  it('is the same for the same tools in any order, and ignores descriptions', () => {
    expect(hash(tool({}), tool({ name: 'other' }))).toBe(hash(tool({ name: 'other' }), tool({})));
    expect(hash(tool({ description: 'Reworded' }))).toBe(hash(tool({})));
    expect(hash(tool({}))).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes with a schema, a name, a tool more or an annotation', () => {
    const base = hash(tool({}));
    expect(hash(tool({ extra: true }))).not.toBe(base);
    expect(hash(tool({ name: 'renamed' }))).not.toBe(base);
    expect(hash(tool({}), tool({ name: 'other' }))).not.toBe(base);
    expect(hash(tool({ readOnly: false }))).not.toBe(base);
  });
});

describe('withoutCredentials', () => {
  it('drops the user and password of a Redis URL', () => {
    expect(withoutCredentials('redis://user:secret@host:6380/2')).toBe('redis://host:6380/2');
    expect(withoutCredentials('redis://:secret@host')).toBe('redis://host');
    expect(withoutCredentials('not a url')).toBe('redis://…');
  });
});
