import type { SharedV3Warning } from '@ai-sdk/provider';
import type { SharedV4Warning } from '@ai-sdk/provider-v4';

/**
 * A V4 call warning in V3's terms. V4 adds `deprecated` (a setting the provider still takes but
 * will drop); V3 has no such kind, so it becomes an `other` warning whose message names the
 * setting. The other kinds are the same in both.
 */
export function toV3Warning(warning: SharedV4Warning): SharedV3Warning {
  if (warning.type === 'deprecated')
    return { type: 'other', message: `${warning.setting}: ${warning.message}` };
  return warning;
}
