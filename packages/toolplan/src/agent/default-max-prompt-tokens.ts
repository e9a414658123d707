/**
 * The default budget of every prompt toolplan builds: far below any current model's context
 * window, and large enough for a few hundred compact tool signatures plus results. A prompt that
 * grows past it is a sign that results should have been compressed, not a reason to send more.
 */
export const DEFAULT_MAX_PROMPT_TOKENS = 16_000;
