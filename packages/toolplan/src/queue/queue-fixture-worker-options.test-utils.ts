import type { ToolWorkerOptions } from './start-tool-worker.js';

/**
 * The tests' workers: several calls at once, and a dead worker noticed within seconds (BullMQ's
 * 30 s defaults would make each kill test wait that long).
 */
export function queueFixtureWorkerOptions(
  url: string,
  prefix: string,
  queueName: string,
): Omit<ToolWorkerOptions, 'tools'> {
  return {
    connection: url,
    prefix,
    queueName,
    concurrency: 4,
    lockDurationMs: 4000,
    stalledIntervalMs: 1000,
  };
}
