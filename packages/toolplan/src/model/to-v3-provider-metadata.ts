import type { SharedV3ProviderMetadata } from '@ai-sdk/provider';
import type { SharedV4ProviderMetadata } from '@ai-sdk/provider-v4';

/**
 * A V4 part's provider metadata as V3 types it: the same JSON, which V4's types mark readonly
 * (arrays and nested objects) and V3's do not. Nothing downstream writes to it, so it is passed
 * on as it is rather than copied.
 */
export function toV3ProviderMetadata(
  metadata: SharedV4ProviderMetadata | undefined,
): SharedV3ProviderMetadata | undefined {
  return metadata as SharedV3ProviderMetadata | undefined;
}
