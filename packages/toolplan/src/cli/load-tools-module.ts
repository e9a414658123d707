import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ToolplanError } from '../plan/index.js';
import { createToolRegistry, type ToolRegistry } from '../tools/index.js';

/** A `--tools` module could not be loaded or does not export tools. */
export class ToolsModuleError extends ToolplanError {
  readonly modulePath: string;

  constructor(options: { modulePath: string; message: string; cause?: unknown }) {
    super({ name: 'ToolsModuleError', message: options.message, cause: options.cause });
    this.modulePath = options.modulePath;
  }
}

/**
 * Imports an ES module whose default export is an array or a record of tools (any form `toTool`
 * accepts) and returns them as a registry.
 */
export async function loadToolsModule(modulePath: string): Promise<ToolRegistry> {
  const absolute = resolve(modulePath);
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(absolute).href)) as { default?: unknown };
  } catch (cause) {
    throw new ToolsModuleError({
      modulePath,
      message: `Cannot load the tools module \`${modulePath}\`: ${(cause as Error).message}`,
      cause,
    });
  }
  const tools = module.default;
  if (typeof tools !== 'object' || tools === null) {
    throw new ToolsModuleError({
      modulePath,
      message: `The tools module \`${modulePath}\` must have a default export: an array or a record of tools.`,
    });
  }
  try {
    return createToolRegistry(tools as Record<string, unknown>);
  } catch (cause) {
    throw new ToolsModuleError({
      modulePath,
      message: `The tools module \`${modulePath}\` exports an invalid tool: ${(cause as Error).message}`,
      cause,
    });
  }
}
