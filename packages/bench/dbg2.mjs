import PQueue from 'p-queue';
import { createAgent, createOpenAICompatibleModel, redisStore } from 'toolplan';
import { queueTools, startToolWorker } from 'toolplan/queue';
import { createSimulatedProvider, resolveModelProfile } from '@toolplan/simulator';
import { fleetTraffic } from './dist/fleet/fleet-traffic.js';
import { fleetTools } from './dist/fleet/fleet-tools.js';
const N = Number(process.argv[2] ?? 4);
const useStore = process.argv[3] !== 'nostore';
const speed = 4;
const traffic = fleetTraffic(1)
  .filter((c) => !c.effect)
  .slice(0, 150);
const provider = await createSimulatedProvider({
  profile: resolveModelProfile('gpt-4o'),
  speed,
  seed: 1,
  scripts: { scenarios: [...new Map(traffic.map((c) => [c.query, c.script])).values()] },
});
const tools = fleetTools({ context: { speed, seed: 1 }, tenantOf: () => 'tenant-a' });
const prefix = 'dbgq' + Date.now();
const readTools = tools.queued.filter((t) => !['place_order', 'set_newsletter'].includes(t.name));
const workers = await Promise.all(
  [1, 2].map(() =>
    startToolWorker({
      tools: readTools,
      connection: 'redis://127.0.0.1:6379',
      prefix,
      concurrency: 64,
    }),
  ),
);
const app = 'dbg' + Date.now();
const agents = Array.from({ length: N }, () =>
  createAgent({
    model: createOpenAICompatibleModel({ baseURL: provider.url, modelId: 'gpt-4o' }),
    tools: [
      ...queueTools(readTools, { connection: 'redis://127.0.0.1:6379', prefix }).tools,
      ...tools.local,
    ],
    ...(useStore ? { store: redisStore({ url: 'redis://127.0.0.1:6379', app }) } : {}),
  }),
);
const queue = new PQueue({ concurrency: 24 });
let i = 0;
const t0 = performance.now();
await Promise.all(
  traffic.map((c) =>
    queue.add(async () => {
      const a = agents[i++ % N];
      const s = performance.now();
      const r = await a.run(c.query, { shareScope: c.tenant, runId: 'r' + c.id + Date.now() });
      const ms = performance.now() - s;
      if (ms > 3000)
        console.log(
          c.id,
          c.kind,
          r.answeredBy,
          Math.round(ms),
          JSON.stringify(
            r.steps.map((s) => [
              s.id,
              s.tool,
              Math.round(s.startMs),
              Math.round(s.endMs),
              s.status,
              s.sharedWith ?? '',
            ]),
          ),
          JSON.stringify(
            r.speculation?.calls?.map((c) => [
              c.args.city,
              c.status,
              Math.round(c.startMs),
              Math.round(c.endMs ?? -1),
            ]),
          ),
        );
    }),
  ),
);
console.log('wall', Math.round(performance.now() - t0));
await provider.close();
process.exit(0);
