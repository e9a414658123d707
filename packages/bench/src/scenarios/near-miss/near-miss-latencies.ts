import type { ToolLatency } from '../tool-latency.js';

/** Estimates, not measurements (no network here): the near-miss domains' services. */
export const PUBLIC_API: ToolLatency = {
  p50Ms: 120,
  p95Ms: 350,
  source: 'estimate: a public HTTP API in another region (weather, flights, market data)',
};
export const INTERNAL_SERVICE: ToolLatency = {
  p50Ms: 40,
  p95Ms: 110,
  source: 'estimate: an internal service in the same region (one indexed read)',
};
export const EXPORT_JOB: ToolLatency = {
  p50Ms: 400,
  p95Ms: 1200,
  source: 'estimate: an export job that streams a large result set to storage',
};
export const IN_PROCESS: ToolLatency = {
  p50Ms: 0.5,
  p95Ms: 2,
  source: 'estimate: pure in-process computation',
};

/** Every near-miss tool is a read: a chain mined from the stream may run it unreviewed. */
export const READ_ONLY = { readOnly: true, idempotent: true } as const;
