import { createRequire } from 'node:module';
import type * as AiSdk from 'ai';

const require = createRequire(import.meta.url);
let loaded: typeof AiSdk | undefined;

/**
 * The `ai` package, loaded on first use rather than when toolplan is imported: it is the largest
 * part of toolplan's start-up (measured: ~120 ms of a cold `import('ai')` against ~130 ms for
 * bare Node), and most programs need from it only what a model call already loaded. Its
 * CommonJS build is taken so that loading stays synchronous; what toolplan uses of it (a
 * middleware wrapper, `tool` and `jsonSchema`) keeps no state that would differ between its two
 * builds (schemas are marked with a global symbol).
 */
export function loadAiSdk(): typeof AiSdk {
  loaded ??= require('ai') as typeof AiSdk;
  return loaded;
}
