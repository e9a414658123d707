import { describe, expect, it } from 'vitest';
import type { StrategyFigures } from './bench-figures.js';
import type { FleetFigures, FleetPassFigures } from './fleet/fleet-figures.js';
import { formatFleetTable } from './format-fleet-table.js';

const pass = (overrides: Partial<FleetPassFigures>): FleetPassFigures => ({
  agents: 4,
  workers: 2,
  concurrencyPerAgent: 6,
  runs: 288,
  right: 288,
  reportedFailures: 0,
  wallMs: 10_000,
  queriesPerSecond: 28.8,
  zeroModelCallShare: 0.78,
  zeroCallWrong: 0,
  ...overrides,
});

const fleet: FleetFigures = {
  agents: 4,
  workers: 2,
  cpus: 2,
  queries: 288,
  warmUp: 48,
  zeroCall: { oneProcess: 0.781, fleet: 0.766, differencePoints: -1.5, withinFivePoints: true },
  throughput: {
    oneProcessPerSecond: 30,
    fleetPerSecond: 27,
    ratio: 0.9,
    sameInFlight: { fleetPerSecond: 28.2, ratio: 0.94 },
  },
  fault: {
    ...pass({ right: 287, reportedFailures: 1 }),
    workerKilledMidJob: true,
    agentKilledMidRun: true,
    retriedRuns: 5,
    sideEffects: {
      requested: 24,
      made: 23,
      duplicated: 0,
      lostUnreported: 0,
      reportedFailed: 1,
      repeatedIdempotent: 0,
      unrequested: 0,
    },
    failuresByName: { WorkerDiedError: 1 },
  },
  crossedScopes: 0,
  traces: { runs: 1_152, recorded: 1_150 },
  passes: {
    'one-process': pass({ agents: 1, concurrencyPerAgent: 24 }),
    fleet: pass({}),
  },
};

const figures = { fleet } as unknown as StrategyFigures;

describe('formatFleetTable', () => {
  it('prints each pass, the comparisons and the fault run', () => {
    const text = formatFleetTable({ optimized: figures }).join('\n');
    expect(text).toMatch(/one-process +1 +24 \(24 each\)/);
    expect(text).toMatch(/fleet +4 +24 \(6 each\)/);
    expect(text).toContain(
      'zero-call share after warm-up: one process 78.1%, fleet 76.6% (-1.5 points; within 5)',
    );
    expect(text).toContain('27.0 queries/s through 4 processes against 30.0 through one (0.90×)');
    expect(text).toContain('with the same queries in flight in all, 28.2 (0.94×) — on 2 cores');
    expect(text).toContain(
      '24 side effects asked: 23 made, 0 duplicated, 0 lost unreported, 1 reported failed (1 WorkerDiedError)',
    );
    expect(text).toContain('answers across tenants (shareScope crossed): 0');
    expect(text).toContain('1150 of the 1152 runs answered recorded');
  });

  it('says so when the fleet learned more than 5 points worse, or a kill did not land', () => {
    const worse = {
      ...fleet,
      zeroCall: { ...fleet.zeroCall, differencePoints: -7, withinFivePoints: false },
      fault: { ...fleet.fault, agentKilledMidRun: false },
    };
    const text = formatFleetTable({
      optimized: { fleet: worse } as unknown as StrategyFigures,
    }).join('\n');
    expect(text).toContain('NOT within 5');
    expect(text).toContain('an agent killed mid-run NO');
  });

  it('prints nothing for other scenarios', () => {
    expect(formatFleetTable({ optimized: {} as StrategyFigures })).toEqual([]);
  });
});
