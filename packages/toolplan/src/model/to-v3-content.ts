import type { LanguageModelV3Content } from '@ai-sdk/provider';
import type { LanguageModelV4Content } from '@ai-sdk/provider-v4';
import { toV3File } from './to-v3-file.js';
import { toV3ProviderMetadata } from './to-v3-provider-metadata.js';

/**
 * One part of a V4 `doGenerate` result in V3's terms, or `undefined` for a part V3 has no
 * counterpart for:
 * - `text` loses its `citations` (V4's references supporting the text; V3 text has none, and its
 *   sources, a part of their own, are kept);
 * - `custom` (provider-specific content only its own provider can read) and `reasoning-file` (V3
 *   reasoning is text only) are left out;
 * - `file` is unwrapped, or left out when it is a URL (see `toV3File`);
 * - `reasoning`, `source`, `tool-call`, `tool-result` and `tool-approval-request` are the same in
 *   both (V4's types only mark their JSON readonly).
 */
export function toV3Content(part: LanguageModelV4Content): LanguageModelV3Content | undefined {
  switch (part.type) {
    case 'text': {
      const providerMetadata = toV3ProviderMetadata(part.providerMetadata);
      return {
        type: 'text',
        text: part.text,
        ...(providerMetadata === undefined ? {} : { providerMetadata }),
      };
    }
    case 'file':
      return toV3File(part);
    case 'custom':
    case 'reasoning-file':
      return undefined;
    case 'reasoning':
    case 'source':
    case 'tool-call':
    case 'tool-result':
    case 'tool-approval-request':
      return part as LanguageModelV3Content;
    default:
      return unknownPart(part);
  }
}

/** A part of a kind newer than the V4 types toolplan was built with: V3 has none, left out. */
function unknownPart(part: never): undefined {
  void part;
  return undefined;
}
