import { probeFleetServices } from './probe-fleet-services.js';
import type { FleetServices } from './run-fleet-bench.js';

/**
 * The machine's PostgreSQL and Redis for the fleet's tests (`.ci/run` starts them), or where
 * `TOOLPLAN_TEST_POSTGRES_URL` and `TOOLPLAN_TEST_REDIS_URL` say. Away, a test file skips saying
 * so once, except under CI, where their absence fails the run.
 */
export async function fleetServicesForTests(file: string): Promise<FleetServices | undefined> {
  const services: FleetServices = {
    postgresUrl:
      process.env['TOOLPLAN_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test',
    redisUrl: process.env['TOOLPLAN_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
  };
  const unreachable = await probeFleetServices(services);
  if (unreachable === undefined) return services;
  if ((process.env['CI'] ?? '') !== '') throw new Error(`${file}: ${unreachable}`);
  process.stderr.write(`skipping ${file}: ${unreachable}\n`);
  return undefined;
}
