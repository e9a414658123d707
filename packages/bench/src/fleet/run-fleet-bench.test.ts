import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulatedProvider, resolveModelProfile } from '@toolplan/simulator';
import { uniqueScripts } from '../unique-scripts.js';
import { fleetScenario, type FleetScenario } from './fleet-scenario.js';
import { fleetServicesForTests } from './fleet-services.test-utils.js';
import { fleetTraffic } from './fleet-traffic.js';
import { runFleetBench } from './run-fleet-bench.js';

const services = await fleetServicesForTests('run-fleet-bench.test.ts');
const profile = resolveModelProfile('gpt-4o');
const speed = 4;

/** The fleet's traffic cut to 96 queries: every side effect, and the first 72 of the rest. */
function shortTraffic(seed: number) {
  const all = fleetTraffic(seed);
  const kept = new Set(all.filter((each) => each.effect === undefined).slice(0, 72));
  return all.filter((each) => each.effect !== undefined || kept.has(each));
}

const scenario: FleetScenario = { ...fleetScenario, warmUp: 24, traffic: shortTraffic };

async function fleetSchemas(): Promise<string[]> {
  const client = new pg.Client({ connectionString: services?.postgresUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "SELECT schema_name AS name FROM information_schema.schemata WHERE schema_name LIKE 'fleet\\_%'",
    );
    return rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}

describe('runFleetBench', () => {
  let provider: Awaited<ReturnType<typeof createSimulatedProvider>> | undefined;
  /** The simulated model's failed replies (a script that does not fit its traffic). */
  const scriptErrors: string[] = [];
  beforeAll(async () => {
    provider = await createSimulatedProvider({
      logger: { error: (message) => scriptErrors.push(message) },
      profile,
      speed,
      seed: 1,
      scripts: { scenarios: uniqueScripts(shortTraffic(1).map((each) => each.script)) },
    });
  });
  afterAll(async () => {
    await provider?.close();
  });

  it('is skipped, saying which service did not answer, when one does not', async () => {
    const outcome = await runFleetBench({
      scenario,
      services: {
        postgresUrl: services?.postgresUrl ?? 'postgres://postgres@127.0.0.1:5432/test',
        redisUrl: 'redis://127.0.0.1:1',
      },
      endpoint: { baseURL: provider?.url ?? '', modelId: profile.name },
      profile,
      context: { speed, seed: 1 },
    });
    expect(outcome).toEqual({
      skipped: expect.stringMatching(/Redis at redis:\/\/127\.0\.0\.1:1 did not answer/),
    });
  });

  it.skipIf(services === undefined)(
    'runs 4 agent and 2 worker processes: every answer right, and under kill -9 no side effect duplicated or lost unreported, nothing across tenants',
    async () => {
      const before = await fleetSchemas();
      const outcome = await runFleetBench({
        scenario,
        services: services as NonNullable<typeof services>,
        endpoint: { baseURL: provider?.url ?? '', modelId: profile.name },
        profile,
        context: { speed, seed: 1 },
      });
      if (!('figures' in outcome)) throw new Error(`skipped: ${outcome.skipped}`);
      const { figures } = outcome;
      const fleet = figures.fleet;
      if (fleet === undefined) throw new Error('no fleet figures');
      expect(figures.failures).toBeUndefined();
      expect(figures.correct).toBe(true);
      expect(Object.keys(fleet.passes)).toEqual([
        'one-process',
        'fleet',
        'fleet-throughput',
        'fault',
      ]);
      for (const name of ['one-process', 'fleet', 'fleet-throughput'] as const) {
        expect(fleet.passes[name]?.right).toBe(96);
      }
      expect(fleet.passes['fleet']).toMatchObject({
        agents: 4,
        workers: 2,
        concurrencyPerAgent: 6,
      });
      // Learning reached the fleet: repeated queries answered with no model call. (How many is a
      // bench figure: on a loaded machine, fewer of this short traffic's queries come after it.)
      expect(fleet.zeroCall.fleet).toBeGreaterThan(0);
      expect(fleet.zeroCall.oneProcess).toBeGreaterThan(0);
      expect(fleet.fault).toMatchObject({ workerKilledMidJob: true, agentKilledMidRun: true });
      expect(fleet.fault.retriedRuns).toBeGreaterThan(0);
      expect(fleet.fault.sideEffects).toMatchObject({
        requested: 24,
        duplicated: 0,
        lostUnreported: 0,
        unrequested: 0,
      });
      expect(
        fleet.fault.sideEffects.made + fleet.fault.sideEffects.reportedFailed,
      ).toBeGreaterThanOrEqual(24);
      expect(fleet.crossedScopes).toBe(0);
      // A failed order is answered as a failure (the script's `joinFailure`), never a script error.
      expect(scriptErrors).toEqual([]);
      // The shared trace log holds every run but what the killed agent had not written yet.
      expect(fleet.traces.runs).toBe(4 * 96);
      expect(fleet.traces.recorded).toBeLessThanOrEqual(fleet.traces.runs);
      expect(fleet.traces.recorded).toBeGreaterThanOrEqual(fleet.traces.runs - 20);
      // Nothing of the run is left in PostgreSQL.
      expect((await fleetSchemas()).filter((name) => !before.includes(name))).toEqual([]);
    },
    300_000,
  );
});
