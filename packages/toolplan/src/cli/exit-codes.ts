/**
 * Exit codes of every `toolplan` command: a contract for scripts. A run that went wrong in the
 * world (a step failed, an answer was wrong) is 1; a command that could not start (a bad flag, a
 * missing or malformed file) is 2; 70 (`EX_SOFTWARE` of sysexits.h) is a bug in toolplan.
 */
export const EXIT = { ok: 0, stepFailed: 1, invalidInput: 2, internalError: 70 } as const;
