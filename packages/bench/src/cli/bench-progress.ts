import type { BenchProgress } from '../run-bench.js';
import type { ProgressReport } from 'toolplan/internal';

interface ScenarioCount {
  runs: number;
  done: number;
  wrong: number;
  transportErrors: number;
}

/**
 * The bench's progress for a person: a status line per finished run (on a terminal), a heartbeat
 * at least every `heartbeatMs` — also where standard error is a log, not a terminal — naming the
 * scenarios in progress with their runs done and the time elapsed, and a line as each scenario
 * finishes or is skipped.
 *
 * States: opening (scenarios load, strategies warm up; heartbeats say so) → running (after the
 * `start` event: counts per scenario) → stopped (`stop()`: the timer is gone).
 */
export function createBenchProgress(options: {
  report: ProgressReport;
  /** @default 5000 */
  heartbeatMs?: number;
  /** @default performance.now */
  now?: () => number;
}): { onProgress(event: BenchProgress): void; stop(): void } {
  const { report } = options;
  const now = options.now ?? (() => performance.now());
  const started = now();
  const scenarios = new Map<string, ScenarioCount>();
  let running = false;
  const heartbeat = () => report(describe(), 'heartbeat');
  const timer = setInterval(heartbeat, options.heartbeatMs ?? 5000);
  // Progress must never keep the process alive on its own.
  timer.unref();

  const elapsed = () => formatElapsed(now() - started);
  const describe = () => {
    if (!running) return `[${elapsed()}] bench: opening scenarios and warming up …`;
    const counts = [...scenarios.values()];
    const finished = counts.filter((count) => count.done >= count.runs).length;
    const active = [...scenarios.entries()]
      .filter(([, count]) => count.done > 0 && count.done < count.runs)
      .map(([name, count]) => `${name} ${runs(count.done)}/${runs(count.runs)}`);
    const all = counts.reduce((sum, count) => sum + count.done, 0);
    const total = counts.reduce((sum, count) => sum + count.runs, 0);
    return [
      `[${elapsed()}]`,
      ...(active.length === 0 ? [] : [active.join(' · '), '·']),
      `${runs(all)}/${runs(total)} runs,`,
      `${finished} of ${counts.length} scenarios done`,
    ].join(' ');
  };

  return {
    onProgress(event) {
      switch (event.type) {
        case 'start':
          running = true;
          for (const { scenario, runs: total } of event.scenarios) {
            scenarios.set(scenario, { runs: total, done: 0, wrong: 0, transportErrors: 0 });
          }
          return;
        case 'scenario-skipped':
          report(`skipped ${event.scenario}: ${event.reason}`, 'event');
          return;
        case 'run-end': {
          const count = scenarios.get(event.scenario);
          if (count === undefined) return;
          count.done = event.done;
          if (event.outcome === 'wrong') count.wrong += 1;
          if (event.outcome === 'transport-error') count.transportErrors += 1;
          if (count.done === count.runs) {
            report(`[${elapsed()}] ${event.scenario}: ${describeFinished(count)}`, 'event');
          } else {
            report(describe());
          }
          return;
        }
        case 'strategy-end':
          return;
      }
    },
    stop() {
      clearInterval(timer);
    },
  };
}

function describeFinished(count: ScenarioCount): string {
  const problems = [
    ...(count.wrong === 0 ? [] : [`${runs(count.wrong)} wrong`]),
    ...(count.transportErrors === 0
      ? []
      : [
          `${runs(count.transportErrors)} transport error${count.transportErrors === 1 ? '' : 's'}`,
        ]),
  ];
  return `${runs(count.runs)} runs done, ${problems.length === 0 ? 'every answer right' : problems.join(', ')}`;
}

function runs(value: number): string {
  return value.toLocaleString('en-US');
}

/** `0:07`, `1:35`, `12:03`: minutes and seconds. */
export function formatElapsed(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
