import { readFile } from 'node:fs/promises';
import { InputFileError } from './input-file-error.js';

// What a person should read instead of `ENOENT: no such file or directory, open 'x'`.
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
};

/** The text of a file the CLI was given; `kind` names it in the error (`the plan file`). */
export async function readInputFile(path: string, kind: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason = (code === undefined ? undefined : REASONS[code]) ?? (cause as Error).message;
    throw new InputFileError({ path, message: `cannot read ${kind} ${path}: ${reason}`, cause });
  }
}
