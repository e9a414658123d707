// A second process for the Redis tests: `node --import tsx redis-store-child.test-utils.ts`, with
// REDIS_URL, APP, MODE (`hold`: its call never ends, until it is killed; `call`: calls and
// prints) and LEASE_MS in its environment.
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { executePlan } from '../runtime/index.js';
import { createToolRegistry, defineTool, type Tool } from '../tools/index.js';
import { redisStore } from './redis-store.js';

/** The tool both processes share calls of: the same definition, so the same catalog. */
export function lookupTool(execute: (input: { id: string }) => Promise<unknown>): Tool {
  return defineTool({
    name: 'slow_lookup',
    description: 'Looks a record up, slowly',
    inputSchema: z.object({ id: z.string() }),
    readOnly: true,
    execute,
  }) as Tool;
}

export const lookupPlan = { steps: [{ id: 's', tool: 'slow_lookup', args: { id: 'r1' } }] };

async function main() {
  const env = process.env;
  const store = redisStore({
    url: env['REDIS_URL'] as string,
    app: env['APP'] as string,
    inFlight: { tools: ['slow_lookup'], leaseMs: Number(env['LEASE_MS'] ?? 10_000) },
  });
  let calls = 0;
  const tools = createToolRegistry([
    lookupTool(async ({ id }) => {
      calls += 1;
      if (env['MODE'] === 'hold') {
        process.stdout.write('holding\n');
        return new Promise(() => undefined);
      }
      return { id, by: 'child' };
    }),
  ]);
  const attached = store.attach({
    tools,
    planCache: undefined,
    learner: undefined,
    onError: (error) => process.stderr.write(`${String(error)}\n`),
  });
  await attached.ready;
  process.stdout.write('ready\n');
  const inFlight = attached.inFlight;
  if (inFlight === undefined) throw new Error('no in-flight sharing');
  const result = await executePlan(lookupPlan, tools, { shareScope: 'A', inFlight });
  process.stdout.write(`${JSON.stringify({ value: result.results['s'], calls })}\n`);
  await store.close();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
