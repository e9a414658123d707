// An agent in a process of its own, for the queue tests to kill mid-run: `node --import tsx` this
// file with TEST_REDIS_URL, TEST_PREFIX, TEST_QUEUE, TEST_RUN_ID and TEST_PLAN (JSON) set. It runs
// the plan with the fixture tools queued and prints the run's status.
import { executePlan } from '../runtime/index.js';
import { loadQueuePackages } from './load-queue-packages.js';
import { fixtureTools } from './queue-fixture-tools.test-utils.js';
import { queueTool } from './queue-tool.js';
import { toRedisOptions } from './redis-connection.js';

const url = process.env['TEST_REDIS_URL'] as string;
const prefix = process.env['TEST_PREFIX'] as string;
const packages = await loadQueuePackages('the test agent');
const redis = packages.createRedis(toRedisOptions(url));
const tools = fixtureTools(redis, prefix).map((tool) =>
  queueTool(tool, { connection: url, prefix, queueName: process.env['TEST_QUEUE'] as string }),
);
const result = await executePlan(JSON.parse(process.env['TEST_PLAN'] as string), tools, {
  runId: process.env['TEST_RUN_ID'] as string,
  policy: () => 'allow',
});
process.stdout.write(`${JSON.stringify({ status: result.status })}\n`);
await Promise.all(tools.map((tool) => tool.close()));
await redis.quit();
