// Names OpenAI (and most providers) accept for tools.
const PROVIDER_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A provider-safe form of a tool name: characters providers refuse (the dots of `spotify.play`)
 * become `_`, and the name is cut to 64 characters. The registry keeps the mapping both ways and
 * resolves collisions, so that the original name can always be recovered.
 */
export function toProviderToolName(name: string): string {
  if (PROVIDER_NAME.test(name)) return name;
  return name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) || 'tool';
}
