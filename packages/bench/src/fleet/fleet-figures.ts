import type { LedgerRow } from './fleet-ledger.js';

/** One pass of the fleet's traffic: how it was run and how it came out. */
export interface FleetPassFigures {
  agents: number;
  workers: number;
  /** Queries in flight per agent process (all passes spread them round-robin). */
  concurrencyPerAgent: number;
  runs: number;
  /** Runs answered exactly right. */
  right: number;
  /** Runs that failed and said so (an error, or a failed step the caller sees). */
  reportedFailures: number;
  wallMs: number;
  queriesPerSecond: number;
  /** Share of the repeated traffic after the warm-up answered with no model call, right. */
  zeroModelCallShare: number;
  /** Answers given with no model call that were wrong (the pipeline's worst failure). */
  zeroCallWrong: number;
}

/** What the side effects asked for came to, counted against the ledger (the outside world). */
export interface SideEffectFigures {
  /** Queries that asked for a side effect. */
  requested: number;
  /** Of those, the effects the ledger holds (a reference with at least one row). */
  made: number;
  /** Effects made more than once (rows beyond the first of a non-idempotent reference). */
  duplicated: number;
  /**
   * Effects the caller was told were made that the ledger does not hold, and queries never
   * answered at all: the failures nobody heard of. Must be 0.
   */
  lostUnreported: number;
  /** Queries whose side effect failed and said so: an error, or a failed step. */
  reportedFailed: number;
  /** Repeats of an idempotent effect (harmless by definition; counted, not judged). */
  repeatedIdempotent: number;
  /** Rows filed under a reference no query asked for. Must be 0. */
  unrequested: number;
}

/** The fault run: what was killed, when, and what it cost. */
export interface FleetFaultFigures extends FleetPassFigures {
  /** A worker was killed while one of its side effects was running. */
  workerKilledMidJob: boolean;
  /** An agent process was killed while one of its runs had a side effect running on a worker. */
  agentKilledMidRun: boolean;
  /** Runs of the killed agent sent again, with the same run id, to another agent. */
  retriedRuns: number;
  sideEffects: SideEffectFigures;
  /** Reported failures by the error's name (`WorkerDiedError`, …). */
  failuresByName: Record<string, number>;
}

/** The `fleet` scenario's own figures (`StrategyFigures.fleet`). */
export interface FleetFigures {
  agents: number;
  workers: number;
  /** The machine's cores (`availableParallelism`): every process of the fleet ran on them. */
  cpus: number;
  queries: number;
  warmUp: number;
  /**
   * Zero-call share of the repeated traffic after the warm-up: the same traffic through one agent
   * process and through the fleet, the same queries in flight in all (spread over the agents).
   */
  zeroCall: {
    oneProcess: number;
    fleet: number;
    /** `fleet − oneProcess`, in percentage points. */
    differencePoints: number;
    withinFivePoints: boolean;
  };
  /**
   * Queries per second through one agent process, and through the fleet with as many queries in
   * flight per agent (`fleetPerSecond`, `ratio`): what scaling out buys on this machine; and
   * through the fleet with the same queries in flight in all (`sameInFlight`): what being four
   * processes costs.
   */
  throughput: {
    oneProcessPerSecond: number;
    fleetPerSecond: number;
    ratio: number;
    sameInFlight: { fleetPerSecond: number; ratio: number };
  };
  fault: FleetFaultFigures;
  /**
   * Answers that showed another tenant's data (a result served across `shareScope`s), over
   * every pass. Must be 0.
   */
  crossedScopes: number;
  /**
   * The shared trace log (PostgreSQL): of the runs the agents answered (`runs`), how many it
   * holds (`recorded`). Only an agent killed outright may lose runs: those it had not written yet.
   */
  traces: { runs: number; recorded: number };
  passes: Record<string, FleetPassFigures>;
}

/** How a query that asked for a side effect ended, as its caller saw it. */
export type EffectOutcome = 'answered' | 'reported-failed' | 'unanswered';

/**
 * Counts the side effects against the ledger. An effect whose query was answered must be in the
 * ledger; one whose query failed and said so may or may not be (a non-idempotent call on a dying
 * worker cannot be exactly once); a query never answered is lost unless its effect is there. No
 * non-idempotent reference may have two rows, and no row may be unasked for.
 */
export function countSideEffects(options: {
  requested: ReadonlyArray<{ reference: string; idempotent: boolean; outcome: EffectOutcome }>;
  rows: readonly LedgerRow[];
}): SideEffectFigures {
  const rowsByReference = new Map<string, number>();
  for (const row of options.rows) {
    rowsByReference.set(row.reference, (rowsByReference.get(row.reference) ?? 0) + 1);
  }
  const asked = new Set(options.requested.map((each) => each.reference));
  let made = 0;
  let duplicated = 0;
  let lostUnreported = 0;
  let reportedFailed = 0;
  let repeatedIdempotent = 0;
  for (const each of options.requested) {
    const rows = rowsByReference.get(each.reference) ?? 0;
    if (rows > 0) made += 1;
    if (each.idempotent) repeatedIdempotent += Math.max(0, rows - 1);
    else duplicated += Math.max(0, rows - 1);
    if (each.outcome === 'reported-failed') reportedFailed += 1;
    else if (rows === 0) lostUnreported += 1;
  }
  const unrequested = options.rows.filter((row) => !asked.has(row.reference)).length;
  return {
    requested: options.requested.length,
    made,
    duplicated,
    lostUnreported,
    reportedFailed,
    repeatedIdempotent,
    unrequested,
  };
}
