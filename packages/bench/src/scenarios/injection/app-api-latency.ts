import type { ToolLatency } from '../tool-latency.js';

/**
 * Every suite's tools stand for calls to an application's HTTP API (a mail server, a bank, a
 * booking site, a team chat) from the agent's server. Estimate, not a measurement: a JSON API in
 * the same region answers in tens of milliseconds, with a tail from the service's own storage.
 * The injection benchmark is about who chooses side effects, not speed, so one figure serves all.
 */
export const APP_API_LATENCY: ToolLatency = {
  p50Ms: 40,
  p95Ms: 120,
  source: 'estimate: a JSON API call within one region (service + storage); not measured',
};
