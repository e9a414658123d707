import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProgressKind } from 'toolplan/internal';
import { createBenchProgress, formatElapsed } from './bench-progress.js';

afterEach(() => {
  vi.useRealTimers();
});

function recorder() {
  const lines: Array<{ text: string; kind: ProgressKind }> = [];
  return {
    lines,
    report: (text: string, kind: ProgressKind = 'status') => lines.push({ text, kind }),
  };
}

describe('createBenchProgress', () => {
  it('beats at least every 5 s with the scenarios in progress, runs done and the time elapsed', () => {
    vi.useFakeTimers();
    const { lines, report } = recorder();
    const progress = createBenchProgress({ report, now: () => Date.now() });
    vi.advanceTimersByTime(5000);
    expect(lines.at(-1)).toEqual({
      text: '[0:05] bench: opening scenarios and warming up …',
      kind: 'heartbeat',
    });
    progress.onProgress({
      type: 'start',
      scenarios: [
        { scenario: 'weather', runs: 2 },
        { scenario: 'bfcl', runs: 2000 },
      ],
    });
    progress.onProgress({
      type: 'run-end',
      scenario: 'bfcl',
      strategy: 'plan',
      done: 1200,
      runs: 2000,
      outcome: 'right',
    });
    vi.advanceTimersByTime(5000);
    expect(lines.at(-1)).toEqual({
      text: '[0:10] bfcl 1,200/2,000 · 1,200/2,002 runs, 0 of 2 scenarios done',
      kind: 'heartbeat',
    });
    progress.stop();
    const count = lines.length;
    vi.advanceTimersByTime(20_000);
    expect(lines).toHaveLength(count);
  });

  it('says when a scenario is done, counting wrong answers and transport errors apart', () => {
    const { lines, report } = recorder();
    let time = 0;
    const progress = createBenchProgress({ report, now: () => time });
    progress.onProgress({ type: 'start', scenarios: [{ scenario: 'weather', runs: 3 }] });
    const outcomes = ['right', 'wrong', 'transport-error'] as const;
    outcomes.forEach((outcome, index) => {
      time = 61_000;
      progress.onProgress({
        type: 'run-end',
        scenario: 'weather',
        strategy: 'plan',
        done: index + 1,
        runs: 3,
        outcome,
      });
    });
    progress.stop();
    expect(lines.at(-1)).toEqual({
      text: '[1:01] weather: 3 runs done, 1 wrong, 1 transport error',
      kind: 'event',
    });
    expect(lines.slice(0, -1).every((line) => line.kind === 'status')).toBe(true);
  });

  it('reports a skipped scenario with its reason', () => {
    const { lines, report } = recorder();
    const progress = createBenchProgress({ report });
    progress.onProgress({ type: 'scenario-skipped', scenario: 'bfcl', reason: 'no data' });
    progress.stop();
    expect(lines).toEqual([{ text: 'skipped bfcl: no data', kind: 'event' }]);
  });
});

describe('formatElapsed', () => {
  it('writes minutes and seconds', () => {
    expect([0, 7_900, 95_000, 723_000].map(formatElapsed)).toEqual([
      '0:00',
      '0:07',
      '1:35',
      '12:03',
    ]);
  });
});
