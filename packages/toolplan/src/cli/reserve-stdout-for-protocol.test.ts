import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { reserveStdoutForProtocol } from './reserve-stdout-for-protocol.js';

function stream() {
  const written: string[] = [];
  const through = new PassThrough();
  through.on('data', (chunk: Buffer) => written.push(chunk.toString()));
  return { stream: through as unknown as NodeJS.WriteStream, written };
}

describe('reserveStdoutForProtocol', () => {
  it('sends what others write to stdout to stderr, and only the protocol to stdout, until released', async () => {
    const stdout = stream();
    const stderr = stream();
    const reserved = reserveStdoutForProtocol(stdout.stream, stderr.stream);
    stdout.stream.write('a log line\n');
    await new Promise<void>((resolve) =>
      reserved.protocol.write('{"jsonrpc":"2.0"}\n', () => resolve()),
    );
    expect(stdout.written).toEqual(['{"jsonrpc":"2.0"}\n']);
    expect(stderr.written).toEqual(['a log line\n']);
    reserved.release();
    stdout.stream.write('after\n');
    await new Promise((resolve) => setImmediate(resolve));
    expect(stdout.written).toEqual(['{"jsonrpc":"2.0"}\n', 'after\n']);
  });
});
