import type { Hash } from 'node:crypto';
import { createRequire } from 'node:module';
import { stringify } from 'safe-stable-stringify';
import { exceedsDepth } from '../plan/index.js';

// Loaded on first use: only inputs deeper than MAX_KEYED_DEPTH need a digest, and `node:crypto`
// would add several ms to every `import('toolplan')` (npm run bench:import).
const require = createRequire(import.meta.url);
let createHash: ((algorithm: string) => Hash) | undefined;

/**
 * Deepest input keyed by its canonical JSON. `safe-stable-stringify` recurses per level and
 * overflows the stack at ~3,000 levels of arrays; an input can be that deep when it comes from a
 * tool's result. A deeper input is keyed by a digest of the same canonical form, walked without
 * recursion.
 */
export const MAX_KEYED_DEPTH = 512;

/**
 * The key of a call: its tool's name and canonical arguments (after its input schema). Single
 * flight, the result cache and speculation share read-only calls under it, so a call made by one
 * is found by the others; the side-effect ledger records calls under it. Equal inputs get equal
 * keys at any depth, in any process: a ledger may outlive the run.
 */
export function callKey(toolName: string, input: unknown): string {
  if (exceedsDepth(input, MAX_KEYED_DEPTH))
    return `${toolName}\u0000\u0001sha256:${canonicalDigest(input)}`;
  return `${toolName}\u0000${stringify(input) ?? ''}`;
}

/** Emitted as is, or (for `leave`) the end of an object on the current path. */
type Token = { text: string } | { leave: object };

/**
 * A digest of `value`'s canonical JSON (keys sorted, `[Circular]` for a cycle), written from an
 * explicit stack: no depth overflows it.
 */
function canonicalDigest(value: unknown): string {
  createHash ??= (require('node:crypto') as { createHash: (algorithm: string) => Hash }).createHash;
  const hash = createHash('sha256');
  const onPath = new Set<object>();
  const stack: Array<{ value: unknown } | Token> = [{ value }];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    if ('text' in entry) {
      hash.update(entry.text);
      continue;
    }
    if ('leave' in entry) {
      onPath.delete(entry.leave);
      continue;
    }
    const current = entry.value;
    if (typeof current !== 'object' || current === null) {
      hash.update(JSON.stringify(current) ?? 'null');
      continue;
    }
    if (onPath.has(current)) {
      hash.update('"[Circular]"');
      continue;
    }
    onPath.add(current);
    const items: Array<{ value: unknown } | Token> = [];
    if (Array.isArray(current)) {
      items.push({ text: '[' });
      current.forEach((item, index) => {
        if (index > 0) items.push({ text: ',' });
        items.push({ value: item });
      });
      items.push({ text: ']' });
    } else {
      items.push({ text: '{' });
      const record = current as Record<string, unknown>;
      Object.keys(record)
        .sort()
        .forEach((key, index) => {
          items.push({ text: `${index > 0 ? ',' : ''}${JSON.stringify(key)}:` });
          items.push({ value: record[key] });
        });
      items.push({ text: '}' });
    }
    items.push({ leave: current });
    for (let index = items.length - 1; index >= 0; index -= 1) stack.push(items[index] as Token);
  }
  return hash.digest('hex');
}
