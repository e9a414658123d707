import { Writable } from 'node:stream';

/**
 * Keeps the process's stdout for the MCP protocol alone. Over stdio every byte on stdout is read
 * as protocol, and a tools module that logs with `console.log` — or anything else writing to
 * `process.stdout` — would break the connection; so, until `release`, whatever is written to
 * `stdout` goes to `stderr`, and only `protocol` reaches the real stdout.
 */
export function reserveStdoutForProtocol(
  stdout: NodeJS.WriteStream = process.stdout,
  stderr: NodeJS.WriteStream = process.stderr,
): { protocol: Writable; release(): void } {
  const original = stdout.write;
  const write = original.bind(stdout);
  const protocol = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      write(chunk, (error) => callback(error ?? null));
    },
  });
  stdout.write = ((...args: Parameters<typeof stderr.write>) =>
    stderr.write(...args)) as typeof stdout.write;
  return {
    protocol,
    release: () => {
      stdout.write = original;
    },
  };
}
