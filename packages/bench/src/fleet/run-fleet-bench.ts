import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import PQueue from 'p-queue';
import { computeRequestCost, type ModelProfile } from '@toolplan/simulator';
import type { StrategyFigures, StreamFigures } from '../bench-figures.js';
import type { BenchEndpoint } from '../create-metered-models.js';
import { quantile } from '../quantile.js';
import type { ScenarioContext } from '../scenarios/bench-scenario.js';
import { summariseStream, type StreamOutcome } from '../summarise-stream.js';
import { clearRedisKeys } from './clear-redis-keys.js';
import { countRecordedRuns } from './count-recorded-runs.js';
import {
  countSideEffects,
  type FleetFaultFigures,
  type FleetFigures,
  type FleetPassFigures,
} from './fleet-figures.js';
import { createFleetLedger, type FleetLedger } from './fleet-ledger.js';
import type { FleetChildMessage, FleetRunReply } from './fleet-messages.js';
import type { FleetScenario } from './fleet-scenario.js';
import type { FleetCase } from './fleet-traffic.js';
import {
  failureName,
  judgeFleetReply,
  requestedEffects,
  type FleetQueryOutcome,
} from './judge-fleet-reply.js';
import { probeFleetServices } from './probe-fleet-services.js';
import { queryPostgres } from './query-postgres.js';
import { startFleetProcess, type FleetProcess } from './start-fleet-process.js';

/** Longest a query may take before the bench counts it as never answered. */
const QUERY_TIMEOUT_MS = 120_000;
/** Sends of a query whose agent died before it answered (the same run id each time). */
const MAX_ATTEMPTS = 3;
/** The fault run kills its worker once this share of the traffic has been sent. */
const FAULT_AFTER = 0.25;
const QUEUE_NAME = 'fleet-tools';

/** Where the fleet's services are. */
export interface FleetServices {
  postgresUrl: string;
  redisUrl: string;
}

/** The services a machine of this project runs (and `.ci/run` starts). */
export const DEFAULT_FLEET_SERVICES: FleetServices = {
  postgresUrl: 'postgres://postgres@127.0.0.1:5432/test',
  redisUrl: 'redis://127.0.0.1:6379',
};

interface PassResult {
  outcomes: FleetQueryOutcome[];
  wallMs: number;
  workerKilledMidJob: boolean;
  agentKilledMidRun: boolean;
  retriedRuns: number;
  backgroundErrors: string[];
}

/**
 * Runs the fleet scenario: four passes of its traffic over processes of their own (see
 * `fleetScenario`), against `endpoint`. Skipped, with the reason, when PostgreSQL or Redis does
 * not answer. Everything the run writes — a schema in PostgreSQL, keys in Redis — is its own
 * (named after a random tag) and removed at the end.
 */
