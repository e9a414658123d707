import type { LanguageModelV3File } from '@ai-sdk/provider';
import type { LanguageModelV4File } from '@ai-sdk/provider-v4';
import { toV3ProviderMetadata } from './to-v3-provider-metadata.js';

/**
 * A file the model generated, in V3's terms. V4 tags a file's data (`{ type: 'data', data }`)
 * where V3 holds the bytes or base64 text itself, so the data is unwrapped (the AI SDK's own V3 →
 * V4 adapter wraps it the same way). A V4 file may instead be a URL to the file, which V3 cannot
 * carry and which the model layer does not fetch: such a file is left out (`undefined`).
 */
export function toV3File(file: LanguageModelV4File): LanguageModelV3File | undefined {
  if (file.data.type !== 'data') return undefined;
  const providerMetadata = toV3ProviderMetadata(file.providerMetadata);
  return {
    type: 'file',
    mediaType: file.mediaType,
    data: file.data.data,
    ...(providerMetadata === undefined ? {} : { providerMetadata }),
  };
}
