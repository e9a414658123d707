import { stringify } from 'safe-stable-stringify';

/**
 * The key of a call: its tool's name and canonical arguments (after its input schema). Single
 * flight, the result cache and speculation share read-only calls under it, so a call made by one
 * is found by the others; the side-effect ledger records calls under it.
 */
export function callKey(toolName: string, input: unknown): string {
  return `${toolName}\u0000${stringify(input) ?? ''}`;
}