export async function runFleetBench(options: {
  scenario: FleetScenario;
  services: FleetServices;
  endpoint: BenchEndpoint;
  profile: ModelProfile;
  context: ScenarioContext;
  onRunEnd?: (outcome: 'right' | 'wrong' | 'transport-error') => void;
}): Promise<{ figures: StrategyFigures } | { skipped: string }> {
  const { scenario, services, context } = options;
  const unreachable = await probeFleetServices(services);
  if (unreachable !== undefined) return { skipped: unreachable };
  const tag = `fleet_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const ledgerSchema = `${tag}_effects`;
  const tracesUrl = new URL(services.postgresUrl);
  tracesUrl.searchParams.set('schema', `${tag}_traces`);
  const ledger: FleetLedger = await createFleetLedger({
    url: services.postgresUrl,
    schema: ledgerSchema,
  });
  const traffic = scenario.traffic(context.seed);
  const pass = (name: string, shape: { agents: number; concurrencyPerAgent: number }) =>
    runPass({
      name,
      ...shape,
      workers: scenario.workers,
      traffic,
      fault: name === 'fault',
      tag,
      ledgerSchema,
      tracesUrl: tracesUrl.toString(),
      services,
      endpoint: options.endpoint,
      context,
      ...(options.onRunEnd === undefined ? {} : { onRunEnd: options.onRunEnd }),
    });
  try {
    await ledger.create();
    const perAgent = Math.max(1, Math.round(scenario.concurrency / scenario.agents));
    // Each pass's shape, said once: what it runs with and what its figures report.
    const shapes = {
      'one-process': { agents: 1, concurrencyPerAgent: scenario.concurrency },
      fleet: { agents: scenario.agents, concurrencyPerAgent: perAgent },
      'fleet-throughput': { agents: scenario.agents, concurrencyPerAgent: scenario.concurrency },
      fault: { agents: scenario.agents, concurrencyPerAgent: perAgent },
    };
    type PassName = keyof typeof shapes;
    const names = Object.keys(shapes) as PassName[];
    const passes = {} as Record<PassName, PassResult>;
    for (const name of names) passes[name] = await pass(name, shapes[name]);
    const streams = Object.fromEntries(
      names.map((name) => [
        name,
        summariseStream({
          warmUp: scenario.warmUp,
          repeatedKinds: scenario.repeatedKinds,
          outcomes: streamOutcomes(passes[name].outcomes, options.profile),
        }),
      ]),
    ) as Record<PassName, StreamFigures>;
    const passFigures = Object.fromEntries(
      names.map((name) => [
        name,
        summarisePass({
          result: passes[name],
          stream: streams[name],
          ...shapes[name],
          workers: scenario.workers,
        }),
      ]),
    ) as Record<PassName, FleetPassFigures>;
    const faultOutcomes = passes.fault.outcomes;
    // Each pass's side effects against the ledger: the fault run's, and the clean passes' (exactly
    // once each there, none failed).
    const effectsOf = async (name: keyof typeof passes) =>
      countSideEffects({
        requested: requestedEffects(passes[name].outcomes),
        rows: await ledger.rows(name),
      });
    const sideEffects = await effectsOf('fault');
    const cleanEffects = await Promise.all(
      (['one-process', 'fleet', 'fleet-throughput'] as const).map(effectsOf),
    );
    const failuresByName: Record<string, number> = {};
    for (const outcome of faultOutcomes) {
      const name = failureName(outcome);
      if (name !== undefined) failuresByName[name] = (failuresByName[name] ?? 0) + 1;
    }
    const fault: FleetFaultFigures = {
      ...passFigures.fault,
      workerKilledMidJob: passes.fault.workerKilledMidJob,
      agentKilledMidRun: passes.fault.agentKilledMidRun,
      retriedRuns: passes.fault.retriedRuns,
      sideEffects,
      failuresByName,
    };
    const oneProcess = passFigures['one-process'];
    const shared = passFigures.fleet;
    const differencePoints = (shared.zeroModelCallShare - oneProcess.zeroModelCallShare) * 100;
    const crossedScopes = Object.values(passes).reduce(
      (sum, result) => sum + result.outcomes.filter((outcome) => outcome.crossedScope).length,
      0,
    );
    // What the agents recorded in the shared trace log of the runs they answered.
    const answered = Object.values(passes).flatMap((result) =>
      result.outcomes.flatMap((outcome) => (outcome.reply === undefined ? [] : [outcome.runId])),
    );
    const traces = {
      runs: answered.length,
      recorded: await countRecordedRuns({
        url: services.postgresUrl,
        schema: `${tag}_traces`,
        runIds: answered,
      }),
    };
    const fleet: FleetFigures = {
      agents: scenario.agents,
      workers: scenario.workers,
      cpus: availableParallelism(),
      queries: traffic.length,
      warmUp: scenario.warmUp,
      zeroCall: {
        oneProcess: oneProcess.zeroModelCallShare,
        fleet: shared.zeroModelCallShare,
        differencePoints,
        withinFivePoints: Math.abs(differencePoints) <= 5,
      },
      throughput: {
        oneProcessPerSecond: oneProcess.queriesPerSecond,
        fleetPerSecond: passFigures['fleet-throughput'].queriesPerSecond,
        ratio: passFigures['fleet-throughput'].queriesPerSecond / oneProcess.queriesPerSecond,
        sameInFlight: {
          fleetPerSecond: shared.queriesPerSecond,
          ratio: shared.queriesPerSecond / oneProcess.queriesPerSecond,
        },
      },
      fault,
      crossedScopes,
      traces,
      passes: passFigures,
    };
    // The fault run may fail queries, if it says so; everything else must be right.
    const cleanRight = (['one-process', 'fleet', 'fleet-throughput'] as const).every(
      (name) => passFigures[name].right === passFigures[name].runs,
    );
    const faultAccounted = faultOutcomes.every(
      (outcome) =>
        outcome.correct || (outcome.reply !== undefined && failureName(outcome) !== undefined),
    );
    const safe =
      crossedScopes === 0 &&
      [sideEffects, ...cleanEffects].every(
        (each) => each.duplicated === 0 && each.lostUnreported === 0 && each.unrequested === 0,
      ) &&
      cleanEffects.every((each) => each.reportedFailed === 0);
    return {
      figures: {
        ...measure(passes.fleet.outcomes, options.profile),
        correct: cleanRight && faultAccounted && safe,
        cases: traffic.length,
        runs: Object.values(passes).reduce((sum, result) => sum + result.outcomes.length, 0),
        correctRuns: Object.values(passes).reduce(
          (sum, result) => sum + result.outcomes.filter((outcome) => outcome.correct).length,
          0,
        ),
        transportErrors: 0,
        stream: streams.fleet,
        fleet,
        ...failuresOf(passes, cleanEffects),
      },
    };
  } finally {
    await ledger.drop().catch(() => {});
    await ledger.close().catch(() => {});
    await dropSchema(services.postgresUrl, `${tag}_traces`).catch(() => {});
    await clearRedisKeys({
      url: services.redisUrl,
      patterns: [`toolplan:${tag}*`, `${tag}*`],
    }).catch(() => {});
  }
}

/** One pass: its processes started, the traffic sent round-robin, the processes closed. */
async function runPass(options: {
  name: string;
  agents: number;
  workers: number;
  concurrencyPerAgent: number;
  traffic: readonly FleetCase[];
  fault: boolean;
  tag: string;
  ledgerSchema: string;
  tracesUrl: string;
  services: FleetServices;
  endpoint: BenchEndpoint;
  context: ScenarioContext;
  onRunEnd?: (outcome: 'right' | 'wrong' | 'transport-error') => void;
}): Promise<PassResult> {
  const { name, traffic, services, context } = options;
  const namespace = `${options.tag}-${name}`;
  const backgroundErrors: string[] = [];
  /** Replies awaited, by request id; and which agent holds each. */
  const waiting = new Map<
    number,
    {
      resolve: (reply: FleetRunReply) => void;
      reject: (error: Error) => void;
      agent: number;
      runId: string;
    }
  >();
  let nextRequest = 0;
  let sent = 0;
  let workerKilledMidJob = false;
  let agentKilledMidRun = false;
  let retriedRuns = 0;
  const workers: FleetProcess[] = [];
  const agents: FleetProcess[] = [];
  const onAgentMessage = (message: FleetChildMessage) => {
    if (message.type === 'background-error') backgroundErrors.push(message.message);
    if (message.type !== 'result' && message.type !== 'error') return;
    const pending = waiting.get(message.id);
    waiting.delete(message.id);
    pending?.resolve(message);
  };
  // The fault run's two kills: a worker while it runs a side effect that is not idempotent (once a
  // quarter of the traffic is out), then the agent whose run is waiting on a side effect.
  const onWorkerMessage = (worker: number) => (message: FleetChildMessage) => {
    if (!options.fault || message.type !== 'effect' || message.event !== 'start') return;
    if (!workerKilledMidJob) {
      if (message.tool !== 'place_order' || sent < traffic.length * FAULT_AFTER) return;
      workerKilledMidJob = true;
      workers[worker]?.kill();
      return;
    }
    if (agentKilledMidRun) return;
    const holder = [...waiting.values()].find((pending) =>
      message.idempotencyKey.startsWith(`${pending.runId}:`),
    );
    const agent = holder === undefined ? undefined : agents[holder.agent];
    if (agent === undefined || agent.exited) return;
    agentKilledMidRun = true;
    agent.kill();
  };
  try {
    workers.push(
      ...(await Promise.all(
        Array.from({ length: options.workers }, (_, index) =>
          startFleetProcess({
            entry: 'fleet-worker-process',
            name: `worker ${index + 1} (${name})`,
            init: {
              redisUrl: services.redisUrl,
              postgresUrl: services.postgresUrl,
              ledgerSchema: options.ledgerSchema,
              pass: name,
              queuePrefix: namespace,
              queueName: QUEUE_NAME,
              seed: context.seed,
              speed: context.speed,
            },
            onMessage: onWorkerMessage(index),
          }),
        ),
      )),
    );
    agents.push(
      ...(await Promise.all(
        Array.from({ length: options.agents }, (_, index) =>
          startFleetProcess({
            entry: 'fleet-agent-process',
            name: `agent ${index + 1} (${name})`,
            init: {
              baseURL: options.endpoint.baseURL,
              modelId: options.endpoint.modelId,
              ...(options.endpoint.apiKey === undefined ? {} : { apiKey: options.endpoint.apiKey }),
              ...(options.endpoint.headers === undefined
                ? {}
                : { headers: options.endpoint.headers }),
              namespace: `fleet/${name}`,
              redisUrl: services.redisUrl,
              tracesUrl: options.tracesUrl,
              app: namespace,
              queuePrefix: namespace,
              queueName: QUEUE_NAME,
              seed: context.seed,
              speed: context.speed,
            },
            onMessage: onAgentMessage,
          }),
        ),
      )),
    );
    // A dead agent's runs are answered by nobody: each is sent again elsewhere.
    agents.forEach((agent, index) => {
      void agent.exit.then(() => {
        for (const [id, pending] of waiting) {
          if (pending.agent !== index) continue;
          waiting.delete(id);
          pending.reject(new Error(`${agent.name} died`));
        }
      });
    });
    let turn = 0;
    const nextAgent = (): number => {
      for (let tried = 0; tried < agents.length; tried += 1) {
        const index = turn % agents.length;
        turn += 1;
        if (agents[index]?.exited === false) return index;
      }
      throw new Error('every agent process of the fleet is dead');
    };
    const ask = (benchCase: FleetCase, runId: string): Promise<FleetRunReply> => {
      const agent = nextAgent();
      const id = nextRequest++;
      return new Promise<FleetRunReply>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`no answer within ${QUERY_TIMEOUT_MS} ms`));
        }, QUERY_TIMEOUT_MS);
        waiting.set(id, {
          resolve: (reply) => {
            clearTimeout(timer);
            resolve(reply);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
          agent,
          runId,
        });
        agents[agent]?.send({
          type: 'run',
          id,
          query: benchCase.query,
          tenant: benchCase.tenant,
          runId,
        });
      });
    };
    const queue = new PQueue({ concurrency: options.agents * options.concurrencyPerAgent });
    const started = performance.now();
    const outcomes = await Promise.all(
      traffic.map((benchCase, position) =>
        queue.add(async (): Promise<FleetQueryOutcome> => {
          sent += 1;
          const runId = `${namespace}-${benchCase.id}`;
          const began = performance.now();
          let reply: FleetRunReply | undefined;
          let attempts = 0;
          while (reply === undefined && attempts < MAX_ATTEMPTS) {
            attempts += 1;
            try {
              reply = await ask(benchCase, runId);
            } catch (error) {
              if (!/died$/.test((error as Error).message)) break;
              retriedRuns += 1;
            }
          }
          const outcome = judgeFleetReply({
            benchCase,
            runId,
            position,
            latencyMs: performance.now() - began,
            attempts,
            ...(reply === undefined ? {} : { reply }),
          });
          options.onRunEnd?.(outcome.correct ? 'right' : 'wrong');
          return outcome;
        }),
      ),
    );
    return {
      outcomes,
      wallMs: performance.now() - started,
      workerKilledMidJob,
      agentKilledMidRun,
      retriedRuns,
      backgroundErrors,
    };
  } finally {
    await Promise.all([...agents, ...workers].map((each) => each.close()));
  }
}

function summarisePass(options: {
  result: PassResult;
  stream: StreamFigures;
  agents: number;
  workers: number;
  concurrencyPerAgent: number;
}): FleetPassFigures {
  const { result, stream } = options;
  return {
    agents: options.agents,
    workers: options.workers,
    concurrencyPerAgent: options.concurrencyPerAgent,
    runs: result.outcomes.length,
    right: result.outcomes.filter((outcome) => outcome.correct).length,
    reportedFailures: result.outcomes.filter((outcome) => failureName(outcome) !== undefined)
      .length,
    wallMs: result.wallMs,
    queriesPerSecond: result.outcomes.length / (result.wallMs / 1000),
    zeroModelCallShare: stream.zeroModelCallShare,
    zeroCallWrong: stream.zeroCallWrong ?? 0,
  };
}

function streamOutcomes(
  outcomes: readonly FleetQueryOutcome[],
  profile: ModelProfile | undefined,
): StreamOutcome[] {
  return outcomes.map((outcome) => ({
    ...measureOne(outcome, profile),
    position: outcome.position,
    kind: outcome.benchCase.kind ?? 'unknown',
  }));
}

function measureOne(outcome: FleetQueryOutcome, profile: ModelProfile | undefined) {
  const reply = outcome.reply?.type === 'result' ? outcome.reply : undefined;
  const inputTokens = reply?.inputTokens ?? 0;
  const cachedInputTokens = reply?.cachedInputTokens ?? 0;
  const outputTokens = reply?.outputTokens ?? 0;
  return {
    latencyMs: outcome.latencyMs,
    // An unanswered query made calls nobody counted: at least one.
    llmCalls: reply?.llmCalls ?? 1,
    inputTokens,
    cachedInputTokens,
    outputTokens,
    costUsd:
      profile === undefined
        ? 0
        : computeRequestCost(
            {
              promptTokens: inputTokens,
              cachedTokens: cachedInputTokens,
              completionTokens: outputTokens,
            },
            profile,
          ),
    toolCalls: reply?.steps.length ?? 0,
    correct: outcome.correct,
  };
}

/** The fleet pass's figures in the form every scenario reports. */
function measure(
  outcomes: readonly FleetQueryOutcome[],
  profile: ModelProfile,
): Omit<StrategyFigures, 'correct' | 'cases' | 'runs' | 'correctRuns' | 'transportErrors'> {
  const each = outcomes.map((outcome) => measureOne(outcome, profile));
  const mean = (pick: (one: (typeof each)[number]) => number) =>
    each.reduce((sum, one) => sum + pick(one), 0) / Math.max(1, each.length);
  const latencies = each.map((one) => one.latencyMs).sort((left, right) => left - right);
  return {
    latencyMs: mean((one) => one.latencyMs),
    llmCalls: mean((one) => one.llmCalls),
    inputTokens: mean((one) => one.inputTokens),
    cachedInputTokens: mean((one) => one.cachedInputTokens),
    outputTokens: mean((one) => one.outputTokens),
    costUsd: mean((one) => one.costUsd),
    toolCalls: mean((one) => one.toolCalls),
    latencyP50Ms: quantile(latencies, 0.5),
    latencyP95Ms: quantile(latencies, 0.95),
  };
}

/** The first few things that went wrong, for the report. */
function failuresOf(
  passes: Record<string, PassResult>,
  cleanEffects: ReadonlyArray<ReturnType<typeof countSideEffects>>,
): { failures?: string[] } {
  const failures = Object.entries(passes).flatMap(([name, result]) =>
    result.outcomes
      .filter(
        (outcome) => !outcome.correct && (name !== 'fault' || failureName(outcome) === undefined),
      )
      .map((outcome) => {
        const reply = outcome.reply;
        const said =
          reply === undefined
            ? 'no answer'
            : reply.type === 'error'
              ? `${reply.name}: ${reply.message}`
              : `answered ${JSON.stringify(reply.answer.slice(0, 160))}`;
        const stepErrors = (reply?.steps ?? []).flatMap((step) =>
          step.error === undefined ? [] : [`${step.tool}: ${step.error}`],
        );
        return `${name} ${outcome.benchCase.id}: ${said}${stepErrors.length === 0 ? '' : ` (failed steps: ${stepErrors.join('; ')})`}, expected ${JSON.stringify(outcome.benchCase.expectedAnswer.slice(0, 160))}`;
      }),
  );
  cleanEffects.forEach((each, index) => {
    if (each.duplicated + each.lostUnreported + each.unrequested + each.reportedFailed > 0) {
      failures.push(`clean pass ${index + 1}: side effects ${JSON.stringify(each)}`);
    }
  });
  return failures.length === 0 ? {} : { failures: failures.slice(0, 5) };
}

async function dropSchema(url: string, schema: string): Promise<void> {
  await queryPostgres({ url, text: `DROP SCHEMA IF EXISTS ${schema} CASCADE` });
}
