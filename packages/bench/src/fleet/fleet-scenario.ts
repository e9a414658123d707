import { REPEAT_TRAFFIC_KINDS } from '../scenarios/repeat-traffic-scenario.js';
import { fleetTraffic, type FleetCase } from './fleet-traffic.js';

/**
 * A scenario run on several processes sharing PostgreSQL and Redis, not in the bench's own:
 * its figures are the fleet's (`FleetFigures`), run after every other scenario.
 */
export interface FleetScenario {
  /** Stable: a contract of `toolplan bench --scenario` and `--json`. */
  name: string;
  description: string;
  /** Agent processes and worker processes of the fleet. */
  agents: number;
  workers: number;
  /**
   * Queries in flight in all, in the passes that compare learning (one process, the fleet): the
   * same in both, so that only where the learning lives differs.
   */
  concurrency: number;
  /** The first queries of the traffic: the learners' warm-up. */
  warmUp: number;
  /** The kinds over which the zero-call share is reported. */
  repeatedKinds: readonly string[];
  traffic(seed: number): FleetCase[];
}

/**
 * # fleet — four agent processes and two tool workers sharing PostgreSQL and Redis
 *
 * The fleet traffic (`fleetTraffic`: repeat-traffic with tenants, tenant-private reads and side
 * effects), spread round-robin over 4 agent processes that learn through one Redis store, record
 * their runs in one PostgreSQL trace log and run their heavy tools on 2 BullMQ workers. Four
 * passes, each in a namespace of its own (nothing learned carries over): one agent process; the
 * fleet with the same queries in flight (learning compared); the fleet with as many in flight
 * per agent as the one process had (throughput compared); and the fault run, in which a worker
 * is killed mid-job and an agent mid-run, its runs retried elsewhere with their run ids.
 */
export const fleetScenario: FleetScenario = {
  name: 'fleet',
  description:
    '4 agent processes + 2 BullMQ workers on PostgreSQL and Redis: shared learning, throughput, and a kill -9 fault run',
  agents: 4,
  workers: 2,
  concurrency: 24,
  warmUp: 48,
  repeatedKinds: [...REPEAT_TRAFFIC_KINDS, 'my-balance'],
  traffic: fleetTraffic,
};
