import { ToolplanError } from '../plan/index.js';

/** A command needs a package of toolplan's that is not installed. */
export class MissingPackageError extends ToolplanError {
  /** The package that could not be found. */
  readonly packageName: string;

  constructor(options: { packageName: string; message: string; cause?: unknown }) {
    super({ name: 'MissingPackageError', message: options.message, cause: options.cause });
    this.packageName = options.packageName;
  }
}

/**
 * Loads a package the CLI uses only for some commands (the simulated provider, the bench), so
 * that the library never loads — nor needs installed — what its user does not run. The
 * specifier is a variable on purpose: the library must not depend on those packages, which
 * depend on it. Missing, it is a {@link MissingPackageError} that says what to do; any other
 * failure inside the package is rethrown as it is.
 */
export async function loadOptionalPackage<Module>(options: {
  name: string;
  /**
   * A module inside the package (`client/index.js`), for packages without a root entry.
   * @default none (the package's root entry)
   */
  subpath?: string;
  /** What needs it, for the message: "`toolplan serve-model`". */
  neededBy: string;
  /** What to do about it, one sentence. */
  remedy: string;
}): Promise<Module> {
  const specifier: string =
    options.subpath === undefined ? options.name : `${options.name}/${options.subpath}`;
  try {
    return (await import(specifier)) as Module;
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    const message = cause instanceof Error ? cause.message : '';
    // The package itself is missing: Node names the package, other loaders (vitest's) the whole
    // specifier. A missing module inside an installed package is a broken install, rethrown.
    if (
      code === 'ERR_MODULE_NOT_FOUND' &&
      (message.includes(`'${options.name}'`) || message.includes(`'${specifier}'`))
    ) {
      throw new MissingPackageError({
        packageName: options.name,
        message: `${options.neededBy} needs the package ${options.name}, which is not installed. ${options.remedy}`,
        cause,
      });
    }
    throw cause;
  }
}
