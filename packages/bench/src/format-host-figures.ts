import type { HostFigures } from './bench-figures.js';

/**
 * One line on how starved the host was, and, past the thresholds, a warning that the figures are
 * unreliable with what to do about it.
 */
export function formatHostFigures(host: HostFigures): { line: string; warning?: string } {
  const measured = [
    `event-loop delay p99 ${milliseconds(host.eventLoopDelayP99Ms)}`,
    ...(host.providerLatenessP99Ms === undefined
      ? []
      : [`provider lateness p99 ${milliseconds(host.providerLatenessP99Ms)}`]),
    `load ${host.loadAverage.toFixed(1)} on ${host.cpus} CPU${host.cpus === 1 ? '' : 's'}`,
  ].join(' · ');
  const line = `host: ${measured}`;
  if (!host.starved) return { line };
  return {
    line,
    warning:
      `warning: this host was starved while the bench ran (${measured}). Every latency is inflated ` +
      'and differences between strategies (streaming, speculation) may vanish: these figures are ' +
      'unreliable. Stop other work on the machine, or run fewer cases at once ' +
      '(`--case-concurrency 32`), or slow the simulated time down (`--speed 0.5`) so that the ' +
      "host's delays weigh less.",
  };
}

function milliseconds(value: number): string {
  return `${value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US')} ms`;
}
