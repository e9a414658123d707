/**
 * The BullMQ job id of a call: its idempotency key, plus the attempt for a tool that may be run
 * again (`readOnly` or `idempotent`), so that a retry after a failure is a new job rather than the
 * failed one found again. BullMQ refuses ids with `:` (its key separator) and integer ids, so
 * `%` and `:` are escaped, URI-style; an escaped key always holds a `%`, never a bare integer.
 */
export function queueJobId(idempotencyKey: string, attempt?: number): string {
  const escaped = idempotencyKey.replaceAll('%', '%25').replaceAll(':', '%3A');
  return attempt === undefined ? `k${escaped}` : `k${escaped}%23${attempt}`;
}
