// An agent in a process of its own, for the queue tests to kill mid-run: `node --import tsx` this
// file with TEST_REDIS_URL, TEST_PREFIX, TEST_QUEUE, TEST_RUN_ID and TEST_PLAN (JSON) set. Its
// model writes TEST_PLAN; the fixture tools are queued. It prints the run's answer.
import { createQueuedFixtureAgent } from './queued-fixture-agent.test-utils.js';

const agent = await createQueuedFixtureAgent({
  url: process.env['TEST_REDIS_URL'] as string,
  prefix: process.env['TEST_PREFIX'] as string,
  queueName: process.env['TEST_QUEUE'] as string,
  plan: process.env['TEST_PLAN'] as string,
});
const result = await agent.run('Send the e-mail', { runId: process.env['TEST_RUN_ID'] as string });
process.stdout.write(`${JSON.stringify({ answer: result.answer })}\n`);
await agent.close();
