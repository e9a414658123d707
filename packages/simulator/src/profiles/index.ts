export { claudeSonnetProfile } from './claude-sonnet.js';
export { gpt41MiniProfile } from './gpt-4-1-mini.js';
export { gpt4oProfile } from './gpt-4o.js';
export { modelProfileSchema, type ModelProfile } from './model-profile.js';
export { modelProfiles, resolveModelProfile } from './model-profiles.js';
