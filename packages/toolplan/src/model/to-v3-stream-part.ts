import type { LanguageModelV3StreamPart } from '@ai-sdk/provider';
import type { LanguageModelV4StreamPart } from '@ai-sdk/provider-v4';
import { toV3File } from './to-v3-file.js';
import { toV3FinishReason } from './to-v3-finish-reason.js';
import { toV3ProviderMetadata } from './to-v3-provider-metadata.js';
import { toV3Usage } from './to-v3-usage.js';
import { toV3Warning } from './to-v3-warning.js';

/**
 * One part of a V4 `doStream` stream in V3's terms, or `undefined` for a part V3 has no
 * counterpart for (the stream goes on without it):
 * - `finish`: its usage (the same counts) and finish reason (`interrupted` → `other`) mapped;
 * - `stream-start`: its warnings mapped (`deprecated` → `other`);
 * - `text-end` loses its `citations` (V3 text has none; sources are parts of their own);
 * - `file` is unwrapped, or left out when it is a URL (see `toV3File`);
 * - `custom` (provider-specific content), `reasoning-file` (V3 reasoning is text only) and `ping`
 *   (a keep-alive that carries nothing) are left out;
 * - every other part is the same in both (V4's types only mark their JSON readonly).
 */
export function toV3StreamPart(
  part: LanguageModelV4StreamPart,
): LanguageModelV3StreamPart | undefined {
  switch (part.type) {
    case 'finish': {
      const providerMetadata = toV3ProviderMetadata(part.providerMetadata);
      return {
        type: 'finish',
        usage: toV3Usage(part.usage),
        finishReason: toV3FinishReason(part.finishReason),
        ...(providerMetadata === undefined ? {} : { providerMetadata }),
      };
    }
    case 'stream-start':
      return { type: 'stream-start', warnings: part.warnings.map(toV3Warning) };
    case 'text-end': {
      const providerMetadata = toV3ProviderMetadata(part.providerMetadata);
      return {
        type: 'text-end',
        id: part.id,
        ...(providerMetadata === undefined ? {} : { providerMetadata }),
      };
    }
    case 'file':
      return toV3File(part);
    case 'custom':
    case 'reasoning-file':
    case 'ping':
      return undefined;
    case 'text-start':
    case 'text-delta':
    case 'reasoning-start':
    case 'reasoning-delta':
    case 'reasoning-end':
    case 'tool-input-start':
    case 'tool-input-delta':
    case 'tool-input-end':
    case 'tool-approval-request':
    case 'tool-call':
    case 'tool-result':
    case 'source':
    case 'response-metadata':
    case 'raw':
    case 'error':
      return part as LanguageModelV3StreamPart;
    default:
      return unknownPart(part);
  }
}

/** A part of a kind newer than the V4 types toolplan was built with: V3 has none, left out. */
function unknownPart(part: never): undefined {
  void part;
  return undefined;
}
