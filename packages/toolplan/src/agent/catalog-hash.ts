import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';
import type { ToolRegistry } from '../tools/index.js';

/**
 * A stable digest of a tool catalog: every tool's name, input and output schemas and the
 * annotations that decide what may be shared or replayed (`readOnly`, `idempotent`, `trusted`,
 * `ttlMs`). Shared learned state is namespaced by it, so a deploy that changes one tool's schema
 * reads none of what was learned against the old one — a cached plan could bind arguments the
 * new schema refuses, or a result could have the old shape. Descriptions are left out on
 * purpose: rewording a tool's help changes no plan's validity.
 */
export function catalogHash(tools: ToolRegistry): string {
  const catalog = tools
    .list()
    .map((tool) => ({
      name: tool.name,
      input: tool.inputSchema.jsonSchema,
      output: tool.outputSchema?.jsonSchema ?? null,
      readOnly: tool.readOnly === true,
      idempotent: tool.idempotent === true,
      trusted: tool.trusted === true,
      ttlMs: tool.ttlMs ?? null,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return createHash('sha256')
    .update(stringify(catalog) ?? '')
    .digest('hex')
    .slice(0, 16);
}
