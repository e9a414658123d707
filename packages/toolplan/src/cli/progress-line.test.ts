import { describe, expect, it } from 'vitest';
import { createProgressLine } from './progress-line.js';

function stream(isTTY: boolean) {
  const written: string[] = [];
  const fake = { isTTY, columns: 40, write: (text: string) => written.push(text) > 0 };
  return { written, stream: fake as unknown as NodeJS.WriteStream };
}

describe('createProgressLine', () => {
  it('writes heartbeats and events as lines where standard error is not a terminal', () => {
    const { written, stream: target } = stream(false);
    const line = createProgressLine(target);
    line.update('weather 3/64');
    line.update('[0:05] weather 10/64', 'heartbeat');
    line.update('weather: 64 runs, 64 right', 'event');
    expect(written).toEqual(['[0:05] weather 10/64\n', 'weather: 64 runs, 64 right\n']);
  });

  it('rewrites one line in place on a terminal, and keeps events', () => {
    const { written, stream: target } = stream(true);
    const line = createProgressLine(target);
    line.update('weather 3/64');
    line.update('[0:05] weather 10/64', 'heartbeat');
    line.update('weather: done', 'event');
    expect(written).toEqual([
      '\r\u001b[2Kweather 3/64',
      '\r\u001b[2K[0:05] weather 10/64',
      '\r\u001b[2K',
      'weather: done\n',
    ]);
  });
});
