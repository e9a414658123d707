// A tool worker in a process of its own, for the queue tests to kill: `node --import tsx` this
// file with TEST_REDIS_URL, TEST_PREFIX and TEST_QUEUE set. Prints `ready` once it takes jobs.
import { loadQueuePackages } from './load-queue-packages.js';
import { queueFixtureWorkerOptions } from './queue-fixture-worker-options.test-utils.js';
import { fixtureTools } from './queue-fixture-tools.test-utils.js';
import { toRedisOptions } from './redis-connection.js';
import { startToolWorker } from './start-tool-worker.js';

const url = process.env['TEST_REDIS_URL'] as string;
const prefix = process.env['TEST_PREFIX'] as string;
const packages = await loadQueuePackages('the test worker');
const redis = packages.createRedis(toRedisOptions(url));
const worker = await startToolWorker({
  ...queueFixtureWorkerOptions(url, prefix, process.env['TEST_QUEUE'] as string),
  tools: fixtureTools(redis, prefix),
});
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void worker
    .close()
    .then(() => redis.quit())
    .then(() => process.exit(0));
});
