// One tool worker of the fleet: forked by `runFleetBench`, told where the queue and the ledger
// are by its first message (`FleetWorkerInit`). It runs the fleet's queued tools and tells its
// parent when a side effect starts and ends, so that the fault run can kill it mid-job.
import { startToolWorker, type ToolWorker } from 'toolplan/queue';
import { createFleetLedger, type FleetLedger } from './fleet-ledger.js';
import type { FleetWorkerInit } from './fleet-messages.js';
import { send, serveFleetProcess } from './serve-fleet-process.js';
import { fleetTools } from './fleet-tools.js';

/**
 * A dead worker is noticed within about 12 s (BullMQ's defaults: 30 s), and a busy but living one
 * is not taken for dead: its lock is renewed every 5 s, far more often than a starved event loop
 * on two cores stalls (measured: p99 under 0.3 s in the bench).
 */
const LOCK_DURATION_MS = 10_000;
const STALLED_INTERVAL_MS = 2_000;
/** Calls at once per worker: the tools wait on services, not on this process's CPU. */
const CONCURRENCY = 64;

async function start(init: FleetWorkerInit) {
  const ledger: FleetLedger = await createFleetLedger({
    url: init.postgresUrl,
    schema: init.ledgerSchema,
    pass: init.pass,
  });
  const tools = fleetTools({
    context: { speed: init.speed, seed: init.seed },
    ledger,
    onEffect: (event) =>
      send({
        type: 'effect',
        event: event.type,
        idempotencyKey: event.idempotencyKey,
        tool: event.tool,
      }),
  });
  const worker: ToolWorker = await startToolWorker({
    tools: tools.queued,
    connection: init.redisUrl,
    prefix: init.queuePrefix,
    queueName: init.queueName,
    concurrency: CONCURRENCY,
    lockDurationMs: LOCK_DURATION_MS,
    stalledIntervalMs: STALLED_INTERVAL_MS,
  });
  return {
    close: async () => {
      await worker.close();
      await ledger.close();
    },
  };
}

serveFleetProcess<FleetWorkerInit, never, Awaited<ReturnType<typeof start>>>({ start });
