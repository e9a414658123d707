import { stringify } from 'safe-stable-stringify';

/**
 * The key under which identical calls of a read-only tool are shared: its name and canonical
 * arguments (after its input schema). Single flight, the result cache and speculation all use it,
 * so a call made by one is found by the others.
 */
export function callKey(toolName: string, input: unknown): string {
  return `${toolName}\u0000${stringify(input)}`;
}
