// One agent process of the fleet: forked by `runFleetBench`, told what to share by its first
// message (`FleetAgentInit`), then given queries (`FleetRunRequest`) to answer, any number at
// once. It learns through Redis, records its runs in PostgreSQL, and runs its heavy tools on the
// workers through BullMQ: a fleet's process as a user would build it.
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  createAgent,
  createOpenAICompatibleModel,
  createTraceStore,
  redisStore,
  type Agent,
} from 'toolplan/internal';
import { queueTools } from 'toolplan/queue';
import { fleetTools } from './fleet-tools.js';
import type { FleetAgentInit, FleetRunReply, FleetRunRequest } from './fleet-messages.js';
import { send, serveFleetProcess } from './serve-fleet-process.js';

async function start(init: FleetAgentInit) {
  // The tenant of each request, as a server keeps the signed-in user: the tenant-private tool
  // reads it here, never from its arguments.
  const tenants = new AsyncLocalStorage<string>();
  const tools = fleetTools({
    context: { speed: init.speed, seed: init.seed },
    tenantOf: () => tenants.getStore(),
  });
  const queued = queueTools(tools.queued, {
    connection: init.redisUrl,
    prefix: init.queuePrefix,
    queueName: init.queueName,
  });
  const store = redisStore({
    url: init.redisUrl,
    app: init.app,
    inFlight: { tools: ['get_account_balance'] },
  });
  const traceStore = createTraceStore({ url: init.tracesUrl });
  const agent: Agent = createAgent({
    model: createOpenAICompatibleModel({
      baseURL: init.baseURL,
      modelId: init.modelId,
      ...(init.apiKey === undefined ? {} : { apiKey: init.apiKey }),
      headers: { ...init.headers, 'x-toolplan-namespace': init.namespace },
    }),
    tools: [...queued.tools, ...tools.local],
    store,
    traceStore,
    onError: (error) =>
      send({ type: 'background-error', message: (error as Error).message ?? String(error) }),
  });
  const run = async (request: FleetRunRequest): Promise<FleetRunReply> => {
    try {
      const result = await tenants.run(request.tenant, () =>
        agent.run(request.query, { runId: request.runId, shareScope: request.tenant }),
      );
      return {
        type: 'result',
        id: request.id,
        answer: result.answer,
        answeredBy: result.answeredBy,
        llmCalls: result.usage.llmCalls,
        inputTokens: result.usage.inputTokens,
        cachedInputTokens: result.usage.cachedInputTokens,
        outputTokens: result.usage.outputTokens,
        steps: describeSteps(result.steps),
      };
    } catch (error) {
      const { name = 'Error', message = String(error) } = error as Partial<Error>;
      const partial = (error as { partial?: { steps?: Parameters<typeof describeSteps>[0] } })
        .partial;
      return {
        type: 'error',
        id: request.id,
        name,
        message,
        ...(partial?.steps === undefined ? {} : { steps: describeSteps(partial.steps) }),
      };
    }
  };
  const close = async () => {
    await Promise.allSettled([queued.close(), store.close(), traceStore.close()]);
  };
  return { run, close };
}

/** What the caller learns of each step: its tool, how it ended, and why it failed. */
function describeSteps(
  steps: ReadonlyArray<{ tool: string; status: string; error?: Error | undefined }>,
): Array<{ tool: string; status: string; error?: string }> {
  return steps.map((step) => ({
    tool: step.tool,
    status: step.status,
    ...(step.error === undefined
      ? {}
      : { error: `${rootCause(step.error).name}: ${step.error.message}` }),
  }));
}

/** The error a step's error wraps, all the way down (`WorkerDiedError` inside the runtime's). */
function rootCause(error: Error): Error {
  let cause = error;
  for (let depth = 0; depth < 8 && cause.cause instanceof Error; depth += 1) cause = cause.cause;
  return cause;
}

serveFleetProcess<FleetAgentInit, FleetRunRequest, Awaited<ReturnType<typeof start>>>({
  start,
  onMessage: (agent, request) => {
    void agent.run(request).then(send);
  },
});
