// SQLSTATE classes that say the connection, not the statement, failed: 08 connection exception,
// 57P01–57P03 the server shutting down or starting, 40 a deadlock or serialization failure (the
// transaction was rolled back and may simply be run again).
const RETRYABLE_SQLSTATE = /^(?:08|40|57P0[123])/;
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * True when a PostgreSQL write failed for a reason that another try on a fresh connection may not
 * meet (a lost connection, a restarting server, a deadlock), false for a statement the server
 * refused (bad data, a missing table), which would fail the same way again.
 */
export function isConnectionError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') return RETRYABLE_SQLSTATE.test(code) || NETWORK_CODES.has(code);
  // node-postgres reports a socket closed under it without a code.
  return (
    typeof message === 'string' &&
    /connection terminated|connection (?:is )?closed|timeout exceeded when trying to connect/i.test(
      message,
    )
  );
}
