import { SimulatorOptionsError } from '../simulator-errors.js';
import { claudeSonnetProfile } from './claude-sonnet.js';
import { gpt41MiniProfile } from './gpt-4-1-mini.js';
import { gpt4oProfile } from './gpt-4o.js';
import { modelProfileSchema, type ModelProfile } from './model-profile.js';

/** The built-in profiles, by name. */
export const modelProfiles: Readonly<Record<string, ModelProfile>> = Object.freeze({
  [gpt4oProfile.name]: gpt4oProfile,
  [gpt41MiniProfile.name]: gpt41MiniProfile,
  [claudeSonnetProfile.name]: claudeSonnetProfile,
});

/** A built-in profile by name, or a custom profile object checked field by field. */
export function resolveModelProfile(profile: string | ModelProfile): ModelProfile {
  if (typeof profile === 'string') {
    const found = Object.hasOwn(modelProfiles, profile) ? modelProfiles[profile] : undefined;
    if (found === undefined) {
      const names = Object.keys(modelProfiles)
        .map((name) => `\`${name}\``)
        .join(', ');
      throw new SimulatorOptionsError({
        option: 'profile',
        message: `Expected \`profile\` to be one of ${names} or a profile object, got \`${profile}\``,
      });
    }
    return found;
  }
  const parsed = modelProfileSchema.safeParse(profile);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = ['profile', ...(issue?.path ?? [])].join('.');
    throw new SimulatorOptionsError({
      option: path,
      message: `Expected \`${path}\` to be valid: ${issue?.message ?? 'invalid profile'}`,
      cause: parsed.error,
    });
  }
  return parsed.data;
}
