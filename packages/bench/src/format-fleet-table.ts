import type { StrategyFigures } from './bench-figures.js';
import { formatTextTable } from './format-text-table.js';

/**
 * The fleet scenario's own tables: each pass (processes, queries in flight, wall time,
 * throughput, zero-call share after the warm-up, answers), the comparisons the scenario is for,
 * and the fault run's count of side effects. Nothing for other scenarios.
 */
export function formatFleetTable(byStrategy: Record<string, StrategyFigures>): string[] {
  const fleet = Object.values(byStrategy).find((figures) => figures.fleet !== undefined)?.fleet;
  if (fleet === undefined) return [];
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  const effects = fleet.fault.sideEffects;
  const failures = Object.entries(fleet.fault.failuresByName)
    .map(([name, count]) => `${count} ${name}`)
    .join(', ');
  return [
    '',
    `fleet — ${fleet.queries} queries (${fleet.warmUp} of warm-up) in each pass, round-robin over the agent processes; ${fleet.workers} BullMQ workers run the heavy tools`,
    formatTextTable(
      [
        'pass',
        'agents',
        'in flight',
        'wall',
        'queries/s',
        '0-call share',
        '0-call wrong',
        'right',
        'reported failed',
      ],
      Object.entries(fleet.passes).map(([name, pass]) => [
        name,
        String(pass.agents),
        `${pass.agents * pass.concurrencyPerAgent} (${pass.concurrencyPerAgent} each)`,
        `${(pass.wallMs / 1000).toFixed(1)} s`,
        pass.queriesPerSecond.toFixed(1),
        percent(pass.zeroModelCallShare),
        String(pass.zeroCallWrong),
        `${pass.right}/${pass.runs}`,
        String(pass.reportedFailures),
      ]),
    ),
    `zero-call share after warm-up: one process ${percent(fleet.zeroCall.oneProcess)}, fleet ${percent(fleet.zeroCall.fleet)} (${fleet.zeroCall.differencePoints >= 0 ? '+' : ''}${fleet.zeroCall.differencePoints.toFixed(1)} points; ${fleet.zeroCall.withinFivePoints ? 'within' : 'NOT within'} 5)`,
    `throughput: ${fleet.throughput.fleetPerSecond.toFixed(1)} queries/s through ${fleet.agents} processes against ${fleet.throughput.oneProcessPerSecond.toFixed(1)} through one (${fleet.throughput.ratio.toFixed(2)}×); with the same queries in flight in all, ${fleet.throughput.sameInFlight.fleetPerSecond.toFixed(1)} (${fleet.throughput.sameInFlight.ratio.toFixed(2)}×) — on ${fleet.cpus} cores`,
    `fault run: a worker killed mid-job ${fleet.fault.workerKilledMidJob ? 'yes' : 'NO'}, an agent killed mid-run ${fleet.fault.agentKilledMidRun ? 'yes' : 'NO'}; ${fleet.fault.retriedRuns} run(s) retried with their run id; ${effects.requested} side effects asked: ${effects.made} made, ${effects.duplicated} duplicated, ${effects.lostUnreported} lost unreported, ${effects.reportedFailed} reported failed${failures === '' ? '' : ` (${failures})`}, ${effects.repeatedIdempotent} idempotent repeats, ${effects.unrequested} unasked`,
    `answers across tenants (shareScope crossed): ${fleet.crossedScopes}`,
    `trace log (PostgreSQL, shared by every agent): ${fleet.traces.recorded} of the ${fleet.traces.runs} runs answered recorded`,
  ];
}
