import { createAgent } from '../agent/create-agent.js';
import { scriptedModel } from '../agent/scripted-model.test-utils.js';
import { loadQueuePackages } from './load-queue-packages.js';
import { fixtureTools } from './queue-fixture-tools.test-utils.js';
import { queueTools } from './queue-tool.js';
import { toRedisOptions } from './redis-connection.js';

/**
 * An agent whose model writes `plan` (once) and whose tools are the fixture tools queued: the
 * agent side of a fleet, for the tests that kill it mid-run and retry its run.
 */
export async function createQueuedFixtureAgent(options: {
  url: string;
  prefix: string;
  queueName: string;
  plan: string;
}) {
  const packages = await loadQueuePackages('the test agent');
  const redis = packages.createRedis(toRedisOptions(options.url));
  const queued = queueTools(fixtureTools(redis, options.prefix), {
    connection: options.url,
    prefix: options.prefix,
    queueName: options.queueName,
  });
  const agent = createAgent({
    model: scriptedModel([options.plan]),
    tools: queued.tools,
    learn: false,
    planCache: false,
    execute: { policy: () => 'allow' },
  });
  return {
    run: agent.run.bind(agent) as typeof agent.run,
    async close() {
      await queued.close();
      await redis.quit();
    },
  };
}
