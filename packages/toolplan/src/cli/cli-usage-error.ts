import { ToolplanError } from '../plan/index.js';

/**
 * Flags that parse one by one but make no sense together (`--model` without `--base-url`): a
 * usage error like commander's own, exit code 2.
 */
export class CliUsageError extends ToolplanError {
  constructor(options: { message: string }) {
    super({ name: 'CliUsageError', message: options.message });
  }
}
